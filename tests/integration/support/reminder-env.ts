import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import {
  configureForTests,
  resetConfig,
  type AppConfig,
} from '../../../apps/api/src/infra/config/app-config';
import { ENTITIES } from '../../../apps/api/src/entities';
import { ConfigModule } from '../../../apps/api/src/infra/config/config.module';
import { DatabaseModule } from '../../../apps/api/src/infra/database/database.module';
import { QueueModule } from '../../../apps/api/src/infra/queue/queue.module';
import { QueueService } from '../../../apps/api/src/infra/queue/queue.service';
import { QueueName } from '../../../apps/api/src/infra/queue/queue.catalogue';
import { createRedis, deleteKeysWithPrefix } from '../../../apps/api/src/infra/queue/redis';
import { RemindersModule } from '../../../apps/api/src/reminders/reminders.module';
import { ensureApiBuilt } from './api-bundle';
import { TcpProxy } from './tcp-proxy';
import { createTestDatabase } from './test-database';

export const ROOT = new URL('../../..', import.meta.url).pathname;
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
export const DAY_MS = 86_400_000;

/** The built worker; tests run it as a child process so they can SIGKILL it by pid. */
export function workerScript(): string {
  return process.env['DUBAN_WORKER_JS'] ?? join(ROOT, 'dist/apps/api/worker.js');
}

let built = false;

/** Builds the API bundle (main, worker, cli) once per run when worker.js is missing or older than the sources. */
export function ensureWorkerBuilt(): void {
  const script = workerScript();
  if (built || process.env['DUBAN_WORKER_JS']) return;
  built = true;
  ensureApiBuilt(script);
}

export interface ClockSetup {
  offsetMs: number;
  scale: number;
  anchorMs: number;
}

/** A clock whose virtual now is `virtualNowMs` at this moment and runs `scale` times faster. */
export function clockAt(virtualNowMs: number, scale = 1): ClockSetup {
  const anchorMs = Date.now();
  return { anchorMs, scale, offsetMs: virtualNowMs - anchorMs };
}

export interface ReminderEnv {
  dbUrl: string;
  dbName: string;
  prefix: string;
  db: DataSource;
  app: INestApplicationContext;
  queues: QueueService;
  config: AppConfig;
  workers: WorkerProcess[];
  /** When `dbProxy` was asked for: the proxy the worker and API processes reach PostgreSQL through. */
  dbProxy: TcpProxy | null;
  startWorker(extraEnv?: Record<string, string>): Promise<WorkerProcess>;
  /** The built API (dist/apps/api/main.js) as a child process with the workers' settings. */
  startApi(extraEnv?: Record<string, string>): Promise<ApiProcess>;
  /** `waitFor` that appends the workers' recent output to its timeout error. */
  waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void>;
  teardown(): Promise<void>;
}

