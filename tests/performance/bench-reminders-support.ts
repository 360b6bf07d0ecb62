/**
 * Shared parts of the reminder benchmarks: a scratch database + Redis prefix with the application's
 * scheduler, seed data, worker child processes, percentiles.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
import { QueueService } from '../../apps/api/src/infra/queue/queue.service';
import { createRedis } from '../../apps/api/src/infra/queue/redis';
import { ReminderScheduler } from '../../apps/api/src/reminders/reminder.scheduler';
import { ReminderTaskSource } from '../../apps/api/src/reminders/reminder-task.source';

export const ROOT = join(__dirname, '..', '..');
export const BASE_DB_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/duban';
export const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
export const WORKER_JS = process.env['DUBAN_WORKER_JS'] ?? join(ROOT, 'dist/apps/api/worker.js');
export const DAY_MS = 86_400_000;
/** A second build to compare with in the same run (same machine load): e.g. one of the previous commit. */
export const BASELINE_WORKER_JS = process.env['BENCH_BASELINE_WORKER_JS'] ?? null;
let workerJs = WORKER_JS;

/** Which build `startWorker` starts from now on. */
export function useWorkerBuild(path: string): void {
  workerJs = path;
}

export interface Stack {
  config: AppConfig;
  db: DataSource;
  queues: QueueService;
  scheduler: ReminderScheduler;
  dbName: string;
  prefix: string;
  clock: ClockSettings;
  close(): Promise<void>;
}

export function log(message: string): void {
  console.log(`[bench:reminders] ${message}`);
}

export async function createStack(clock: ClockSettings, smtpUrl: string | null = null): Promise<Stack> {
  const { name: dbName, url } = await createScratchDatabase(BASE_DB_URL, 'duban_bench_rem_');
  const prefix = `duban-bench-rem-${randomBytes(4).toString('hex')}:`;
  const config = configureForTests({
    env: 'test',
    database: { url, logging: false },
    redis: { url: REDIS_URL, prefix },
    clock,
    mail: { smtpUrl, from: 'bench <bench@localhost>' },
    queue: { removeOnCompleteCount: 100_000 },
    reminders: { nonWorkingDays: 'keep' },
  });
  // Raw SQL only: no entity metadata needed, so the bench runs under tsx.
  const db = new DataSource({ ...dataSourceOptions(config, [], url), extra: { max: 10 } });
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
      await queues.onApplicationShutdown();
      await db.destroy();
      await dropScratchDatabase(BASE_DB_URL, dbName);
    },
  };
}

export async function deletePrefix(prefix: string): Promise<void> {
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
export async function seed(db: DataSource): Promise<{ a: string; b: string; documentId: string }> {
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

export function startWorker(
  stack: Stack,
  output: string[],
  extraEnv: Record<string, string> = {},
): Promise<ChildProcess> {
  // BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the workers (written at their exit).
  const nodeArgs = (process.env['BENCH_WORKER_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, workerJs], {
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
      QUEUE_KEEP_COMPLETED: '100000',
      REMINDER_RECONCILE_EVERY_MS: '3600000',
      REMINDER_NON_WORKING_DAYS: 'keep',
      // The bench's webhook receiver listens on loopback, which webhooks may not reach by default.
      WEBHOOK_ALLOW_PRIVATE: '127.0.0.1/32',
      ...(stack.config.mail.smtpUrl ? { SMTP_URL: stack.config.mail.smtpUrl } : {}),
      ...extraEnv,
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

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Real epoch ms at which the virtual instant `virtualMs` comes (inverse of Clock.nowMs). */
export function realAt(clock: ClockSettings, virtualMs: number): number {
  return clock.anchorMs + (virtualMs - clock.anchorMs - clock.offsetMs) / clock.scale;
}

/**
 * Where a job's time went, from BullMQ's own timestamps (real ms): waiting (from `readyAt`, e.g. the
 * due instant, to processedOn) and running (processedOn to finishedOn), p50/p99. For the diagnosis
 * line of the bench: it tells queueing (too little throughput) from slow handlers.
 */
export function jobTimings(
  jobs: { processedOn?: number; finishedOn?: number; timestamp: number }[],
  readyAt: (job: number) => number,
): string {
  const wait: number[] = [];
  const run: number[] = [];
  jobs.forEach((j, i) => {
    if (j.processedOn === undefined || j.finishedOn === undefined) return;
    wait.push(j.processedOn - readyAt(i));
    run.push(j.finishedOn - j.processedOn);
  });
  wait.sort((x, y) => x - y);
  run.sort((x, y) => x - y);
  const f = (v: number): string => `${Math.round(v)}`;
  return `${wait.length} jobs: waiting p50 ${f(percentile(wait, 50))} / p99 ${f(percentile(wait, 99))} ms, running p50 ${f(percentile(run, 50))} / p99 ${f(percentile(run, 99))} ms`;
}

/**
 * CPU time (user + system, ms) a process has used so far, from /proc (Linux): the bench prints CPU per
 * e-mail beside the wall-clock figures, since those depend on what else runs on the machine.
 */
export function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime), in clock ticks of 10 ms on Linux.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}
