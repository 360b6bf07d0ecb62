/**
 * Reminder benchmark (issue 4), against the local PostgreSQL and Redis, in scratch databases and
 * Redis key prefixes of its own (removed afterwards):
 *
 * 1. Scheduling throughput: 12,500 dated tasks (lead + participant: 8 reminders each = 100,000)
 *    scheduled through the application's own path (`ReminderScheduler.tasksChanged`: load from
 *    PostgreSQL, compute, skip already-sent, track per task, BullMQ addBulk) — jobs/s, target ≥ 1,000/s.
 * 2. Timeliness: 2,000 reminders falling due within 10 s of real time (starting 8 s after launch), sent by two worker processes
 *    (the built `dist/apps/api/worker.js`). All reminders go out at 09:00 Shanghai, so the clock runs
 *    172,800× faster (a virtual day every 0.5 s): 20 bursts of 100 reminders each. Lateness is
 *    reported in real milliseconds (virtual lateness / scale); targets p99 < 1 s, never early,
 *    0 lost, 0 duplicated. E-mail is on (one supervisor has an address): its lateness is printed too.
 * 3, 4: see bench-deliveries.ts (3,500 e-mails at one instant: e-mails/s per worker, lateness; a
 *    killed worker's jobs taken over).
 *
 *   npm run bench:reminders            (builds the API first)
 *   DUBAN_WORKER_JS=path/to/worker.js npx tsx --tsconfig tests/performance/tsconfig.reminders.json tests/performance/bench-reminders.ts
 *
 * Exit code 1 when a target is missed.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { QueueName } from '../../apps/api/src/infra/queue/queue.catalogue';
import { benchDeliveries, benchKilledWorker, SmtpSink } from './bench-deliveries';
import {
  createStack,
  deletePrefix,
  DAY_MS,
  log,
  percentile,
  seed,
  startWorker,
  WORKER_JS,
} from './bench-reminders-support';

const SCHEDULE_TASKS = 12_500;
const BURST_DAYS = 20;
/** Day of the first burst: its 09:00 comes FIRST_DAY × 0.5 s after start, once the workers are up. */
const FIRST_DAY = 16;
const PER_DAY = 100;
const SCALE = DAY_MS / 500;

async function benchScheduling(): Promise<{ jobsPerSecond: number; jobs: number }> {
  const stack = await createStack({
    anchorMs: Date.now(),
    scale: 1,
    offsetMs: Date.parse('2026-03-01T00:00:00Z') - Date.now(),
  });
  try {
    const { a, b, documentId } = await seed(stack.db);
    // Deadlines from 2026-06-01 on, far enough ahead that all 8 reminders per task are pending.
    await stack.db.query(
      `INSERT INTO tasks (document_id, measure_key, title, text, source_file, source_line, origin, deadline, deadline_kind, status)
       SELECT $1, 'm' || i, '任务' || i, '任务' || i, 'bench.txt', i, 'inline', DATE '2026-06-01' + (i % 200), 'date', 'in_progress'
       FROM generate_series(1, $2) AS i`,
      [documentId, SCHEDULE_TASKS],
    );
    await stack.db.query(
      `INSERT INTO task_assignments (task_id, department_id, role, position)
       SELECT id, $1::uuid, 'lead'::assignment_role, 0 FROM tasks UNION ALL SELECT id, $2::uuid, 'participant'::assignment_role, 1 FROM tasks`,
      [a, b],
    );
    const ids: string[] = (await stack.db.query<{ id: string }[]>('SELECT id FROM tasks ORDER BY id')).map(
      (r) => r.id,
    );
    // Warm-up: connections, Lua scripts.
    await stack.scheduler.tasksChanged(ids.slice(0, 50));
    await deletePrefix(stack.prefix);
    const started = process.hrtime.bigint();
    let scheduled = 0;
    for (let i = 0; i < ids.length; i += 1000)
      scheduled += (await stack.scheduler.tasksChanged(ids.slice(i, i + 1000))).scheduled;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const counts = await stack.queues.counts(QueueName.Reminders);
    log(
      `scheduled ${scheduled} reminder jobs for ${ids.length} tasks in ${seconds.toFixed(2)} s; queue holds ${counts.delayed} delayed`,
    );
    if (counts.delayed !== scheduled)
      throw new Error(`expected ${scheduled} delayed jobs, found ${counts.delayed}`);
    return { jobsPerSecond: scheduled / seconds, jobs: scheduled };
  } finally {
    await stack.close();
  }
}