export interface WorkerProcess {
  child: ChildProcess;
  output: string[];
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface ApiProcess extends WorkerProcess {
  baseUrl: string;
}

@Module({ imports: [ConfigModule, DatabaseModule.forRoot(ENTITIES), QueueModule, RemindersModule] })
class SchedulerTestModule {}

/**
 * A fresh migrated database, a Redis key prefix of its own, the API-side reminder services in
 * process, and a way to start worker child processes with the same settings.
 */
export async function createReminderEnv(options: {
  /** Virtual epoch ms at the moment the environment is ready (after build, database, migrations). */
  virtualNow: number;
  /** Virtual ms per real ms (default 1). */
  scale?: number;
  smtpUrl?: string | null;
  queue?: Partial<AppConfig['queue']>;
  deliveries?: Partial<AppConfig['deliveries']>;
  /** Workers (and the API process) reach PostgreSQL through a TCP proxy the test can cut. */
  dbProxy?: boolean;
  /** Extra environment for every worker and API process (e.g. HEALTH_* thresholds). */
  env?: Record<string, string>;
}): Promise<ReminderEnv> {
  ensureWorkerBuilt();
  const database = await createTestDatabase('duban_it_rem_');
  const { name: dbName, url: dbUrl, redisPrefix: prefix } = database;
  const queue: AppConfig['queue'] = {
    attempts: 6,
    backoffMs: 300,
    removeOnCompleteCount: 100_000,
    removeOnFailCount: 100_000,
    concurrency: 20,
    deliveryConcurrency: 10,
    reconcileEveryMs: 3_600_000,
    lockDurationMs: 2_000,
    stalledIntervalMs: 1_000,
    heartbeatTtlMs: 1_500,
    ...options.queue,
  };
  // Test-sized: a first retry after 300 ms, never more than 2 s apart, for a minute.
  const deliveries: AppConfig['deliveries'] = {
    maxAgeMs: 60_000,
    backoffMs: 300,
    backoffMaxMs: 2_000,
    markSentRetryMs: 20_000,
    ...options.deliveries,
  };
  const config = configureForTests({
    env: 'test',
    database: { url: dbUrl, logging: false },
    redis: { url: REDIS_URL, prefix },
    clock: { anchorMs: Date.now(), offsetMs: 0, scale: 1 },
    mail: { smtpUrl: options.smtpUrl ?? null, from: '督办系统 <duban@test.local>' },
    app: { baseUrl: 'http://duban.test' },
    // Calendar days here and in the workers below: reminders "due now" must not move on a weekend.
    reminders: { nonWorkingDays: 'keep' },
    queue,
    deliveries,
  });
  // The clock starts now, after the slow part, so a loaded machine does not eat into the timeline.
  const clock = clockAt(options.virtualNow, options.scale ?? 1);
  config.clock.anchorMs = clock.anchorMs;
  config.clock.offsetMs = clock.offsetMs;
  config.clock.scale = clock.scale;
  const app = await NestFactory.createApplicationContext(SchedulerTestModule, {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  const db = app.get(DataSource);
  const queues = app.get(QueueService);
  const workers: WorkerProcess[] = [];

  const dbProxy = options.dbProxy
    ? await new TcpProxy(new URL(dbUrl).hostname, Number(new URL(dbUrl).port || 5432)).start()
    : null;
  const workerEnv: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: dbProxy ? dbProxy.url(dbUrl) : dbUrl,
    REDIS_URL,
    REDIS_PREFIX: prefix,
    APP_BASE_URL: 'http://duban.test',
    // The tests' webhook receivers listen on loopback, which webhooks may not reach by default.
    WEBHOOK_ALLOW_PRIVATE: '127.0.0.1/32',
    CLOCK_OFFSET_MS: String(clock.offsetMs),
    CLOCK_SCALE: String(clock.scale),
    CLOCK_ANCHOR_MS: String(clock.anchorMs),
    QUEUE_ATTEMPTS: String(queue.attempts),
    QUEUE_BACKOFF_MS: String(queue.backoffMs),
    QUEUE_KEEP_COMPLETED: String(queue.removeOnCompleteCount),
    QUEUE_KEEP_FAILED: String(queue.removeOnFailCount),
    QUEUE_CONCURRENCY: String(queue.concurrency),
    QUEUE_DELIVERY_CONCURRENCY: String(queue.deliveryConcurrency),
    REMINDER_RECONCILE_EVERY_MS: String(queue.reconcileEveryMs),
    REMINDER_NON_WORKING_DAYS: 'keep',
    QUEUE_LOCK_DURATION_MS: String(queue.lockDurationMs),
    QUEUE_STALLED_INTERVAL_MS: String(queue.stalledIntervalMs),
    WORKER_HEARTBEAT_TTL_MS: String(queue.heartbeatTtlMs),
    DELIVERY_MAX_AGE_MS: String(deliveries.maxAgeMs),
    DELIVERY_BACKOFF_MS: String(deliveries.backoffMs),
    DELIVERY_BACKOFF_MAX_MS: String(deliveries.backoffMaxMs),
    DELIVERY_MARK_SENT_RETRY_MS: String(deliveries.markSentRetryMs),
    ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}),
    ...options.env,
  };
  const spawnProcess = (
    script: string,
    extraEnv: Record<string, string>,
    readyPattern: RegExp,
  ): { process: WorkerProcess; ready: Promise<void> } => {
    const child = spawn(process.execPath, [script], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', TZ: 'UTC', ...workerEnv, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    const ready = new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer): void => {
        output.push(chunk.toString());
        if (readyPattern.test(output.join(''))) resolve();
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) =>
        reject(new Error(`${script} exited early (${code}):\n${output.join('')}`)),
      );
    });
    const proc: WorkerProcess = {
      child,
      output,
      async kill(signal = 'SIGTERM') {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill(signal);
        await exited;
      },
    };
    workers.push(proc);
    return { process: proc, ready };
  };

  const env: ReminderEnv = {
    dbUrl,
    dbName,
    prefix,
    db,
    app,
    queues,
    config,
    workers,
    dbProxy,
    async startWorker(extraEnv = {}) {
      const { process: worker, ready } = spawnProcess(workerScript(), extraEnv, /consuming reminders/);
      await ready;
      return worker;
    },
    async startApi(extraEnv = {}) {
      const port = await freePort();
      const { process: api, ready } = spawnProcess(
        join(dirname(workerScript()), 'main.js'),
        { PORT: String(port), HOST: '127.0.0.1', WEB_DIST_DIR: '/nonexistent-web-dist', ...extraEnv },
        /API listening/,
      );
      // Readiness is what the tests look at; being up is liveness.
      ready.catch(() => undefined);
      const baseUrl = `http://127.0.0.1:${port}`;
      await waitFor(
        async () => {
          if (api.child.exitCode !== null) throw new Error(`API exited:\n${api.output.join('')}`);
          return (await fetch(`${baseUrl}/api/health/live`).catch(() => null))?.ok === true;
        },
        30_000,
        'the API to listen',
      );
      return { ...api, baseUrl };
    },
    async waitFor(check, timeoutMs, what) {
      try {
        await waitFor(check, timeoutMs, what);
      } catch (error) {
        const tails = workers.map(
          (w, i) => `--- worker ${i} (pid ${w.child.pid}) ---\n${w.output.join('').slice(-3000)}`,
        );
        throw new Error(`${error instanceof Error ? error.message : String(error)}\n${tails.join('\n')}`);
      }
    },
    async teardown() {
      await Promise.all(workers.map((w) => w.kill('SIGKILL')));
      await dbProxy?.cut();
      await app.close();
      resetConfig();
      // The database and every key under its Redis prefix.
      await database.drop();
    },
  };
  return env;
}

