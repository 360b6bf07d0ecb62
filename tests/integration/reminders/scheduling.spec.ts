import { DEFAULT_REMINDER_POLICY, expectedReminders } from '@duban/domain';
import { UnrecoverableError, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueName } from '../../../apps/api/src/infra/queue/queue.catalogue';
import { createRedis } from '../../../apps/api/src/infra/queue/redis';
import { Clock } from '../../../apps/api/src/infra/queue/clock';
import { ReminderReconciler } from '../../../apps/api/src/reminders/reminder.reconciler';
import { reminderJobId, ReminderScheduler } from '../../../apps/api/src/reminders/reminder.scheduler';
import { ReminderTaskSource } from '../../../apps/api/src/reminders/reminder-task.source';
import {
  createReminderEnv,
  deleteRedisPrefix,
  insertTask,
  pendingJobsOfTask,
  pendingReminderJobIds,
  seedBasics,
  type ReminderEnv,
  type Seeded,
} from '../support/reminder-env';

describe('reminder scheduling against real Redis and PostgreSQL', () => {
  let env: ReminderEnv;
  let seeded: Seeded;
  let scheduler: ReminderScheduler;
  let source: ReminderTaskSource;
  let clock: Clock;

  beforeAll(async () => {
    env = await createReminderEnv({ virtualNow: Date.parse('2026-03-01T00:00:00Z') });
    seeded = await seedBasics(env.db);
    scheduler = env.app.get(ReminderScheduler);
    source = env.app.get(ReminderTaskSource);
    clock = env.app.get(Clock);
  }, 300_000);

  afterAll(async () => {
    await env?.teardown();
  });

  /** What the task's current state calls for, as job ids. */
  async function expectedJobIds(taskIds: string[]): Promise<string[]> {
    const tasks = await source.loadMany(taskIds);
    return tasks
      .flatMap((t) =>
        expectedReminders(t, { ...DEFAULT_REMINDER_POLICY, ...env.config.reminders }, clock.now()),
      )
      .map((r) => reminderJobId(r.key))
      .sort();
  }

  const pendingOf = (taskId: string): Promise<string[]> => pendingJobsOfTask(env.queues, taskId);

  it('schedules exactly the expected reminders, delayed to 09:00 Shanghai, and a repeat is a no-op', async () => {
    const taskId = await insertTask(env.db, seeded, {
      title: '加快推进试点',
      deadline: '2026-03-20',
      lead: ['A'],
      participants: ['B'],
    });
    await scheduler.taskChanged(taskId);
    await scheduler.taskChanged(taskId);
    const pending = await pendingOf(taskId);
    expect(pending).toEqual(await expectedJobIds([taskId]));
    expect(pending).toHaveLength(8);
    const job = await env.queues
      .get('reminders' as never)
      .getJob(reminderJobId(`${taskId}:dept-${seeded.departments['B']}:deadline_today:2026-03-20`));
    expect(job?.data).toMatchObject({ dueAt: '2026-03-20T01:00:00.000Z', rule: 'deadline_today' });
    // Delay is measured in real time against the virtual clock: ~19 days + 1 h from 2026-03-01T00:00Z.
    expect(Math.abs((job?.opts.delay ?? 0) - (19 * 86_400_000 + 3_600_000))).toBeLessThan(60_000);
  });

  it('after a changed deadline, an extension, a reassignment and completion, exactly the right reminders are pending', async () => {
    const taskId = await insertTask(env.db, seeded, {
      title: '完善配套政策',
      deadline: '2026-03-10',
      lead: ['A'],
      participants: ['B'],
    });
    await scheduler.taskChanged(taskId);
    const first = await pendingOf(taskId);
    expect(first).toEqual(await expectedJobIds([taskId]));

    await env.db.query(`UPDATE tasks SET deadline = '2026-03-25' WHERE id = $1`, [taskId]);
    await scheduler.taskChanged(taskId);
    const afterChange = await pendingOf(taskId);
    expect(afterChange).toEqual(await expectedJobIds([taskId]));
    expect(afterChange.filter((id) => first.includes(id))).toEqual([]);

    // Extension granted: deadline in force moves, original kept.
    await env.db.query(
      `UPDATE tasks SET original_deadline = deadline, deadline = '2026-04-30' WHERE id = $1`,
      [taskId],
    );
    await scheduler.taskChanged(taskId);
    expect(await pendingOf(taskId)).toEqual(await expectedJobIds([taskId]));
    expect((await pendingOf(taskId)).some((id) => id.endsWith('|2026-04-30'))).toBe(true);

    // Reassignment: C replaces A as lead.
    await env.db.query(
      `UPDATE task_assignments SET department_id = $2 WHERE task_id = $1 AND role = 'lead'`,
      [taskId, seeded.departments['C']],
    );
    await scheduler.taskChanged(taskId);
    const reassigned = await pendingOf(taskId);
    expect(reassigned).toEqual(await expectedJobIds([taskId]));
    expect(reassigned.some((id) => id.includes(`|dept-${seeded.departments['A']}|`))).toBe(false);
    expect(reassigned.some((id) => id.includes(`|dept-${seeded.departments['C']}|`))).toBe(true);

    await env.db.query(`UPDATE tasks SET status = 'done', completed_at = now() WHERE id = $1`, [taskId]);
    await scheduler.taskChanged(taskId);
    expect(await pendingOf(taskId)).toEqual([]);
    expect(await scheduler.trackedJobIds(taskId)).toEqual([]);
  });

  it('after a random sequence of edits, pending equals expected every time', async () => {
    const taskId = await insertTask(env.db, seeded, {
      title: '随机编辑',
      deadline: '2026-03-15',
      lead: ['A'],
    });
    const deadlines = ['2026-03-02', '2026-03-08', '2026-04-01', null, '2026-03-20', '2026-02-20'];
    const statuses = ['in_progress', 'submitted', 'returned', 'in_progress'];
    for (let step = 0; step < 12; step++) {
      if (step % 3 === 0)
        await env.db.query('UPDATE tasks SET deadline = $2 WHERE id = $1', [
          taskId,
          deadlines[step % deadlines.length],
        ]);
      if (step % 3 === 1)
        await env.db.query('UPDATE tasks SET status = $2 WHERE id = $1', [
          taskId,
          statuses[step % statuses.length],
        ]);
      if (step % 3 === 2) {
        await env.db.query(`DELETE FROM task_assignments WHERE task_id = $1 AND role = 'participant'`, [
          taskId,
        ]);
        if (step % 2 === 0) {
          await env.db.query(
            `INSERT INTO task_assignments (task_id, department_id, role, position) VALUES ($1, $2, 'participant', 5)`,
            [taskId, seeded.departments['B']],
          );
        }
      }
      await scheduler.taskChanged(taskId);
      expect(await pendingOf(taskId), `step ${step}`).toEqual(await expectedJobIds([taskId]));
    }
  });

  it('after Redis loses its data, the reconciler restores every pending reminder from PostgreSQL', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      ids.push(
        await insertTask(env.db, seeded, {
          title: `批量任务${i}`,
          deadline: i % 4 === 0 ? null : `2026-03-${String(5 + i).padStart(2, '0')}`,
          lead: [i % 2 === 0 ? 'A' : 'B'],
          participants: i % 3 === 0 ? ['C'] : [],
          createdAt: '2026-02-20T02:00:00Z',
        }),
      );
    }
    await scheduler.tasksChanged(ids);
    const openRows: { id: string }[] = await env.db.query(`SELECT id FROM tasks WHERE status <> 'done'`);
    const openIds = openRows.map((r) => r.id);
    const before = await pendingReminderJobIds(env.queues);
    expect(before).toEqual(await expectedJobIds(openIds));

    expect(await deleteRedisPrefix(env.prefix)).toBeGreaterThan(0);
    expect(await pendingReminderJobIds(env.queues)).toEqual([]);

    const result = await env.app.get(ReminderReconciler).reconcile();
    expect(result.tasks).toBe(openIds.length);
    expect(await pendingReminderJobIds(env.queues)).toEqual(before);
  });

  it('retries reminder jobs that failed every attempt (their ids would otherwise block re-adding)', async () => {
    // Overdue since 02-27: the 催办 of 02-28 is late-sendable, so its job is waiting (due now).
    const taskId = await insertTask(env.db, seeded, {
      title: '失败重试',
      deadline: '2026-02-27',
      lead: ['C'],
    });
    await scheduler.taskChanged(taskId);
    const queue = env.queues.get(QueueName.Reminders);
    const due = (await queue.getJobs(['waiting'], 0, -1)).filter(
      (j) => (j.data as { taskId: string }).taskId === taskId,
    );
    expect(due.map((j) => j.id)).toEqual([
      `${taskId}|dept-${seeded.departments['C']}|overdue_urge|2026-02-28`,
    ]);
    const connection = createRedis(env.config.redis.url, 'consumer');
    // A stand-in consumer fails every job for good, as if PostgreSQL had been down for all attempts.
    const failing = new Worker(
      QueueName.Reminders,
      () => Promise.reject(new UnrecoverableError('database unavailable')),
      { connection, prefix: env.queues.prefix, autorun: true },
    );
    await new Promise<void>((resolve) => {
      const check = async (): Promise<void> => {
        const failed = (await queue.getJobs(['failed'], 0, -1)).filter(
          (j) => (j.data as { taskId: string }).taskId === taskId,
        );
        if (failed.length >= due.length) resolve();
        else setTimeout(() => void check(), 100);
      };
      void check();
    });
    await failing.close();
    await connection.quit();
    const result = await env.app.get(ReminderReconciler).reconcile();
    expect(result.failedRetried).toBeGreaterThanOrEqual(due.length);
    const waiting = (await queue.getJobs(['waiting'], 0, -1)).filter(
      (j) => (j.data as { taskId: string }).taskId === taskId,
    );
    expect(waiting.map((j) => j.id).sort()).toEqual(due.map((j) => j.id).sort());
  });
});
