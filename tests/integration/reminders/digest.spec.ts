import { afterEach, describe, expect, it } from 'vitest';
import { JobName, QueueName } from '../../../apps/api/src/infra/queue/queue.catalogue';
import { DIGEST_SCHEDULER_ID } from '../../../apps/api/src/notifications/digest-worker.module';
import { ReminderScheduler } from '../../../apps/api/src/reminders/reminder.scheduler';
import { TestSmtpServer } from '../support/smtp';
import {
  createReminderEnv,
  deleteRedisPrefix,
  insertTask,
  nineAm,
  seedBasics,
  type ReminderEnv,
} from '../support/reminder-env';

async function count(env: ReminderEnv, sql: string, parameters: unknown[] = []): Promise<number> {
  const [row]: { n: string }[] = await env.db.query(sql, parameters);
  return Number(row.n);
}

describe('daily digest of 催办 e-mails (worker processes, real SMTP)', { timeout: 240_000 }, () => {
  let env: ReminderEnv | undefined;
  let smtp: TestSmtpServer | undefined;

  afterEach(async () => {
    const prefix = env?.prefix;
    await env?.teardown();
    await smtp?.stop();
    if (prefix) await deleteRedisPrefix(prefix);
    env = undefined;
    smtp = undefined;
  });

  it('holds a daily user’s 催办 e-mails and sends one digest listing both tasks, once with two workers; others get each e-mail', async () => {
    smtp = await new TestSmtpServer().start();
    // Just after 09:00 on the day after the deadline: each task's first 催办 (overdue_urge) is due at once.
    env = await createReminderEnv({ virtualNow: nineAm('2026-03-21') + 1_000, smtpUrl: smtp.url });
    const seeded = await seedBasics(env.db);
    const officerA = seeded.users['officer-a'];
    await env.db.query(`INSERT INTO notification_preferences (user_id, digest) VALUES ($1, 'daily')`, [
      officerA,
    ]);
    await Promise.all([env.startWorker(), env.startWorker()]);

    const first = await insertTask(env.db, seeded, {
      title: '建立价格监测制度',
      deadline: '2026-03-20',
      lead: ['A'],
    });
    const second = await insertTask(env.db, seeded, {
      title: '推进政务数据共享',
      deadline: '2026-03-20',
      lead: ['A'],
    });
    const third = await insertTask(env.db, seeded, {
      title: '完善财政补贴办法',
      deadline: '2026-03-20',
      lead: ['B'],
    });
    for (const id of [first, second, third]) await env.app.get(ReminderScheduler).taskChanged(id);

    // officer-b (no digest) gets its 催办 by e-mail; officer-a's two are held; both inboxes get every one at once.
    await env.waitFor(
      async () =>
        smtp!.messages.some((m) => m.to.includes('officer-b@test.local')) &&
        (await count(env!, `SELECT count(*) AS n FROM notification_deliveries WHERE status = 'held'`)) === 2,
      90_000,
      "officer-b's e-mail sent and officer-a's two held",
    );
    expect(smtp.messages.filter((m) => m.to.includes('officer-a@test.local'))).toEqual([]);
    expect(
      await count(
        env,
        `SELECT count(*) AS n FROM notification_deliveries WHERE channel = 'inbox' AND user_id = $1`,
        [officerA],
      ),
    ).toBe(2);
    expect(smtp.messages.find((m) => m.to.includes('officer-b@test.local'))?.subject).toBe(
      '【催办】已逾期1天：完善财政补贴办法',
    );

    // Every worker installed the same cron scheduler (08:30 Shanghai): one schedule.
    const scheduler = await env.queues.get(QueueName.Maintenance).getJobScheduler(DIGEST_SCHEDULER_ID);
    expect(scheduler).toMatchObject({ pattern: '30 8 * * *', tz: 'Asia/Shanghai' });

    // The digest's run, twice at once (as if both workers' timers fired, or a retry overlapped).
    await env.queues.addBulk([
      { name: JobName.SendDigests, payload: { reason: 'manual' }, jobId: 'digest-run-1' },
      { name: JobName.SendDigests, payload: { reason: 'manual' }, jobId: 'digest-run-2' },
    ]);
    const maintenance = env.queues.get(QueueName.Maintenance);
    await env.waitFor(
      async () =>
        (await maintenance.getJobState('digest-run-1')) === 'completed' &&
        (await maintenance.getJobState('digest-run-2')) === 'completed' &&
        smtp!.messages.some((m) => m.to.includes('officer-a@test.local')),
      60_000,
      'both digest runs done and the digest e-mail received',
    );
    // Time for a (wrong) second digest e-mail to arrive.
    await new Promise((r) => setTimeout(r, 2_000));
    const toA = smtp.messages.filter((m) => m.to.includes('officer-a@test.local'));
    expect(toA).toHaveLength(1);
    expect(toA[0].subject).toBe('【督办每日汇总】2026年3月21日：2项任务，2条催办');
    expect(toA[0].text).toContain('officer-a：');
    expect(toA[0].text).toContain('建立价格监测制度\n   完成时限：2026年3月20日（逾期1天）');
    expect(toA[0].text).toContain('推进政务数据共享');
    expect(toA[0].text).toContain('【催办】已逾期1天：建立价格监测制度');
    expect(toA[0].text).toContain(`查看任务：http://duban.test/tasks/${first}`);
    expect(toA[0].text).toContain(`查看任务：http://duban.test/tasks/${second}`);
    expect(toA[0].text).not.toContain('完善财政补贴办法');
    expect(smtp.messages.filter((m) => m.to.includes('officer-b@test.local'))).toHaveLength(1);

    // The held rows point at the one digest delivery, which is sent; nothing is held any more.
    const rows: { status: string; digest_delivery_id: string | null }[] = await env.db.query(
      `SELECT d.status, d.digest_delivery_id FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
        WHERE d.user_id = $1 AND d.channel = 'email' AND n.rule = 'overdue_urge'`,
      [officerA],
    );
    expect(rows.map((r) => r.status)).toEqual(['digested', 'digested']);
    expect(new Set(rows.map((r) => r.digest_delivery_id)).size).toBe(1);
    await env.waitFor(
      async () =>
        (await count(
          env!,
          `SELECT count(*) AS n FROM notification_deliveries WHERE id = $1 AND status = 'sent'`,
          [rows[0].digest_delivery_id],
        )) === 1,
      20_000,
      'the digest delivery marked sent',
    );
    expect(
      await count(env, `SELECT count(*) AS n FROM notifications WHERE key = $1`, [
        `digest:${officerA}:2026-03-21`,
      ]),
    ).toBe(1);

    // A third run the same day finds nothing to do.
    await env.queues.add({ name: JobName.SendDigests, payload: { reason: 'manual' }, jobId: 'digest-run-3' });
    await env.waitFor(
      async () => (await maintenance.getJobState('digest-run-3')) === 'completed',
      30_000,
      'the third run',
    );
    expect(await count(env, `SELECT count(*) AS n FROM notifications WHERE rule = 'digest.daily'`)).toBe(1);
  });
});