async function benchTimeliness(): Promise<{
  emailP50: number;
  emailP99: number;
  emails: number;
  p50: number;
  p99: number;
  max: number;
  early: number;
  lost: number;
  duplicated: number;
  absorbed: number;
  sent: number;
}> {
  // Virtual 2026-03-01 08:00 Shanghai now; day k's 09:00 comes 0.5·k s (+7 ms) of real time later.
  const anchorMs = Date.now();
  const v0 = Date.parse('2026-03-01T00:00:00Z');
  const sink = await new SmtpSink().start();
  const stack = await createStack({ anchorMs, scale: SCALE, offsetMs: v0 - anchorMs }, sink.url);
  const workers: ChildProcess[] = [];
  try {
    const { a, documentId } = await seed(stack.db);
    // E-mail on: one supervisor has an address, so every escalation also goes out by e-mail.
    await stack.db.query(`UPDATE users SET email = 'sup1@bench.local' WHERE username = 'bench-sup1'`);
    // Submitted tasks: the only reminder left is the escalation to the supervisors at D+7.
    // Day k = 6..25 (3 s to 12.5 s from now): 100 tasks each, one escalation each = 2,000.
    await stack.db.query(
      `INSERT INTO tasks (document_id, measure_key, title, text, source_file, source_line, origin, deadline, deadline_kind, status)
       SELECT $1, 'e' || i, '逾期任务' || i, '逾期任务' || i, 'bench.txt', i, 'inline',
              DATE '2026-03-01' + ($4::int + (i % $2)) - 7, 'date', 'submitted'
       FROM generate_series(0, $3 - 1) AS i`,
      [documentId, BURST_DAYS, BURST_DAYS * PER_DAY, FIRST_DAY],
    );
    await stack.db.query(
      `INSERT INTO task_assignments (task_id, department_id, role, position) SELECT id, $1::uuid, 'lead', 0 FROM tasks`,
      [a],
    );
    const ids: string[] = (await stack.db.query<{ id: string }[]>('SELECT id FROM tasks')).map((r) => r.id);
    const { scheduled } = await stack.scheduler.tasksChanged(ids);
    log(
      `scheduled ${scheduled} escalations (${BURST_DAYS} bursts of ${PER_DAY}, 0.5 s apart); starting 2 workers`,
    );
    const outputs: string[][] = [[], []];
    workers.push(...(await Promise.all(outputs.map((o) => startWorker(stack, o)))));
    const firstDue = anchorMs + (3600_000 + FIRST_DAY * DAY_MS) / SCALE;
    if (Date.now() > firstDue)
      log(`warning: workers were ready only ${Date.now() - firstDue} ms after the first reminder fell due`);
    const lastDue = anchorMs + (3600_000 + (FIRST_DAY + BURST_DAYS - 1) * DAY_MS) / SCALE;
    log(
      `first reminders due in ${Math.round(firstDue - Date.now())} ms, last in ${Math.round(lastDue - Date.now())} ms`,
    );
    await new Promise((r) => setTimeout(r, Math.max(0, lastDue - Date.now())));
    // Then let the queue drain (late ones still count as sent, and as late), for at most 60 s.
    const drainUntil = Date.now() + 60_000;
    for (;;) {
      const c = await stack.queues.counts(QueueName.Reminders);
      if (c.waiting + c.active + c.delayed === 0 || Date.now() > drainUntil) break;
      await new Promise((r) => setTimeout(r, 200));
    }

    for (const queue of [QueueName.Reminders, QueueName.Deliveries]) {
      for (;;) {
        const c = await stack.queues.counts(queue);
        if (c.waiting + c.active + c.delayed === 0 || Date.now() > drainUntil) break;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const rows: { key: string; due_at: Date; sent_at: Date }[] = await stack.db.query(
      'SELECT key, due_at, sent_at FROM notifications',
    );
    const emailLate = (
      await stack.db.query<{ late: number }[]>(
        `SELECT extract(epoch FROM d.sent_at - n.due_at) * 1000 AS late FROM notification_deliveries d
         JOIN notifications n ON n.id = d.notification_id WHERE d.channel = 'email' AND d.status = 'sent'`,
      )
    )
      .map((r) => Number(r.late) / SCALE)
      .sort((x, y) => x - y);
    // One escalation per task: a task without a notification row lost its reminder.
    const sentTaskIds = new Set(rows.map((r) => r.key.split(':')[0]));
    const lost = ids.filter((id) => !sentTaskIds.has(id)).length;
    const [dup]: { n: string }[] = await stack.db.query(
      `SELECT (SELECT count(*) FROM notifications) - (SELECT count(DISTINCT key) FROM notifications)
            + (SELECT count(*) FROM notification_deliveries) - (SELECT count(DISTINCT (notification_id, channel, user_id)) FROM notification_deliveries) AS n`,
    );
    const completed = await stack.queues.get(QueueName.Reminders).getJobs(['completed'], 0, -1);
    const absorbed = completed.filter((j) => j.returnvalue === 'skipped').length;
    const lateness = rows
      .map((r) => (r.sent_at.getTime() - r.due_at.getTime()) / SCALE)
      .sort((x, y) => x - y);
    const byWorker = new Map<string, number>();
    for (const j of completed)
      byWorker.set(j.processedBy ?? '?', (byWorker.get(j.processedBy ?? '?') ?? 0) + 1);
    log(`jobs per worker: ${[...byWorker.values()].join(' / ')}`);
    return {
      emailP50: percentile(emailLate, 50),
      emailP99: percentile(emailLate, 99),
      emails: sink.messageIds.length,
      p50: percentile(lateness, 50),
      p99: percentile(lateness, 99),
      max: lateness[lateness.length - 1] ?? NaN,
      early: lateness.filter((l) => l < 0).length,
      lost,
      duplicated: Number(dup.n),
      absorbed,
      sent: rows.length,
    };
  } finally {
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(
      workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.once('exit', r)))),
    );
    await stack.close();
    await sink.stop();
  }
}

