/**
 * Two API processes and two workers (the built dist/apps/api/main.js and worker.js) against one
 * PostgreSQL database, one Redis prefix and one S3-compatible server (s3rver): what several hosts behind
 * a load balancer share. Evidence crosses instances, reminders fire once, and rolling restarts by
 * SIGTERM (HTTP drained, active jobs finished) lose no request and no job.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EvidenceDto } from '@duban/domain';
import { hash } from 'bcrypt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReminderScheduler } from '../../../apps/api/src/reminders/reminder.scheduler';
import {
  createReminderEnv,
  insertTask,
  nineAm,
  seedBasics,
  type ApiProcess,
  type ReminderEnv,
  type Seeded,
  type WorkerProcess,
} from '../support/reminder-env';
import { TestS3Server } from '../support/s3-server';
import { TestSmtpServer } from '../support/smtp';
import { RollingClient, type Instance } from './rolling-client';

const PASSWORD = 'Multi-instance-2026';
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(300 * 1024), Buffer.from('\n%%EOF\n')]);

async function login(baseUrl: string, username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function sentEmails(env: ReminderEnv): Promise<number> {
  const [row] = await env.db.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM notification_deliveries WHERE channel = 'email' AND status = 'sent'`,
  );
  return row?.n ?? 0;
}

describe('several API and worker instances', { timeout: 180_000 }, () => {
  let env: ReminderEnv;
  let smtp: TestSmtpServer;
  let s3: TestS3Server;
  let seeded: Seeded;
  const apis: ApiProcess[] = [];
  const workers: WorkerProcess[] = [];
  const stagingDirs: string[] = [];
  let sharedEnv: Record<string, string>;

  /** Each API its own local directory: only the bucket is shared, as between two hosts. */
  async function startApi(): Promise<ApiProcess> {
    const dir = await mkdtemp(join(tmpdir(), 'duban-mi-api-'));
    stagingDirs.push(dir);
    return env.startApi({ EVIDENCE_DIR: dir });
  }

  beforeAll(async () => {
    // Each message held 25 ms, so a worker is caught mid-sending when it gets SIGTERM.
    smtp = await new TestSmtpServer(25).start();
    s3 = await TestS3Server.start();
    sharedEnv = { JWT_SECRET: randomBytes(32).toString('hex'), ...s3.env(), HEALTH_REQUIRE_WORKER: 'false' };
    env = await createReminderEnv({
      virtualNow: nineAm('2026-03-20') - 25_000,
      smtpUrl: smtp.url,
      queue: { concurrency: 4, deliveryConcurrency: 3 },
      env: sharedEnv,
    });
    seeded = await seedBasics(env.db);
    const passwordHash = await hash(PASSWORD, 4);
    await env.db.query(`UPDATE users SET password_hash = $1`, [passwordHash]);
    const [a, b] = await Promise.all([startApi(), startApi()]);
    apis.push(a, b);
    workers.push(...(await Promise.all([env.startWorker(), env.startWorker()])));
  });

  afterAll(async () => {
    await env?.teardown();
    await smtp?.stop();
    await s3?.stop();
    await Promise.all(stagingDirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('serves evidence uploaded through one API from the other (shared S3 bucket, no shared disk)', async () => {
    const [first, second] = apis as [ApiProcess, ApiProcess];
    const taskId = await insertTask(env.db, seeded, {
      title: '跨实例材料',
      deadline: '2026-06-30',
      lead: ['A'],
    });
    const form = new FormData();
    form.append('file', new Blob([PDF]), '推进情况.pdf');
    const upload = await fetch(`${first.baseUrl}/api/tasks/${taskId}/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await login(first.baseUrl, 'officer-a')}` },
      body: form,
    });
    expect(upload.status).toBe(201);
    const evidence = (await upload.json()) as EvidenceDto;

    const download = await fetch(`${second.baseUrl}/api/evidence/${evidence.id}`, {
      headers: { authorization: `Bearer ${await login(second.baseUrl, 'sup-1')}` },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PDF);
    expect(await s3.keys()).toEqual([`${evidence.sha256.slice(0, 2)}/${evidence.sha256}`]);
    // Neither API kept the content locally (only an empty staging folder).
    for (const dir of stagingDirs) {
      const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
      expect(files).toEqual([]);
    }
  });

  it('fires each due reminder exactly once across two workers, one of them SIGTERMed mid-sending', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      ids.push(
        await insertTask(env.db, seeded, { title: `多实例任务${i}`, deadline: '2026-03-21', lead: ['B'] }),
      );
    }
    await env.app.get(ReminderScheduler).tasksChanged(ids);
    // The D-1 reminders fall due at 09:00 on 03-20 (25 s of virtual time after the start).
    await env.waitFor(() => smtp.messages.length >= 10, 90_000, 'the first e-mails');
    const terminated = workers[0];
    await terminated.kill('SIGTERM');
    const atExit = await sentEmails(env);
    expect(atExit).toBeLessThan(ids.length);
    // The drained worker finished its active jobs: it logged the drain and exited by itself.
    expect(terminated.output.join('')).toMatch(/drained/);
    workers[0] = await env.startWorker();

    await env.waitFor(async () => (await sentEmails(env)) >= ids.length, 120_000, 'every e-mail sent');
    await new Promise((r) => setTimeout(r, 1500));
    const [notes] = await env.db.query<{ n: number; keys: number }[]>(
      `SELECT count(*)::int AS n, count(DISTINCT key)::int AS keys FROM notifications WHERE task_id = ANY($1)`,
      [ids],
    );
    expect(notes).toEqual({ n: ids.length, keys: ids.length });
    // A graceful stop re-sends nothing (a SIGKILL may re-send a message it had not yet marked sent).
    expect(smtp.messages.length).toBe(ids.length);
    expect(smtp.distinctMessageIds().size).toBe(ids.length);
  });

  it('loses no request while the APIs restart one after the other (SIGTERM drains)', async () => {
    const token = await login(apis[0].baseUrl, 'sup-1');
    const instances: Instance[] = apis.map((api, i) => ({
      name: `api-${i + 1}`,
      baseUrl: api.baseUrl,
      up: true,
    }));
    const client = new RollingClient(instances, '/api/tasks', token);
    client.start(6);
    const terms: { instance: string; at: number }[] = [];
    for (const [i, instance] of instances.entries()) {
      await new Promise((r) => setTimeout(r, 1500));
      const api = apis[i];
      terms.push({ instance: instance.name, at: Date.now() });
      // SIGTERM without telling the balancer first: in-flight requests must complete, new ones are refused.
      const started = Date.now();
      await api.kill('SIGTERM');
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(api.output.join('')).toMatch(/stopped cleanly/);
      instance.up = false;
      apis[i] = await startApi();
      instance.baseUrl = apis[i].baseUrl;
      instance.up = true;
    }
    await new Promise((r) => setTimeout(r, 1500));
    await client.stop();

    const spanning = client.records.filter((r) =>
      terms.some((t) => r.instance === t.instance && r.startedAt <= t.at && r.endedAt >= t.at),
    );
    const rerouted = client.records.filter((r) => r.reroutes > 0).length;
    console.log(
      `rolling restart: ${client.records.length} requests, ${spanning.length} in flight at a SIGTERM, ` +
        `${rerouted} re-routed after a refusal, ${client.lost.length} lost`,
    );
    if (client.lost.length) console.log(JSON.stringify(client.lost.slice(0, 5)), JSON.stringify(terms));
    expect(client.lost).toEqual([]);
    expect(client.records.length).toBeGreaterThan(100);
    expect(spanning.every((r) => r.status === 200)).toBe(true);
    // Both restarted instances serve again.
    for (const instance of instances) {
      expect(
        client.records.some((r) => r.instance === instance.name && r.endedAt > (terms.at(-1)?.at ?? 0)),
      ).toBe(true);
    }
  });
});
