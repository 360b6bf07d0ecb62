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
import { QueueName, type SendReminderJob } from '../../apps/api/src/infra/queue/queue.catalogue';
import { benchDeliveries, benchKilledWorker, SmtpSink, type DeliveryBench } from './bench-deliveries';
import {
  cpuMs,
  createStack,
  deletePrefix,
  DAY_MS,
  jobTimings,
  log,
  percentile,
  realAt,
  seed,
  startWorker,
  BASELINE_WORKER_JS,
  useWorkerBuild,
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
  cpuMsPerReminder: number;
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
    const workersCpu = (): number => workers.reduce((sum, w) => sum + cpuMs(w.pid), 0);
    const cpuAtStart = workersCpu();
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
    const cpuMsPerReminder = (workersCpu() - cpuAtStart) / ids.length;
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
    log(
      `  reminder jobs from due time: ${jobTimings(completed, (i) => realAt(stack.clock, Date.parse((completed[i].data as SendReminderJob).dueAt)))}`,
    );
    const deliveryJobs = await stack.queues.get(QueueName.Deliveries).getJobs(['completed'], 0, -1);
    log(`  delivery jobs from enqueue: ${jobTimings(deliveryJobs, (i) => deliveryJobs[i].timestamp)}`);
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
      cpuMsPerReminder,
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

/** `BENCH_ONLY=timeliness,burst` runs only those parts (scheduling, timeliness, burst, killed): for iterating. */
const ONLY = new Set((process.env['BENCH_ONLY'] ?? '').split(',').filter(Boolean));
const runs = (part: string): boolean => ONLY.size === 0 || ONLY.has(part);

async function main(): Promise<number> {
  if (!existsSync(WORKER_JS))
    throw new Error(`${WORKER_JS} not found: run \`npx nx build api\` first (npm run bench:reminders does)`);
  const checks: { name: string; ok: boolean }[] = [];
  const checkTarget = (name: string, ok: boolean): string => {
    checks.push({ name, ok });
    return ok ? 'PASS' : 'MISS';
  };
  if (runs('scheduling')) {
    const scheduling = await benchScheduling();
    const r = checkTarget('scheduling', scheduling.jobsPerSecond >= 1000);
    log(
      `scheduling: ${Math.round(scheduling.jobsPerSecond)} jobs/s (${scheduling.jobs} jobs) — ${r} (target ≥ 1,000/s)`,
    );
  }
  // With BENCH_BASELINE_WORKER_JS, each scenario runs first on that build, then on this one, and the
  // ratios are printed: both see the same machine load, which the absolute figures do not control.
  const builds: { label: string; path: string }[] = [
    ...(BASELINE_WORKER_JS ? [{ label: 'baseline', path: BASELINE_WORKER_JS }] : []),
    { label: 'this build', path: WORKER_JS },
  ];
  const ratios: string[] = [];
  let previous: { timely?: Awaited<ReturnType<typeof benchTimeliness>>; burst?: DeliveryBench } = {};
  for (const build of builds) {
    useWorkerBuild(build.path);
    const baseline = build.label === 'baseline';
    let timelyResult: Awaited<ReturnType<typeof benchTimeliness>> | undefined;
    let burstResult: DeliveryBench | undefined;
    const check = baseline ? (): string => 'baseline' : checkTarget;
    if (builds.length > 1) log(`--- ${build.label}: ${build.path}`);
    if (runs('timeliness')) {
      const timely = await benchTimeliness();
      timelyResult = timely;
      const sound = check(
        'timeliness sound',
        timely.early === 0 && timely.lost === 0 && timely.duplicated === 0,
      );
      log(
        `2,000 due within 10 s: ${timely.sent} sent; early ${timely.early}; lost ${timely.lost}; duplicated ${timely.duplicated}; ` +
          `re-deliveries absorbed by the unique key ${timely.absorbed}; workers' CPU ${timely.cpuMsPerReminder.toFixed(2)} ms per reminder — ${sound}`,
      );
      log(
        `  notification/inbox lateness p50 ${ms(timely.p50)}, p99 ${ms(timely.p99)}, max ${ms(timely.max)} — ` +
          `${check('timeliness inbox', timely.p99 < 1000)} (target p99 < 1 s)`,
      );
      log(
        `  e-mail lateness (${timely.emails} e-mails) p50 ${ms(timely.emailP50)}, p99 ${ms(timely.emailP99)} — ` +
          `${check('timeliness e-mail', timely.emailP99 < 1000)} (target p99 < 1 s)`,
      );
    }
    if (runs('burst')) {
      const burst = await benchDeliveries();
      burstResult = burst;
      log(
        `3,500 due at one instant, one worker: ${burst.emails} e-mails + ${burst.webhooks} webhooks; ` +
          `${Math.round(burst.emailsPerSecond)} e-mails/s while fanning out; worker CPU ${burst.burstCpuMsPerEmail.toFixed(2)} ms per reminder; duplicated ${burst.duplicated}; unsent ${burst.unsent} — ` +
          check('burst sound', burst.duplicated === 0 && burst.unsent === 0),
      );
      log(
        `  e-mail lateness p50 ${s1(burst.emailP50)}, p99 ${s1(burst.emailP99)} — ${check('burst e-mail', burst.emailP99 < 10_000)} (target p99 < 10 s)`,
      );
      log(
        `  webhook lateness p50 ${s1(burst.webhookP50)}, p99 ${s1(burst.webhookP99)}; inbox p50 ${s1(burst.inboxP50)}, p99 ${s1(burst.inboxP99)}`,
      );
      log(
        `delivery path alone (same 3,500 e-mails re-sent, one worker): ${Math.round(burst.deliveryOnlyPerSecond)} e-mails/s per worker, ` +
          `worker CPU ${burst.deliveryOnlyCpuMsPerEmail.toFixed(2)} ms per e-mail — ` +
          `${check('delivery throughput', burst.deliveryOnlyPerSecond >= 500)} (target ≥ 500/s)`,
      );
    }
    if (baseline) previous = { timely: timelyResult, burst: burstResult };
    else if (previous.timely && timelyResult)
      ratios.push(
        `2,000 in 10 s, this build / baseline: inbox p99 ${ratio(timelyResult.p99, previous.timely.p99)}, ` +
          `e-mail p99 ${ratio(timelyResult.emailP99, previous.timely.emailP99)}, ` +
          `CPU per reminder ${ratio(timelyResult.cpuMsPerReminder, previous.timely.cpuMsPerReminder)}`,
      );
    if (!baseline && previous.burst && burstResult)
      ratios.push(
        `3,500 at once, this build / baseline: e-mail p99 ${ratio(burstResult.emailP99, previous.burst.emailP99)}, ` +
          `inbox p99 ${ratio(burstResult.inboxP99, previous.burst.inboxP99)}, ` +
          `CPU per reminder ${ratio(burstResult.burstCpuMsPerEmail, previous.burst.burstCpuMsPerEmail)}; ` +
          `delivery path e-mails/s ${ratio(burstResult.deliveryOnlyPerSecond, previous.burst.deliveryOnlyPerSecond)}, ` +
          `CPU per e-mail ${ratio(burstResult.deliveryOnlyCpuMsPerEmail, previous.burst.deliveryOnlyCpuMsPerEmail)}`,
      );
  }
  useWorkerBuild(WORKER_JS);
  for (const line of ratios) log(line);
  if (runs('killed')) {
    const killed = await benchKilledWorker();
    log(
      `killed worker: its ${killed.held} active delivery jobs taken over after ${killed.pickupSeconds.toFixed(1)} s — ` +
        `${checkTarget('killed worker', killed.pickupSeconds < 10)} (target < 10 s)`,
    );
  }
  const missed = checks.filter((c) => !c.ok).map((c) => c.name);
  log(missed.length === 0 ? 'all targets met' : `TARGET MISSED: ${missed.join(', ')}`);
  return missed.length === 0 ? 0 : 1;
}

function ratio(value: number, base: number): string {
  return `${(value / base).toFixed(2)}×`;
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

function s1(valueMs: number): string {
  return `${(valueMs / 1000).toFixed(2)} s`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
