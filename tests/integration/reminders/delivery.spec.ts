import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { QueueName } from '../../../apps/api/src/infra/queue/queue.catalogue';
import { localDateOf, DEFAULT_REMINDER_POLICY } from '@duban/domain';
import { Clock } from '../../../apps/api/src/infra/queue/clock';
import { DIGEST_SCHEDULER_ID } from '../../../apps/api/src/notifications/digest-worker.module';
import { RECONCILE_SCHEDULER_ID } from '../../../apps/api/src/reminders/reminder.reconciler';
import { ReminderScheduler } from '../../../apps/api/src/reminders/reminder.scheduler';
import { TestSmtpServer } from '../support/smtp';
import {
  createReminderEnv,
  DAY_MS,
  deleteRedisPrefix,
  insertTask,
  nineAm,
  seedBasics,
  type ReminderEnv,
} from '../support/reminder-env';

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

/** 'YYYY-MM-DD' plus n days. */
function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

// Worker processes on a loaded machine: generous time limits; lateness is asserted where it matters.
describe('reminder delivery by worker processes', { timeout: 240_000 }, () => {
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
    // One virtual day passes in 10 real seconds: slow enough that a stall of a few seconds on a loaded
    // machine cannot let a reminder be superseded (the next one of its series falls due) before it is sent.
    const scale = DAY_MS / 10_000;
    env = await createReminderEnv({ virtualNow: nineAm('2026-03-10'), scale, smtpUrl: smtp.url });
    const seeded = await seedBasics(env.db);
    await env.startWorker();
    // Scheduled once the worker is up: the deadline is 3 local days ahead, so D-1 09:00 is 10-20 s away.
    const deadline = addDays(localDateOf(env.app.get(Clock).nowMs(), DEFAULT_REMINDER_POLICY), 3);
    const taskId = await insertTask(env.db, seeded, {
      title: '推进药品集中采购',
      deadline,
      lead: ['A'],
      participants: ['B'],
    });
    await env.app.get(ReminderScheduler).taskChanged(taskId);

    await env.waitFor(
      async () => (await sentNotifications(env!)).length >= 5,
      120_000,
      'five reminders (D-1 ×2, D ×2, D+1)',
    );
    const sent = await sentNotifications(env);
    const at = (date: string): string => new Date(nineAm(date)).toISOString();
    expect(sent.map((n) => `${n.rule}@${n.due_at.toISOString()}`)).toEqual([
      `deadline_approaching@${at(addDays(deadline, -1))}`,
      `deadline_approaching@${at(addDays(deadline, -1))}`,
      `deadline_today@${at(deadline)}`,
      `deadline_today@${at(deadline)}`,
      `overdue_urge@${at(addDays(deadline, 1))}`,
    ]);
    for (const n of sent) {
      const lateVirtualMs = n.sent_at.getTime() - n.due_at.getTime();
      expect(lateVirtualMs, `${n.key} early`).toBeGreaterThanOrEqual(0);
      expect(lateVirtualMs / scale, `${n.key} real lateness (ms)`).toBeLessThan(1000);
    }
    expect(new Set(sent.map((n) => n.key)).size).toBe(5);

    // "Mark sent" follows the server's accept (in a batched update): wait for both, then count exactly.
    await env.waitFor(
      async () =>
        smtp!.messages.length >= 5 &&
        (await count(
          env!,
          `SELECT count(*) AS n FROM notification_deliveries WHERE channel = 'email' AND status = 'sent'`,
        )) >= 5,
      30_000,
      'five e-mails, marked sent',
    );
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
    expect(subjects).toContain('【督办提醒】今天到期：推进药品集中采购');
    expect(subjects).toContain('【催办】已逾期1天：推进药品集中采购');
    const urge = smtp.messages.find((m) => m.subject.startsWith('【催办】'));
    expect(urge?.to).toEqual(['officer-a@test.local']);
    expect(urge?.text).toContain(`查看任务：http://duban.test/tasks/${taskId}`);
    expect(urge?.text).toContain('国家发展改革委：');
    // The worker installed the periodic reconciler and the daily digest, once each.
    const schedulers = await env.queues.get(QueueName.Maintenance).getJobSchedulers();
    expect(schedulers.map((s) => s.key).sort()).toEqual([DIGEST_SCHEDULER_ID, RECONCILE_SCHEDULER_ID].sort());
  });

  it('runs two workers at once without a duplicate notification or e-mail', async () => {
    smtp = await new TestSmtpServer().start();
    env = await createReminderEnv({
      virtualNow: nineAm('2026-03-20') - 20_000,
      smtpUrl: smtp.url,
      queue: { concurrency: 10 },
    });
    const seeded = await seedBasics(env.db);
    await Promise.all([env.startWorker(), env.startWorker()]);
    const ids: string[] = [];
    for (let i = 0; i < 150; i++) {
      ids.push(
        await insertTask(env.db, seeded, {
          title: `并发任务${i}`,
          deadline: '2026-03-21',
          lead: [i % 2 ? 'A' : 'B'],
        }),
      );
    }
    await env.app.get(ReminderScheduler).tasksChanged(ids);

    // One reminder per task falls due (D-1, 09:00 on 03-20); both workers compete for them.
    const expected = ids.length;
    await env.waitFor(
      async () => smtp!.messages.length >= expected && (await sentNotifications(env!)).length >= expected,
      150_000,
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
    env = await createReminderEnv({
      virtualNow: nineAm('2026-03-20') - 10_000,
      smtpUrl: smtp.url,
      queue: { concurrency: 5, deliveryConcurrency: 3 },
    });
    const seeded = await seedBasics(env.db);
    const first = await env.startWorker();
    const ids: string[] = [];
    for (let i = 0; i < 120; i++) {
      ids.push(
        await insertTask(env.db, seeded, { title: `中断任务${i}`, deadline: '2026-03-21', lead: ['A'] }),
      );
    }
    await env.app.get(ReminderScheduler).tasksChanged(ids);
    // Per task: the D-1 reminder, due at 09:00 on 03-20.
    const expected = ids.length;
    await env.waitFor(() => smtp!.messages.length >= 20, 120_000, 'the first e-mails');
    await first.kill('SIGKILL');
    const emailsAtKill = await count(
      env,
      `SELECT count(*) AS n FROM notification_deliveries WHERE channel = 'email' AND status = 'sent'`,
    );
    expect(emailsAtKill).toBeLessThan(expected);

    await env.startWorker();
    await env.waitFor(
      async () =>
        (await count(
          env!,
          `SELECT count(*) AS n FROM notification_deliveries WHERE channel = 'email' AND status = 'sent'`,
        )) >= expected,
      150_000,
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
    env = await createReminderEnv({
      virtualNow: nineAm('2026-03-20') - 5000,
      smtpUrl: smtp.url,
      queue: { backoffMs: 400, attempts: 10 },
    });
    const seeded = await seedBasics(env.db);
    await env.startWorker();
    const taskId = await insertTask(env.db, seeded, {
      title: '邮件重试',
      deadline: '2026-03-21',
      lead: ['C'],
    });
    await env.app.get(ReminderScheduler).taskChanged(taskId);

    await env.waitFor(
      async () =>
        (await count(
          env!,
          `SELECT coalesce(max(attempts), 0) AS n FROM notification_deliveries WHERE channel = 'email'`,
        )) >= 2,
      60_000,
      'two failed attempts',
    );
    expect(smtp.messages).toHaveLength(0);
    await smtp.start();
    await env.waitFor(
      async () =>
        (await count(
          env!,
          `SELECT count(*) AS n FROM notification_deliveries WHERE status = 'sent' AND channel = 'email'`,
        )) === 1,
      120_000,
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
    const received: { body: string; signature: string; timestamp: string; delivery: string }[] = [];
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
          timestamp: String(request.headers['x-duban-timestamp']),
          delivery: String(request.headers['x-duban-delivery']),
        });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => http!.listen(0, '127.0.0.1', () => resolve()));
    const port = (http.address() as AddressInfo).port;

    // D-1 is late-sendable only until D falls due: 20 s of margin, since starting a worker alone takes
    // 4-5 s when the machine is loaded (with 5 s, D-1 was sometimes superseded before it was scheduled).
    env = await createReminderEnv({ virtualNow: nineAm('2026-03-20') - 20_000, queue: { backoffMs: 200 } });
    const seeded = await seedBasics(env.db);
    const secret = 'a-very-long-shared-secret-0123456789';
    await env.db.query('INSERT INTO department_webhooks (department_id, url, secret) VALUES ($1, $2, $3)', [
      seeded.departments['B'],
      `http://127.0.0.1:${port}/hook`,
      secret,
    ]);
    await env.startWorker();
    const taskId = await insertTask(env.db, seeded, {
      title: '对接部门系统',
      deadline: '2026-03-20',
      lead: ['B'],
    });
    await env.app.get(ReminderScheduler).taskChanged(taskId);

    // D-1 (late-sendable) and D (due at 09:00 on 03-20), both to B.
    await env.waitFor(() => received.length >= 2, 90_000, 'two webhook deliveries');
    await new Promise((r) => setTimeout(r, 800));
    expect(received).toHaveLength(2);
    for (const r of received) {
      expect(Math.abs(Number(r.timestamp) - Date.now() / 1000)).toBeLessThan(120);
      expect(r.signature).toBe(
        `sha256=${createHmac('sha256', secret).update(`${r.timestamp}.${r.body}`).digest('hex')}`,
      );
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

  it('after Redis loses its data under a running worker, the reminders are restored and still go out once', async () => {
    smtp = await new TestSmtpServer().start();
    env = await createReminderEnv({
      virtualNow: nineAm('2026-03-20') - 30_000,
      smtpUrl: smtp.url,
      queue: { reconcileEveryMs: 1_000 },
    });
    const seeded = await seedBasics(env.db);
    await env.startWorker();
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      ids.push(
        await insertTask(env.db, seeded, { title: `清空恢复${i}`, deadline: '2026-03-21', lead: ['B'] }),
      );
    }
    await env.app.get(ReminderScheduler).tasksChanged(ids);
    expect((await env.queues.counts(QueueName.Reminders)).delayed).toBeGreaterThanOrEqual(ids.length);

    // Every key of this run's prefix: jobs, the reconcile scheduler, the per-task sets.
    expect(await deleteRedisPrefix(env.prefix)).toBeGreaterThan(0);
    expect((await env.queues.counts(QueueName.Reminders)).delayed).toBe(0);

    // The worker notices the scheduler is gone, re-installs it and reconciles from PostgreSQL.
    await env.waitFor(
      async () => (await env!.queues.counts(QueueName.Reminders)).delayed >= ids.length,
      30_000,
      'restored jobs',
    );
    await env.waitFor(
      async () => (await sentNotifications(env!)).length >= ids.length,
      90_000,
      'every D-1 reminder',
    );
    await env.waitFor(() => smtp!.messages.length >= ids.length, 60_000, 'every e-mail');
    await new Promise((r) => setTimeout(r, 1500));
    const sent = await sentNotifications(env);
    expect(sent.length).toBe(ids.length);
    expect(new Set(sent.map((n) => n.key)).size).toBe(ids.length);
    expect(smtp.messages.length).toBe(ids.length);
  });
});
