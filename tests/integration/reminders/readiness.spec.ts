import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReminderScheduler } from '../../../apps/api/src/reminders/reminder.scheduler';
import {
  createReminderEnv,
  deleteRedisPrefix,
  insertTask,
  nineAm,
  seedBasics,
  type ApiProcess,
  type ReminderEnv,
  type WorkerProcess,
} from '../support/reminder-env';

interface Health {
  status: number;
  code?: string;
  reason?: string;
  reminders?: { details?: { orphanedActiveJobs?: number; liveWorkers?: number } };
}

async function readiness(api: ApiProcess): Promise<Health> {
  const response = await fetch(`${api.baseUrl}/api/health`);
  const body = (await response.json()) as {
    code?: string;
    reason?: string;
    checks: Record<string, Health['reminders']>;
  };
  return {
    status: response.status,
    code: body.code,
    reason: body.reason,
    reminders: body.checks['reminders'],
  };
}

/** Polls readiness until it answers `status`; returns how long that took. */
async function until(env: ReminderEnv, api: ApiProcess, status: number, what: string): Promise<number> {
  const started = Date.now();
  await env.waitFor(async () => (await readiness(api)).status === status, 20_000, what);
  return Date.now() - started;
}

// A real worker and a real API process on one environment; each fault is applied, seen, then repaired.
describe('readiness (GET /api/health) sees the reminder system', { timeout: 90_000 }, () => {
  let env: ReminderEnv;
  let api: ApiProcess;
  let worker: WorkerProcess;

  beforeAll(async () => {
    env = await createReminderEnv({
      virtualNow: nineAm('2026-03-20') - 3_600_000,
      queue: { reconcileEveryMs: 2_000 },
    });
    const seeded = await seedBasics(env.db);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++)
      ids.push(await insertTask(env.db, seeded, { title: `就绪${i}`, deadline: '2026-03-25', lead: ['A'] }));
    await env.app.get(ReminderScheduler).tasksChanged(ids);
    api = await env.startApi();
    // Liveness answers whatever the dependencies do.
    expect((await fetch(`${api.baseUrl}/api/health/live`)).status).toBe(200);
    const before = await readiness(api);
    expect(before.status).toBe(503);
    expect(before.code).toBe('HEALTH_NO_WORKER');
    worker = await env.startWorker();
    await until(env, api, 200, 'ready once a worker runs');
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('503 HEALTH_NO_WORKER within 10 s of the last worker being killed, 200 once one runs again', async () => {
    await worker.kill('SIGKILL');
    expect(await until(env, api, 503, 'not ready without a worker')).toBeLessThan(10_000);
    const down = await readiness(api);
    expect(down.code).toBe('HEALTH_NO_WORKER');
    expect(down.reason).toMatch(/没有存活的提醒 worker/);
    expect(down.reminders?.details?.liveWorkers).toBe(0);
    worker = await env.startWorker();
    expect(await until(env, api, 200, 'ready again')).toBeLessThan(10_000);
  });

  it('503 within 10 s after Redis lost this prefix (FLUSHALL), 200 once the worker re-installed and reconciled', async () => {
    expect(await deleteRedisPrefix(env.prefix)).toBeGreaterThan(0);
    const seenAfter = await until(env, api, 503, 'not ready after the flush');
    expect(seenAfter).toBeLessThan(10_000);
    const down = await readiness(api);
    expect([
      'HEALTH_NO_WORKER',
      'HEALTH_RECONCILE_SCHEDULER_MISSING',
      'HEALTH_RECONCILE_NEVER_RAN',
    ]).toContain(down.code);
    expect(down.reason).toBeTruthy();
    expect(await until(env, api, 200, 'ready after the worker restored the jobs')).toBeLessThan(15_000);
  });
});
