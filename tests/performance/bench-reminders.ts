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
 *    0 lost, 0 duplicated.
 *
 *   npm run bench:reminders            (builds the API first)
 *   DUBAN_WORKER_JS=path/to/worker.js npx tsx --tsconfig tests/performance/tsconfig.reminders.json tests/performance/bench-reminders.ts
 *
 * Exit code 1 when a target is missed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_REMINDER_POLICY } from '@duban/domain';
import { DataSource } from 'typeorm';
import { configureForTests, type AppConfig } from '../../apps/api/src/infra/config/app-config';
import { dataSourceOptions } from '../../apps/api/src/infra/database/data-source-options';
import {
  createScratchDatabase,
  dropScratchDatabase,
} from '../../apps/api/src/infra/database/scratch-database';
import { Clock, type ClockSettings } from '../../apps/api/src/infra/queue/clock';
import { QueueName } from '../../apps/api/src/infra/queue/queue.catalogue';
import { QueueService } from '../../apps/api/src/infra/queue/queue.service';
import { createRedis } from '../../apps/api/src/infra/queue/redis';
import { ReminderScheduler } from '../../apps/api/src/reminders/reminder.scheduler';
import { ReminderTaskSource } from '../../apps/api/src/reminders/reminder-task.source';

const ROOT = join(__dirname, '..', '..');
const BASE_DB_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/duban';
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const WORKER_JS = process.env['DUBAN_WORKER_JS'] ?? join(ROOT, 'dist/apps/api/worker.js');
const DAY_MS = 86_400_000;
const SCHEDULE_TASKS = 12_500;
const BURST_DAYS = 20;
/** Day of the first burst: its 09:00 comes FIRST_DAY × 0.5 s after start, once the workers are up. */
const FIRST_DAY = 16;
const PER_DAY = 100;
const SCALE = DAY_MS / 500;

interface Stack {
  config: AppConfig;
  db: DataSource;
  queues: QueueService;
  scheduler: ReminderScheduler;
  dbName: string;
  prefix: string;
  clock: ClockSettings;
  close(): Promise<void>;
}

function log(message: string): void {
  console.log(`[bench:reminders] ${message}`);
}

async function createStack(clock: ClockSettings): Promise<Stack> {
  const { name: dbName, url } = await createScratchDatabase(BASE_DB_URL, 'duban_bench_rem_');
  const prefix = `duban-bench-rem-${randomBytes(4).toString('hex')}:`;
  const config = configureForTests({
    env: 'test',
    database: { url, logging: false },
    redis: { url: REDIS_URL, prefix },
    clock,
    mail: { smtpUrl: null, from: 'bench <bench@localhost>' },
    queue: { removeOnCompleteCount: 100_000 },
  });
  // Raw SQL only: no entity metadata needed, so the bench runs under tsx.
  const db = new DataSource({ ...dataSourceOptions(config, url), entities: [], extra: { max: 10 } });
  await db.initialize();
  await db.runMigrations();
  const redis = createRedis(REDIS_URL);
  const queues = new QueueService(config, redis);
  const scheduler = new ReminderScheduler(
    queues,
    new ReminderTaskSource(db),
    new Clock(clock),
    { current: () => Promise.resolve({ ...DEFAULT_REMINDER_POLICY, ...config.reminders }) },
    db,
  );
  return {
    config,
    db,
    queues,
    scheduler,
    dbName,
    prefix,
    clock,
    async close() {
      await deletePrefix(prefix);
      await queues.onModuleDestroy();
      await db.destroy();
      await dropScratchDatabase(BASE_DB_URL, dbName);
    },
  };
}

async function deletePrefix(prefix: string): Promise<void> {
  const redis = createRedis(REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix.replace(/:+$/, '')}:*`, 'COUNT', 5000);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
  await redis.quit();
}

/** Two departments, two supervisors, one document; returns the department ids. */
async function seed(db: DataSource): Promise<{ a: string; b: string; documentId: string }> {
  const [a]: { id: string }[] = await db.query(
    `INSERT INTO departments (name, slug, kind) VALUES ('国家发展改革委', 'bench-a', 'ministry') RETURNING id`,
  );
  const [b]: { id: string }[] = await db.query(
    `INSERT INTO departments (name, slug, kind) VALUES ('商务部', 'bench-b', 'ministry') RETURNING id`,
  );
  await db.query(
    `INSERT INTO users (username, display_name, password_hash, role, department_id) VALUES
       ('bench-a', '发改委联络员', 'x', 'officer', $1), ('bench-b', '商务部联络员', 'x', 'officer', $2),
       ('bench-sup1', '督查室一', 'x', 'supervisor', NULL), ('bench-sup2', '督查室二', 'x', 'supervisor', NULL)`,
    [a.id, b.id],
  );
  const [doc]: { id: string }[] = await db.query(
    `INSERT INTO policy_documents (title, title_key, source_file, source_checksum, start_line, end_line)
     VALUES ('基准测试文件', 'bench', 'bench.txt', $1, 1, 1) RETURNING id`,
    ['0'.repeat(64)],
  );
  return { a: a.id, b: b.id, documentId: doc.id };
}

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

function startWorker(stack: Stack, output: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, [WORKER_JS], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      TZ: 'UTC',
      NODE_ENV: 'test',
      DATABASE_URL: stack.config.database.url,
      REDIS_URL,
      REDIS_PREFIX: stack.prefix,
      CLOCK_OFFSET_MS: String(stack.clock.offsetMs),
      CLOCK_SCALE: String(stack.clock.scale),
      CLOCK_ANCHOR_MS: String(stack.clock.anchorMs),
      QUEUE_CONCURRENCY: '25',
      QUEUE_KEEP_COMPLETED: '100000',
      REMINDER_RECONCILE_EVERY_MS: '3600000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output.push(chunk.toString());
      if (/consuming reminders/.test(output.join(''))) resolve(child);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`worker exited (${code}):\n${output.join('')}`)));
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function benchTimeliness(): Promise<{
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
  const stack = await createStack({ anchorMs, scale: SCALE, offsetMs: v0 - anchorMs });
  const workers: ChildProcess[] = [];
  try {
    const { a, documentId } = await seed(stack.db);
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

    const rows: { key: string; due_at: Date; sent_at: Date }[] = await stack.db.query(
      'SELECT key, due_at, sent_at FROM notifications',
    );
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
  const ok =
    scheduling.jobsPerSecond >= 1000 &&
    timely.p99 < 1000 &&
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
