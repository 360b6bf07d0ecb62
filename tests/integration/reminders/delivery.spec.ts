import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { QueueName } from '../../../apps/api/src/infra/queue/queue.catalogue';
import { ReminderScheduler } from '../../../apps/api/src/reminders/reminder.scheduler';
import { TestSmtpServer } from '../support/smtp';
import {
  clockAt,
  createReminderEnv,
  DAY_MS,
  insertTask,
  nineAm,
  seedBasics,
  waitFor,
  type ReminderEnv,
} from './reminder-fixture';

interface SentRow {
  key: string;
  rule: string;
  due_at: Date;
  sent_at: Date;
  title: string;
}

async function sentNotifications(env: ReminderEnv): Promise<SentRow[]> {
  return env.db.query('SELECT key, rule, due_at, sent_at, title FROM notifications ORDER BY sent_at, key');
}

async function count(env: ReminderEnv, sql: string): Promise<number> {
  const [row]: { n: string }[] = await env.db.query(sql);
  return Number(row.n);
}

describe('reminder delivery by worker processes', () => {
  let env: ReminderEnv | undefined;
  let smtp: TestSmtpServer | undefined;
  let http: Server | undefined;

  afterEach(async () => {
    await env?.teardown();
    await smtp?.stop();
    await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()));
    env = undefined;
    smtp = undefined;
    http = undefined;
  });

  it('fires in order, on time, never early, once each, to the inbox and by e-mail with a Chinese subject', async () => {
    smtp = await new TestSmtpServer().start();
    // One virtual day passes in 4 real seconds; the run starts at 09:00 two days before the deadline.
    const scale = DAY_MS / 4000;
    env = await createReminderEnv({ clock: clockAt(nineAm('2026-03-18'), scale), smtpUrl: smtp.url });
    const seeded = await seedBasics(env.db);
    const taskId = await insertTask(env.db, seeded, {
      title: '推进药品集中采购',
      deadline: '2026-03-20',
      lead: ['A'],
      participants: ['B'],
    });
    await env.app.get(ReminderScheduler).taskChanged(taskId);
    await env.startWorker();

    await waitFor(
      async () => (await sentNotifications(env!)).length >= 5,
      20_000,
      'five reminders (D-1 ×2, D ×2, D+1)',
    );
    const sent = await sentNotifications(env);
    expect(sent.map((n) => `${n.rule}@${n.due_at.toISOString()}`)).toEqual([
      'deadline_approaching@2026-03-19T01:00:00.000Z',
      'deadline_approaching@2026-03-19T01:00:00.000Z',
      'deadline_today@2026-03-20T01:00:00.000Z',
      'deadline_today@2026-03-20T01:00:00.000Z',
      'overdue_urge@2026-03-21T01:00:00.000Z',
    ]);
    for (const n of sent) {
      const lateVirtualMs = n.sent_at.getTime() - n.due_at.getTime();
      expect(lateVirtualMs, `${n.key} early`).toBeGreaterThanOrEqual(0);
      expect(lateVirtualMs / scale, `${n.key} real lateness (ms)`).toBeLessThan(1000);
    }
    expect(new Set(sent.map((n) => n.key)).size).toBe(5);

    await waitFor(() => smtp!.messages.length >= 5, 10_000, 'five e-mails');
    expect(
      await count(env, `SELECT count(*) AS n FROM notification_deliveries WHERE channel = 'inbox'`),
    ).toBe(5);
    expect(
      await count(
        env,
        `SELECT count(*) AS n FROM notification_deliveries WHERE channel = 'email' AND status = 'sent'`,
      ),
    ).toBe(5);
    const subjects = smtp.messages.map((m) => m.subject).sort();
    expect(subjects).toContain('【督办提醒】明天到期：推进药品集中采购');
    expect(subjects).toContain('【催办】已逾期1天：推进药品集中采购');
    const urge = smtp.messages.find((m) => m.subject.startsWith('【催办】'));
    expect(urge?.to).toEqual(['officer-a@test.local']);
    expect(urge?.text).toContain(`查看任务：http://duban.test/tasks/${taskId}`);
    expect(urge?.text).toContain('国家发展改革委：');
  });

  it('runs two workers at once without a duplicate notification or e-mail', async () => {
    smtp = await new TestSmtpServer().start();
    const dueAt = nineAm('2026-03-20');
    env = await createReminderEnv({
      clock: clockAt(dueAt - 4000),
      smtpUrl: smtp.url,
      queue: { concurrency: 10 },
    });
    const seeded = await seedBasics(env.db);
    const ids: string[] = [];
    for (let i = 0; i < 150; i++)
      ids.push(
        await insertTask(env.db, seeded, {
          title: `并发任务${i}`,
          deadline: '2026-03-20',
          lead: [i % 2 ? 'A' : 'B'],
        }),
      );
    // The test scheduler and both workers race: every one reconciles at start.
    await env.app.get(ReminderScheduler).tasksChanged(ids);
    await Promise.all([env.startWorker(), env.startWorker()]);

    // Per task: D-1 (late but still sendable) and D (due in ~4 s).
    const expected = ids.length * 2;
    await waitFor(
      async () => smtp!.messages.length >= expected && (await sentNotifications(env!)).length >= expected,
      40_000,
      `${expected} e-mails`,
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect((await sentNotifications(env)).length).toBe(expected);
    expect(smtp.messages.length).toBe(expected);
    expect(smtp.distinctMessageIds().size).toBe(expected);
    const completed = await env.queues.get(QueueName.Reminders).getJobs(['completed'], 0, -1);
    expect(new Set(completed.map((j) => j.processedBy)).size).toBe(2);
  });

  it('delivers every notification exactly once after a worker is SIGKILLed mid-sending and another takes over', async () => {
    smtp = await new TestSmtpServer(30).start();
    const dueAt = nineAm('2026-03-20');
    env = await createReminderEnv({
      clock: clockAt(dueAt - 3000),
      smtpUrl: smtp.url,
      queue: { concurrency: 5, deliveryConcurrency: 3 },
    });
    const seeded = await seedBasics(env.db);
    const ids: string[] = [];
    for (let i = 0; i < 120; i++)
      ids.push(
        await insertTask(env.db, seeded, { title: `中断任务${i}`, deadline: '2026-03-21', lead: ['A'] }),
      );
    await env.app.get(ReminderScheduler).tasksChanged(ids);
    // Per task: the D-1 reminder, due at 09:00 on 03-20 (in ~3 s).
    const expected = ids.length;
    const first = await env.startWorker();
    await waitFor(() => smtp!.messages.length >= 20, 30_000, 'the first e-mails');
    await first.kill('SIGKILL');
    const emailsAtKill = await count(
      env,
      `SELECT count(*) AS n FROM notification_deliveries WHERE channel = 'email' AND status = 'sent'`,
    );
    expect(emailsAtKill).toBeLessThan(expected);

    await env.startWorker();
    await waitFor(
      async () =>
        (await count(
          env!,
          `SELECT count(*) AS n FROM notification_deliveries WHERE channel = 'email' AND status = 'sent'`,
        )) >= expected,
      60_000,
      'every e-mail delivery marked sent',
    );
    const sent = await sentNotifications(env);
    expect(sent.length).toBe(expected);
    expect(new Set(sent.map((n) => n.key)).size).toBe(expected);
    expect(
      await count(env, `SELECT count(*) AS n FROM notification_deliveries WHERE channel = 'inbox'`),
    ).toBe(expected);
    // Distinct by Message-ID: a message accepted just before the kill but not yet marked sent is
    // re-sent with the same Message-ID (documented limit of SMTP); receivers drop it.
    expect(smtp.distinctMessageIds().size).toBe(expected);
    expect(smtp.messages.length - expected).toBeLessThanOrEqual(3);
  });

  it('retries e-mail while the SMTP server is down, then delivers once', async () => {
    smtp = await new TestSmtpServer().start();
    await smtp.stop();
    const dueAt = nineAm('2026-03-20');
    env = await createReminderEnv({
      clock: clockAt(dueAt - 2000),
      smtpUrl: smtp.url,
      queue: { backoffMs: 400, attempts: 8 },
    });
    const seeded = await seedBasics(env.db);
    const taskId = await insertTask(env.db, seeded, {
      title: '邮件重试',
      deadline: '2026-03-21',
      lead: ['C'],
    });
    await env.app.get(ReminderScheduler).taskChanged(taskId);
    await env.startWorker();

    await waitFor(
      async () =>
        (await count(
          env!,
          `SELECT coalesce(max(attempts), 0) AS n FROM notification_deliveries WHERE channel = 'email'`,
        )) >= 2,
      20_000,
      'two failed attempts',
    );
    expect(smtp.messages).toHaveLength(0);
    await smtp.start();
    await waitFor(
      async () =>
        (await count(
          env!,
          `SELECT count(*) AS n FROM notification_deliveries WHERE status = 'sent' AND channel = 'email'`,
        )) === 1,
      30_000,
      'the e-mail',
    );
    await new Promise((r) => setTimeout(r, 1000));
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0].subject).toBe('【督办提醒】明天到期：邮件重试');
    const [row]: { attempts: number; last_error: string | null }[] = await env.db.query(
      `SELECT attempts, last_error FROM notification_deliveries WHERE channel = 'email'`,
    );
    expect(row.attempts).toBeGreaterThanOrEqual(3);
    expect(row.last_error).toBeTruthy();
  });

  it('POSTs signed JSON to a department webhook, retrying a failed answer, once', async () => {
    const received: { body: string; signature: string; delivery: string }[] = [];
    let failuresLeft = 2;
    http = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        if (failuresLeft-- > 0) {
          response.writeHead(503).end();
          return;
        }
        received.push({
          body: Buffer.concat(chunks).toString('utf8'),
          signature: String(request.headers['x-duban-signature']),
          delivery: String(request.headers['x-duban-delivery']),
        });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => http!.listen(0, '127.0.0.1', () => resolve()));
    const port = (http.address() as AddressInfo).port;

    const dueAt = nineAm('2026-03-20');
    env = await createReminderEnv({ clock: clockAt(dueAt - 2000), queue: { backoffMs: 200 } });
    const seeded = await seedBasics(env.db);
    const secret = 'a-very-long-shared-secret-0123456789';
    await env.db.query('INSERT INTO department_webhooks (department_id, url, secret) VALUES ($1, $2, $3)', [
      seeded.departments['B'],
      `http://127.0.0.1:${port}/hook`,
      secret,
    ]);
    const taskId = await insertTask(env.db, seeded, {
      title: '对接部门系统',
      deadline: '2026-03-20',
      lead: ['B'],
    });
    await env.app.get(ReminderScheduler).taskChanged(taskId);
    await env.startWorker();

    // D-1 (late-sendable) and D (due in ~2 s), both to B.
    await waitFor(() => received.length >= 2, 30_000, 'two webhook deliveries');
    await new Promise((r) => setTimeout(r, 800));
    expect(received).toHaveLength(2);
    for (const r of received) {
      expect(r.signature).toBe(`sha256=${createHmac('sha256', secret).update(r.body).digest('hex')}`);
      const payload = JSON.parse(r.body) as {
        event: string;
        notification: { title: string; task: { id: string; link: string } };
      };
      expect(payload.event).toBe('reminder');
      expect(payload.notification.task.link).toBe(`http://duban.test/tasks/${taskId}`);
    }
    expect(new Set(received.map((r) => r.delivery)).size).toBe(2);
    expect(
      received
        .map((r) => (JSON.parse(r.body) as { notification: { title: string } }).notification.title)
        .sort(),
    ).toEqual(['【督办提醒】今天到期：对接部门系统', '【督办提醒】明天到期：对接部门系统']);
  });
});