/** Deletes every Redis key of one prefix (the "Redis lost its data" scenario, without touching others' keys). */
export async function deleteRedisPrefix(prefix: string): Promise<number> {
  const redis = createRedis(REDIS_URL);
  try {
    return await deleteKeysWithPrefix(redis, prefix);
  } finally {
    await redis.quit();
  }
}

/** Job ids of the reminder queue that are waiting to run (delayed or waiting). */
export async function pendingReminderJobIds(queues: QueueService): Promise<string[]> {
  const jobs = await queues.get(QueueName.Reminders).getJobs(['delayed', 'waiting', 'prioritized'], 0, -1);
  return jobs.map((j) => j.id ?? '').sort();
}

/** The waiting reminder jobs of one task (job ids start with the task id). */
export async function pendingJobsOfTask(queues: QueueService, taskId: string): Promise<string[]> {
  return (await pendingReminderJobIds(queues)).filter((id) => id.startsWith(`${taskId}|`));
}

export interface Seeded {
  departments: Record<string, string>;
  users: Record<string, string>;
  documentId: string;
}

/** Departments A/B/C, an officer with e-mail in each, two supervisors, one policy document. */
export async function seedBasics(db: DataSource): Promise<Seeded> {
  const departments: Record<string, string> = {};
  for (const [code, name] of [
    ['A', '国家发展改革委'],
    ['B', '商务部'],
    ['C', '财政部'],
  ]) {
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO departments (name, slug, kind) VALUES ($1, $2, 'ministry') RETURNING id`,
      [name, `it-${code.toLowerCase()}`],
    );
    departments[code] = row.id;
  }
  const users: Record<string, string> = {};
  const addUser = async (username: string, role: string, departmentId: string | null): Promise<void> => {
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO users (username, display_name, password_hash, role, department_id, email) VALUES ($1, $5, 'x', $2, $3, $4) RETURNING id`,
      [username, role, departmentId, `${username}@test.local`, username],
    );
    users[username] = row.id;
  };
  await addUser('officer-a', 'officer', departments['A']);
  await addUser('officer-b', 'officer', departments['B']);
  await addUser('officer-c', 'officer', departments['C']);
  await addUser('sup-1', 'supervisor', null);
  await addUser('sup-2', 'supervisor', null);
  const [doc]: { id: string }[] = await db.query(
    `INSERT INTO policy_documents (title, title_key, source_file, source_checksum, start_line, end_line)
     VALUES ('关于测试督办提醒的通知', 'it-doc', 'it.txt', $1, 1, 10) RETURNING id`,
    ['0'.repeat(64)],
  );
  return { departments, users, documentId: doc.id };
}

