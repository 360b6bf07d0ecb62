/**
 * Delivery benchmarks (issues 16 and 17), run by bench-reminders.ts:
 *
 * 3. One instant: 3,500 reminders due at the same moment, each with an e-mail (2,800 to department A's
 *    officer, 700 to B's) and 700 webhooks (B), one worker, a local SMTP sink and webhook receiver.
 *    Prints e-mails/s of that worker (target ≥ 500/s) and the e-mail, webhook and inbox lateness
 *    p50/p99 (target e-mail p99 < 10 s), duplicates. Then the same e-mails once more through the
 *    delivery path alone (rows reset to pending, jobs revived): e-mails/s without the fan-out competing.
 * 4. Killed worker: a worker SIGKILLed while holding delivery jobs (slow SMTP server), a second one
 *    running: seconds until every job the dead one held was taken over (target < 10 s), with the
 *    default lock and stalled-check settings.
 */
import type { ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { QueueName } from '../../apps/api/src/infra/queue/queue.catalogue';
import { deliveryJob } from '../../apps/api/src/notifications/delivery-recovery.service';
import {
  cpuMs,
  createStack,
  jobTimings,
  log,
  percentile,
  seed,
  startWorker,
  type Stack,
} from './bench-reminders-support';

/** Counts messages by Message-ID; `delayMs` holds each one before accepting it. */
export class SmtpSink {
  readonly messageIds: string[] = [];
  private server: SMTPServer | null = null;
  port = 0;

  constructor(private readonly delayMs = 0) {}

  async start(): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      // The workers' pools may open several connections each.
      maxClients: 200,
      onData: (stream, _session, callback) => {
        let head = '';
        stream.on('data', (chunk: Buffer) => {
          if (head.length < 4096) head += chunk.toString('latin1');
        });
        stream.on('end', () => {
          this.messageIds.push(/^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? `?${this.messageIds.length}`);
          if (this.delayMs > 0) setTimeout(() => callback(), this.delayMs);
          else callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    // A killed worker's pooled connections reset: smtp-server emits 'error', which must not crash the bench.
    server.on('error', () => undefined);
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

async function startReceiver(received: string[]): Promise<Server> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received.push(String(request.headers['x-duban-delivery']));
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return server;
}

function stopWorkers(workers: ChildProcess[]): Promise<unknown> {
  // A SIGKILLed child has a signalCode and no exitCode, and its 'exit' event is already past.
  const gone = (w: ChildProcess): boolean => w.exitCode !== null || w.signalCode !== null;
  for (const w of workers) if (!gone(w)) w.kill('SIGTERM');
  return Promise.all(workers.map((w) => new Promise((r) => (gone(w) ? r(null) : w.once('exit', r)))));
}

async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** Tasks due tomorrow led by the given departments: one D-1 reminder each at the next 09:00. */
async function dueTasks(
  stack: Stack,
  documentId: string,
  leads: { department: string; n: number }[],
): Promise<string[]> {
  let offset = 0;
  for (const { department, n } of leads) {
    await stack.db.query(
      `WITH t AS (
         INSERT INTO tasks (document_id, measure_key, title, text, source_file, source_line, origin, deadline, deadline_kind, status)
         SELECT $1, 'd' || i, '投递任务' || i, '投递任务' || i, 'bench.txt', i, 'inline', DATE '2026-03-21', 'date', 'in_progress'
         FROM generate_series($3::int, $3::int + $4::int - 1) AS i RETURNING id)
       INSERT INTO task_assignments (task_id, department_id, role, position) SELECT id, $2::uuid, 'lead', 0 FROM t`,
      [documentId, department, offset, n],
    );
    offset += n;
  }
  return (await stack.db.query<{ id: string }[]>('SELECT id FROM tasks')).map((r) => r.id);
}

export interface DeliveryBench {
  emails: number;
  emailsPerSecond: number;
  emailP50: number;
  emailP99: number;
  webhooks: number;
  webhookP50: number;
  webhookP99: number;
  inboxP50: number;
  inboxP99: number;
  duplicated: number;
  unsent: number;
  /** The same e-mails sent again by the delivery path alone (rows reset, jobs revived): no fan-out competing. */
  deliveryOnlyPerSecond: number;
  /** Worker CPU (ms) per reminder of the burst: fan-out, e-mail and webhook together. */
  burstCpuMsPerEmail: number;
  /** Worker CPU (ms) per e-mail of the delivery path alone. */
  deliveryOnlyCpuMsPerEmail: number;
}

export async function benchDeliveries(total = 3_500, webhooks = 700): Promise<DeliveryBench> {
  const sink = await new SmtpSink().start();
  const received: string[] = [];
  const receiver = await startReceiver(received);
  // Real-time clock: 09:00 on 2026-03-20 comes 16 s after start (database, seed, worker start-up included).
  const anchorMs = Date.now();
  const dueMs = anchorMs + 16_000;
  const stack = await createStack(
    { anchorMs, scale: 1, offsetMs: Date.parse('2026-03-20T01:00:00Z') - dueMs },
    sink.url,
  );
  const workers: ChildProcess[] = [];
  try {
    const { a, b, documentId } = await seed(stack.db);
    await stack.db.query(`UPDATE users SET email = username || '@bench.local' WHERE role = 'officer'`);
    await stack.db.query('INSERT INTO department_webhooks (department_id, url, secret) VALUES ($1, $2, $3)', [
      b,
      `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
      'bench-secret-0123456789-0123456789',
    ]);
    const ids = await dueTasks(stack, documentId, [
      { department: a, n: total - webhooks },
      { department: b, n: webhooks },
    ]);
    const { scheduled } = await stack.scheduler.tasksChanged(ids);
    log(
      `${scheduled} reminder jobs scheduled, ${ids.length} of them due at one instant (${total} e-mails, ${webhooks} webhooks); one worker`,
    );
    workers.push(await startWorker(stack, []));
    const cpuAtStart = cpuMs(workers[0].pid);
    if (Date.now() > dueMs) log(`warning: the worker was ready ${Date.now() - dueMs} ms after the due time`);
    await waitUntil(
      () => sink.messageIds.length >= total && received.length >= webhooks,
      60_000 + dueMs - Date.now(),
    );
    await new Promise((r) => setTimeout(r, 500));
    const rows: { channel: string; late: number; sent: Date | null }[] = await stack.db.query(
      `SELECT d.channel, extract(epoch FROM d.sent_at - n.due_at) * 1000 AS late, d.sent_at AS sent
       FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id`,
    );
    const lateness = (channel: string): number[] =>
      rows
        .filter((r) => r.channel === channel && r.sent)
        .map((r) => Number(r.late))
        .sort((x, y) => x - y);
    const emailLate = lateness('email');
    const sentTimes = rows
      .filter((r) => r.channel === 'email' && r.sent)
      .map((r) => (r.sent as Date).getTime())
      .sort((x, y) => x - y);
    // From the due instant (sending starts there) to the last e-mail.
    const seconds = sentTimes.length
      ? (sentTimes[sentTimes.length - 1] - (sentTimes[0] - emailLate[0])) / 1000
      : NaN;
    const cpuAfterBurst = cpuMs(workers[0].pid);
    const reminderJobs = await stack.queues.get(QueueName.Reminders).getJobs(['completed'], 0, -1);
    log(`  reminder jobs from due time: ${jobTimings(reminderJobs, () => dueMs)}`);
    const deliveryJobs = await stack.queues.get(QueueName.Deliveries).getJobs(['completed'], 0, -1);
    log(`  delivery jobs from enqueue: ${jobTimings(deliveryJobs, (i) => deliveryJobs[i].timestamp)}`);
    const result = {
      emails: sink.messageIds.length,
      emailsPerSecond: sentTimes.length / seconds,
      emailP50: percentile(emailLate, 50),
      emailP99: percentile(emailLate, 99),
      webhooks: received.length,
      webhookP50: percentile(lateness('webhook'), 50),
      webhookP99: percentile(lateness('webhook'), 99),
      inboxP50: percentile(lateness('inbox'), 50),
      inboxP99: percentile(lateness('inbox'), 99),
      duplicated:
        sink.messageIds.length - new Set(sink.messageIds).size + received.length - new Set(received).size,
      unsent: rows.filter((r) => r.channel !== 'inbox' && !r.sent).length,
      deliveryOnlyPerSecond: await resendAll(stack, sink, total),
      // Per reminder actually sent in the window (a run that timed out sent fewer).
      burstCpuMsPerEmail: (cpuAfterBurst - cpuAtStart) / Math.max(1, Math.min(total, emailLate.length)),
      deliveryOnlyCpuMsPerEmail: 0,
    };
    const resent = sink.messageIds.length - result.emails;
    result.deliveryOnlyCpuMsPerEmail = (cpuMs(workers[0].pid) - cpuAfterBurst) / Math.max(1, resent);
    return result;
  } finally {
    await stopWorkers(workers);
    await stack.close();
    await sink.stop();
    await new Promise((r) => receiver.close(r));
  }
}

/** E-mails/s of the delivery path alone: every e-mail row back to pending, its finished job revived. */
async function resendAll(stack: Stack, sink: SmtpSink, total: number): Promise<number> {
  // TypeORM answers an UPDATE … RETURNING with [rows, count].
  const [ids] = await stack.db.query<[{ id: string }[], number]>(
    `UPDATE notification_deliveries SET status = 'pending' WHERE channel = 'email' RETURNING id`,
  );
  const before = sink.messageIds.length;
  const started = Date.now();
  await stack.queues.ensureJobs(ids.map((r) => deliveryJob('email', r.id)));
  await waitUntil(() => sink.messageIds.length - before >= total, 60_000);
  return (sink.messageIds.length - before) / ((Date.now() - started) / 1000);
}

/**
 * Seconds from a worker's SIGKILL until every delivery job it held runs on the other worker (or is
 * done). Default lock and stalled-check settings: what production gets.
 */
export async function benchKilledWorker(): Promise<{ held: number; pickupSeconds: number }> {
  // Slow server: each message is held 3 s, so the victim is mid-job when killed.
  const sink = await new SmtpSink(3_000).start();
  const anchorMs = Date.now();
  const dueMs = anchorMs + 8_000;
  const stack = await createStack(
    { anchorMs, scale: 1, offsetMs: Date.parse('2026-03-20T01:00:00Z') - dueMs },
    sink.url,
  );
  const workers: ChildProcess[] = [];
  try {
    const { a, documentId } = await seed(stack.db);
    await stack.db.query(`UPDATE users SET email = username || '@bench.local' WHERE role = 'officer'`);
    await stack.scheduler.tasksChanged(await dueTasks(stack, documentId, [{ department: a, n: 40 }]));
    const victimOutput: string[] = [];
    const victim = await startWorker(stack, victimOutput);
    workers.push(victim);
    const deliveries = stack.queues.get(QueueName.Deliveries);
    await waitUntil(async () => (await deliveries.getActiveCount()) >= 5, 30_000);
    const victimName = `${(await deliveries.getJobs(['active'], 0, 0))[0]?.processedBy ?? ''}`;
    const held = (await deliveries.getJobs(['active'], 0, -1)).filter((j) => j.processedBy === victimName);
    // The survivor is up before the kill, as in production (several workers, one dies).
    workers.push(await startWorker(stack, []));
    victim.kill('SIGKILL');
    const killedAt = Date.now();
    const ok = await waitUntil(async () => {
      const jobs = await Promise.all(held.map((j) => deliveries.getJob(j.id ?? '')));
      return jobs.every((j) => !j || j.finishedOn !== undefined || j.processedBy !== victimName);
    }, 60_000);
    return { held: held.length, pickupSeconds: ok ? (Date.now() - killedAt) / 1000 : Infinity };
  } finally {
    await stopWorkers(workers);
    await stack.close();
    await sink.stop();
  }
}
