import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { QueueName } from '../../../apps/api/src/infra/queue/queue.catalogue';
import { DeliveryRecoveryService } from '../../../apps/api/src/notifications/delivery-recovery.service';
import { ReminderScheduler } from '../../../apps/api/src/reminders/reminder.scheduler';
import { TestSmtpServer } from '../support/smtp';
import {
  createReminderEnv,
  insertTask,
  nineAm,
  seedBasics,
  type ReminderEnv,
  type Seeded,
} from '../support/reminder-env';

/** A webhook receiver that can be switched off (port closed) and on again (same port). */
class Receiver {
  readonly deliveries: string[] = [];
  private server: Server | null = null;
  port = 0;

  async start(): Promise<this> {
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        this.deliveries.push(String(request.headers['x-duban-delivery']));
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', () => resolve()));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    server?.closeAllConnections();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

async function statusCounts(env: ReminderEnv): Promise<Record<string, number>> {
  const rows: { status: string; n: string }[] = await env.db.query(
    `SELECT channel || ':' || status AS status, count(*) AS n FROM notification_deliveries
     WHERE channel <> 'inbox' GROUP BY 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

async function readiness(baseUrl: string): Promise<{ status: number; code?: string; reason?: string }> {
  const response = await fetch(`${baseUrl}/api/health`);
  const body = (await response.json()) as { code?: string; reason?: string };
  return { status: response.status, code: body.code, reason: body.reason };
}

/** `n` tasks led by B (officer-b has e-mail; B gets a webhook), their D-1 reminder due in a few seconds. */
async function scheduleDueTasks(env: ReminderEnv, seeded: Seeded, n: number, title: string): Promise<void> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++)
    ids.push(
      await insertTask(env.db, seeded, { title: `${title}${i}`, deadline: '2026-03-21', lead: ['B'] }),
    );
  await env.app.get(ReminderScheduler).tasksChanged(ids);
}

async function addWebhook(env: ReminderEnv, seeded: Seeded, port: number): Promise<void> {
  await env.db.query('INSERT INTO department_webhooks (department_id, url, secret) VALUES ($1, $2, $3)', [
    seeded.departments['B'],
    `http://127.0.0.1:${port}/hook`,
    'a-very-long-shared-secret-0123456789',
  ]);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

// BullMQ's own budget is tiny here (3 attempts, 100 ms backoff ≈ 0.7 s): before, any outage longer than
// that lost the deliveries for good. The deliveries' own window (DELIVERY_MAX_AGE_MS) is what counts now.
const TINY_QUEUE_BUDGET = { attempts: 3, backoffMs: 100, reconcileEveryMs: 1_000 };

describe('deliveries across outages longer than the retry budget', { timeout: 120_000 }, () => {
  let env: ReminderEnv | undefined;
  let smtp: TestSmtpServer | undefined;
  let receiver: Receiver | undefined;

  afterEach(async () => {
    await env?.teardown();
    await smtp?.stop();
    await receiver?.stop();
    env = smtp = receiver = undefined;
  });

  it('SMTP and webhook receiver down for 8 s: readiness 503 within 10 s, then every delivery once and 200 again', async () => {
    smtp = await new TestSmtpServer().start();
    receiver = await new Receiver().start();
    await smtp.stop();
    await receiver.stop();
    env = await createReminderEnv({
      virtualNow: nineAm('2026-03-20') - 2_000,
      smtpUrl: smtp.url,
      queue: TINY_QUEUE_BUDGET,
      env: { HEALTH_DELIVERY_WINDOW_MS: '4000', HEALTH_DELIVERY_MIN_ATTEMPTS: '3' },
    });
    const seeded = await seedBasics(env.db);
    await addWebhook(env, seeded, receiver.port);
    await env.startWorker();
    const api = await env.startApi();
    await env.waitFor(async () => (await readiness(api.baseUrl)).status === 200, 20_000, 'readiness 200');
    await scheduleDueTasks(env, seeded, 20, '长时间停机');

    const failingSince = Date.now();
    await env.waitFor(async () => (await readiness(api.baseUrl)).status === 503, 15_000, 'readiness 503');
    const down = await readiness(api.baseUrl);
    expect(down.code).toBe('HEALTH_DELIVERY_FAILURE_RATE');
    expect(down.reason).toMatch(/投递失败率/);
    // Due 2 s after start, failing from the first attempt: 503 within 10 s of the fault showing.
    expect(Date.now() - failingSince).toBeLessThan(12_000);
    await sleep(8_000 - (Date.now() - failingSince));
    expect(smtp.messages).toHaveLength(0);
    const during = await statusCounts(env);
    expect((during['email:failed'] ?? 0) + (during['email:pending'] ?? 0)).toBe(20);
    expect((await env.queues.counts(QueueName.Deliveries)).failed).toBe(0);

    await smtp.start();
    await receiver.start();
    await env.waitFor(
      async () =>
        (await statusCounts(env!))['email:sent'] === 20 && (await statusCounts(env!))['webhook:sent'] === 20,
      30_000,
      'every delivery sent',
    );
    await env.waitFor(
      async () => (await readiness(api.baseUrl)).status === 200,
      15_000,
      'readiness 200 again',
    );
    await sleep(1_000);
    expect(await statusCounts(env)).toEqual({ 'email:sent': 20, 'webhook:sent': 20 });
    expect(smtp.messages).toHaveLength(20);
    expect(smtp.distinctMessageIds().size).toBe(20);
    expect(receiver.deliveries).toHaveLength(20);
    expect(new Set(receiver.deliveries).size).toBe(20);
  });

  it('PostgreSQL unreachable until the delivery jobs FAILED in Redis: once back, every delivery exactly once', async () => {
    smtp = await new TestSmtpServer().start();
    receiver = await new Receiver().start();
    await smtp.stop();
    await receiver.stop();
    env = await createReminderEnv({
      virtualNow: nineAm('2026-03-20') - 2_000,
      smtpUrl: smtp.url,
      queue: TINY_QUEUE_BUDGET,
      dbProxy: true,
    });
    const seeded = await seedBasics(env.db);
    await addWebhook(env, seeded, receiver.port);
    await env.startWorker();
    await scheduleDueTasks(env, seeded, 10, '数据库停机');
    // The rows exist and have failed once (servers off); then the database goes away under the worker.
    await env.waitFor(
      async () =>
        (await statusCounts(env!))['email:failed'] === 10 &&
        (await statusCounts(env!))['webhook:failed'] === 10,
      30_000,
      'every delivery failed once',
    );
    await env.dbProxy!.cut();
    await smtp.start();
    await receiver.start();
    // Each job's next run cannot read its row: BullMQ's 3 attempts go by and the jobs end `failed`.
    await env.waitFor(
      async () => (await env!.queues.counts(QueueName.Deliveries)).failed === 20,
      30_000,
      '20 failed delivery jobs in Redis',
    );
    expect(smtp.messages).toHaveLength(0);
    await env.dbProxy!.restore();

    await env.waitFor(
      async () =>
        (await statusCounts(env!))['email:sent'] === 10 && (await statusCounts(env!))['webhook:sent'] === 10,
      40_000,
      'every delivery sent after the database returned',
    );
    await sleep(1_500);
    expect(await statusCounts(env)).toEqual({ 'email:sent': 10, 'webhook:sent': 10 });
    expect(smtp.messages).toHaveLength(10);
    expect(smtp.distinctMessageIds().size).toBe(10);
    expect(receiver.deliveries).toHaveLength(10);
  });

  it('PostgreSQL cut for 10 s while the SMTP server is accepting: 0 duplicate e-mails, every row sent', async () => {
    // Each message is held 1 s before the server accepts it: the cut falls between accept and "mark sent".
    smtp = await new TestSmtpServer(1_000).start();
    env = await createReminderEnv({
      virtualNow: nineAm('2026-03-20') - 2_000,
      smtpUrl: smtp.url,
      queue: { reconcileEveryMs: 1_000 },
      dbProxy: true,
    });
    const seeded = await seedBasics(env.db);
    await env.startWorker();
    await scheduleDueTasks(env, seeded, 30, '提交后断库');
    await env.waitFor(() => smtp!.messages.length >= 3, 30_000, 'the first e-mails');
    await env.dbProxy!.cut();
    const cutAt = Date.now();
    // The worker holds accepted messages while PostgreSQL is away; nothing new reaches the server.
    await sleep(10_000 - (Date.now() - cutAt));
    const acceptedDuringCut = smtp.messages.length;
    await env.dbProxy!.restore();
    await env.waitFor(
      async () => (await statusCounts(env!))['email:sent'] === 30,
      60_000,
      'every e-mail marked sent',
    );
    await sleep(1_500);
    expect(acceptedDuringCut).toBeGreaterThan(3);
    expect(smtp.distinctMessageIds().size).toBe(30);
    expect(smtp.messages).toHaveLength(30);
    expect(await statusCounts(env)).toEqual({ 'email:sent': 30 });
  });

  it('an abandoned delivery stays abandoned until 重新发送 or a manual job retry, which send it once', async () => {
    smtp = await new TestSmtpServer().start();
    await smtp.stop();
    env = await createReminderEnv({
      virtualNow: nineAm('2026-03-20') - 2_000,
      smtpUrl: smtp.url,
      queue: { reconcileEveryMs: 1_000 },
      deliveries: { maxAgeMs: 2_000, backoffMs: 200, backoffMaxMs: 500 },
    });
    const seeded = await seedBasics(env.db);
    await env.startWorker();
    await scheduleDueTasks(env, seeded, 2, '放弃后重发');
    await env.waitFor(
      async () => (await statusCounts(env!))['email:abandoned'] === 2,
      30_000,
      'both e-mails abandoned',
    );
    await smtp.start();
    // The reconciler runs every second: it must leave abandoned rows alone.
    await sleep(2_500);
    expect(smtp.messages).toHaveLength(0);

    const rows: { id: string }[] = await env.db.query(
      `SELECT id FROM notification_deliveries WHERE channel = 'email' ORDER BY id`,
    );
    await env.app.get(DeliveryRecoveryService).resend(rows[0].id);
    await env.waitFor(() => smtp!.messages.length === 1, 15_000, 'the re-sent e-mail');

    // Bull Board's "retry" on the other one's finished job.
    const job = await env.queues.get(QueueName.Deliveries).getJob(`delivery-${rows[1].id}`);
    expect(await job?.getState()).toBe('completed');
    await job!.retry('completed');
    await env.waitFor(() => smtp!.messages.length === 2, 15_000, 'the manually retried e-mail');
    await sleep(1_500);
    expect(smtp.messages).toHaveLength(2);
    expect(smtp.distinctMessageIds().size).toBe(2);
    expect(await statusCounts(env)).toEqual({ 'email:sent': 2 });
  });
});