export async function insertTask(
  db: DataSource,
  seeded: Seeded,
  task: {
    title: string;
    deadline: string | null;
    lead: string[];
    participants?: string[];
    status?: string;
    createdAt?: string;
    /** Still waiting for 签收 (its signoff reminders then come too); by default signed off at creation. */
    awaitingSignoff?: boolean;
    /** 阶段节点 before the deadline. */
    milestones?: { date: string; text: string }[];
    /** A recurring duty's period (the task is then dateless: deadline null). */
    recurrence?: 'year' | 'half-year' | 'quarter' | 'month';
  },
): Promise<string> {
  const [row]: { id: string }[] = await db.query(
    `INSERT INTO tasks (document_id, measure_key, title, text, source_file, source_line, origin, deadline, deadline_kind, status,
                        created_at, acknowledged_at, milestones, recurrence)
     VALUES ($1, $2, $3, $3, 'it.txt', 1, 'inline', $4, $5, $6, coalesce($7::timestamptz, now()),
             CASE WHEN $8::boolean THEN NULL ELSE coalesce($7::timestamptz, now()) END, $9::jsonb,
             $10::recurrence_period) RETURNING id`,
    [
      seeded.documentId,
      `m-${randomBytes(6).toString('hex')}`,
      task.title,
      task.deadline,
      task.deadline ? 'date' : 'ongoing',
      task.status ?? 'in_progress',
      task.createdAt ?? null,
      task.awaitingSignoff ?? false,
      JSON.stringify(task.milestones ?? []),
      task.recurrence ?? null,
    ],
  );
  let position = 0;
  for (const [role, codes] of [
    ['lead', task.lead],
    ['participant', task.participants ?? []],
  ] as const) {
    for (const code of codes) {
      await db.query(
        `INSERT INTO task_assignments (task_id, department_id, role, position) VALUES ($1, $2, $3, $4)`,
        [row.id, seeded.departments[code], role, position++],
      );
    }
  }
  return row.id;
}

/** Polls until `check` returns true (or fails the test after `timeoutMs`). */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The instant 09:00 Asia/Shanghai on a local date. */
export function nineAm(date: string): number {
  return Date.parse(`${date}T09:00:00+08:00`);
}

/** A free loopback port (closed again before it is returned). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
