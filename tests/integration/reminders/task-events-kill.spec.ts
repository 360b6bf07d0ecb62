import { afterEach, describe, expect, it } from 'vitest';
import { recordTaskEvents } from '../../../apps/api/src/events/task-event-outbox';
import { TestSmtpServer } from '../support/smtp';
import { createReminderEnv, insertTask, seedBasics, type ReminderEnv } from '../support/reminder-env';
import { addOfficer, count, settled } from '../support/task-events-env';

const EVENTS = 1500;
const OFFICERS = 4;

describe('task-event fan-out under a worker SIGKILL', { timeout: 300_000 }, () => {
  let env: ReminderEnv | undefined;
  let smtp: TestSmtpServer | undefined;

  afterEach(async () => {
    await env?.teardown();
    await smtp?.stop();
    env = undefined;
    smtp = undefined;
  });

  it('still gives every recipient exactly one message per channel when the worker dies mid-drain', async () => {
    smtp = await new TestSmtpServer(5).start();
    env = await createReminderEnv({
      virtualNow: Date.parse('2026-03-10T02:00:00Z'),
      smtpUrl: smtp.url,
      queue: { deliveryConcurrency: 5 },
    });
    const seeded = await seedBasics(env.db);
    for (let i = 2; i <= OFFICERS; i++) await addOfficer(env, seeded, `officer-a${i}`, 'A');
    const taskIds: string[] = [];
    for (let i = 0; i < 50; i++)
      taskIds.push(
        await insertTask(env.db, seeded, { title: `中断任务${i}`, deadline: '2026-04-30', lead: ['A'] }),
      );
    // The events are committed before any worker runs; small batches, so the kill lands between and inside them.
    await env.db.transaction((manager) =>
      recordTaskEvents(
        manager,
        Array.from({ length: EVENTS }, (_, i) => ({
          taskId: taskIds[i % taskIds.length],
          kind: 'task.returned' as const,
          payload: { reason: `理由${i}` },
        })),
      ),
    );
    const processed = (): Promise<number> =>
      count(env!, 'SELECT count(*) AS n FROM task_events WHERE processed_at IS NOT NULL');

    const first = await env.startWorker({ EVENTS_BATCH_SIZE: '25', EVENTS_POLL_EVERY_MS: '500' });
    // Killed while it holds a batch: its FOR UPDATE row locks on task_events show an open fan-out transaction.
    const holdingBatch = async (): Promise<boolean> =>
      (await count(
        env!,
        `SELECT count(*) AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
          WHERE c.relname = 'task_events' AND l.mode = 'RowShareLock' AND l.pid <> pg_backend_pid()`,
      )) > 0;
    await env.waitFor(
      async () => (await processed()) >= 100 && (await holdingBatch()),
      60_000,
      'the first batches, then one in flight',
    );
    await first.kill('SIGKILL');
    const atKill = await processed();
    expect(atKill).toBeLessThan(EVENTS);
    // Whatever the killed worker had not committed is still to do, and nothing half-written is visible.
    expect(
      await count(
        env,
        `SELECT count(*) AS n FROM notifications n WHERE n.key LIKE 'event:%'
            AND NOT EXISTS (SELECT 1 FROM task_events e WHERE 'event:' || e.id || ':dept-' || n.department_id = n.key
                                                         AND e.processed_at IS NOT NULL)`,
      ),
    ).toBe(0);

    await env.startWorker({ EVENTS_BATCH_SIZE: '25', EVENTS_POLL_EVERY_MS: '500' });
    await env.waitFor(() => settled(env!), 240_000, 'every event drained and every e-mail sent');

    const recipients = OFFICERS;
    expect(await count(env, `SELECT count(*) AS n FROM notifications WHERE rule = 'task.returned'`)).toBe(
      EVENTS,
    );
    for (const channel of ['inbox', 'email']) {
      expect(
        await count(
          env,
          `SELECT count(*) AS n FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
            WHERE n.rule = 'task.returned' AND d.channel = $1`,
          [channel],
        ),
        channel,
      ).toBe(EVENTS * recipients);
    }
    // One per (event, officer): no officer lacks one, none has two.
    expect(
      await count(
        env,
        `SELECT count(*) AS n FROM (
           SELECT n.key, d.user_id FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
            WHERE n.rule = 'task.returned' AND d.channel = 'inbox' GROUP BY 1, 2 HAVING count(*) = 1) x`,
      ),
    ).toBe(EVENTS * recipients);
    // SMTP: one message per e-mail delivery (a copy re-sent after the kill carries the same Message-ID).
    expect(smtp.distinctMessageIds().size).toBe(EVENTS * recipients);
    expect(smtp.messages.length - EVENTS * recipients).toBeLessThanOrEqual(5);
  });
});