async function main(): Promise<number> {
  if (!existsSync(WORKER_JS))
    throw new Error(`${WORKER_JS} not found: run \`npx nx build api\` first (npm run bench:reminders does)`);
  const scheduling = await benchScheduling();
  log(
    `scheduling: ${Math.round(scheduling.jobsPerSecond)} jobs/s (${scheduling.jobs} jobs; target ≥ 1,000/s)`,
  );
  const timely = await benchTimeliness();
  log(
    `timeliness: ${timely.sent} sent; lateness p50 ${timely.p50.toFixed(1)} ms, p99 ${timely.p99.toFixed(1)} ms, max ${timely.max.toFixed(1)} ms ` +
      `(target p99 < 1000 ms); early ${timely.early}; lost ${timely.lost}; duplicated ${timely.duplicated}; ` +
      `re-deliveries absorbed by the unique key ${timely.absorbed}`,
  );
  log(
    `timeliness, e-mail channel: ${timely.emails} e-mails; lateness p50 ${timely.emailP50.toFixed(1)} ms, p99 ${timely.emailP99.toFixed(1)} ms (target p99 < 1000 ms)`,
  );
  const burst = await benchDeliveries();
  log(
    `one instant: ${burst.emails} e-mails + ${burst.webhooks} webhooks on one worker; ${Math.round(burst.emailsPerSecond)} e-mails/s per worker while fanning out; ` +
      `e-mail lateness p50 ${(burst.emailP50 / 1000).toFixed(2)} s, p99 ${(burst.emailP99 / 1000).toFixed(2)} s (target < 10 s); ` +
      `webhook p99 ${(burst.webhookP99 / 1000).toFixed(2)} s; inbox p99 ${(burst.inboxP99 / 1000).toFixed(2)} s; duplicated ${burst.duplicated}; unsent ${burst.unsent}`,
  );
  log(
    `delivery path alone (same 3,500 e-mails re-sent, one worker): ${Math.round(burst.deliveryOnlyPerSecond)} e-mails/s per worker (target ≥ 500/s)`,
  );
  const killed = await benchKilledWorker();
  log(
    `killed worker: its ${killed.held} active delivery jobs taken over after ${killed.pickupSeconds.toFixed(1)} s (target < 10 s)`,
  );
  const ok =
    scheduling.jobsPerSecond >= 1000 &&
    timely.p99 < 1000 &&
    timely.emailP99 < 1000 &&
    burst.deliveryOnlyPerSecond >= 500 &&
    burst.emailP99 < 10_000 &&
    burst.duplicated === 0 &&
    burst.unsent === 0 &&
    killed.pickupSeconds < 10 &&
    timely.early === 0 &&
    timely.lost === 0 &&
    timely.duplicated === 0;
  log(ok ? 'all targets met' : 'TARGET MISSED');
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
