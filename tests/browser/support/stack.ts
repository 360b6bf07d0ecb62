/**
 * Starts the real Duban stack for browser tests: a fresh PostgreSQL database, a Redis key prefix,
 * the built API (dist/apps/api/main.js, which also serves dist/apps/web/browser) and the worker
 * (dist/apps/api/worker.js) as child processes. Reusable from any test tier: `const stack = await startStack()`,
 * then `await stack.stop()`.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  WriteStream,
} from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from 'pg';
import Redis from 'ioredis';

export const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const API_MAIN = join(ROOT, 'dist/apps/api/main.js');
const API_WORKER = join(ROOT, 'dist/apps/api/worker.js');
const API_CLI = join(ROOT, 'dist/apps/api/cli.js');
const WEB_INDEX = join(ROOT, 'dist/apps/web/browser/index.html');

const PG_ADMIN_URL = process.env['E2E_PG_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env['E2E_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

export interface StackOptions {
  /** Extra environment for the API and worker. */
  env?: Record<string, string>;
  /** Start the worker too (default true). */
  worker?: boolean;
  /** More environment once the address is known (e.g. an identity provider's redirect URI). */
  envFor?: (baseUrl: string) => Promise<Record<string, string>>;
}

export interface Stack {
  id: string;
  baseUrl: string;
  databaseUrl: string;
  redisPrefix: string;
  seedPassword: string;
  logDir: string;
  env: Record<string, string>;
  /** Runs `node dist/apps/api/cli.js <args>` against this stack's database. */
  cli(args: string[], timeoutMs?: number): Promise<string>;
  /** Runs SQL against this stack's database. */
  sql<T extends Record<string, unknown> = Record<string, unknown>>(
    text: string,
    params?: unknown[],
  ): Promise<T[]>;
  stop(): Promise<void>;
}

/** Fails early, with the command to run, when a build output is missing. */
export function assertBuilt(options: { worker?: boolean } = {}): void {
  const missing = [API_MAIN, API_CLI, WEB_INDEX, ...(options.worker === false ? [] : [API_WORKER])].filter(
    (f) => !existsSync(f),
  );
  if (missing.length) {
    throw new Error(
      `Build output missing:\n  ${missing.map((m) => m.replace(ROOT + '/', '')).join('\n  ')}\n` +
        'Run "npx nx build web && npx nx build api" (or "npm run test:browser", which builds first).',
    );
  }
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

function dbUrl(name: string): string {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

async function withAdmin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

interface Proc {
  child: ChildProcess;
  log: WriteStream;
  logFile: string;
  exited: Promise<number | null>;
}

function startProcess(name: string, script: string, env: Record<string, string>, logDir: string): Proc {
  const logFile = join(logDir, `${name}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, log, logFile, exited };
}

async function stopProcess(p: Proc): Promise<void> {
  if (p.child.exitCode === null && p.child.signalCode === null) {
    p.child.kill('SIGTERM');
    const timer = setTimeout(() => p.child.kill('SIGKILL'), 5000);
    await p.exited;
    clearTimeout(timer);
  }
  p.log.end();
}

async function waitForHealth(baseUrl: string, proc: Proc, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void proc.exited.then((c) => (exitCode = c ?? -1));
  while (Date.now() < deadline) {
    if (exitCode !== undefined)
      throw new Error(`API exited (${exitCode}) before becoming healthy:\n${tail(proc.logFile)}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`API not healthy after ${timeoutMs} ms:\n${tail(proc.logFile)}`);
}

/** Logs and evidence of earlier runs stay for debugging; only the newest few are kept. */
function pruneOldRuns(dir: string, keep = 3): void {
  if (!existsSync(dir)) return;
  const runs = readdirSync(dir)
    .map((name) => ({ path: join(dir, name), at: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const run of runs.slice(keep)) rmSync(run.path, { recursive: true, force: true });
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const withWorker = options.worker !== false;
  assertBuilt({ worker: withWorker });
  const id = randomBytes(4).toString('hex');
  const dbName = `duban_e2e_${id}`;
  const redisPrefix = `duban_e2e_${id}:`;
  const seedPassword = `E2e-${randomBytes(6).toString('hex')}`;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  pruneOldRuns(join(ROOT, 'tmp/e2e'));
  const logDir = join(ROOT, 'tmp/e2e', id);
  mkdirSync(join(logDir, 'evidence'), { recursive: true });

  await withAdmin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  const databaseUrl = dbUrl(dbName);

  const env: Record<string, string> = {
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    REDIS_PREFIX: redisPrefix,
    SEED_PASSWORD: seedPassword,
    JWT_SECRET: `e2e-${randomBytes(16).toString('hex')}`,
    EVIDENCE_DIR: join(logDir, 'evidence'),
    WEB_DIST_DIR: join(ROOT, 'dist/apps/web/browser'),
    APP_BASE_URL: baseUrl,
    LOGIN_RATE_LIMIT: '1000',
    // The admin flow registers a webhook on loopback.
    WEBHOOK_ALLOW_PRIVATE: '127.0.0.1/32',
    // Calendar days: reminders the flows wait for must not move when the run falls on a weekend.
    REMINDER_NON_WORKING_DAYS: 'keep',
    // Without a worker, readiness would stay 503 (no heartbeat): check only the API's own dependencies.
    ...(withWorker ? {} : { HEALTH_REQUIRE_WORKER: 'false' }),
    ...options.env,
    ...(options.envFor ? await options.envFor(baseUrl) : {}),
  };

  const procs: Proc[] = [];
  const pool = new Client({ connectionString: databaseUrl });
  let stopped = false;

  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await Promise.all(procs.map(stopProcess));
    await pool.end().catch(() => undefined);
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch((e: unknown) =>
      console.error(`could not drop ${dbName}:`, e),
    );
    const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== '0');
    } catch (e) {
      console.error(`could not clean Redis prefix ${redisPrefix}:`, e);
    } finally {
      redis.disconnect();
    }
  };

  const cli = (args: string[], timeoutMs = 120_000): Promise<string> =>
    new Promise((res, rej) => {
      const child = spawn(process.execPath, [API_CLI, ...args], {
        cwd: ROOT,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.once('exit', (code) => {
        clearTimeout(timer);
        if (code === 0) res(out);
        else rej(new Error(`cli ${args.join(' ')} exited ${code}:\n${out.slice(-4000)}`));
      });
    });

  try {
    await pool.connect();
    await cli(['migration:run']);
    const api = startProcess('api', API_MAIN, env, logDir);
    procs.push(api);
    if (withWorker) procs.push(startProcess('worker', API_WORKER, env, logDir));
    await waitForHealth(baseUrl, api);
  } catch (err) {
    await stop();
    throw err;
  }

  return {
    id,
    baseUrl,
    databaseUrl,
    redisPrefix,
    seedPassword,
    logDir,
    env,
    cli,
    async sql<T extends Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
      const res = await pool.query<T>(text, params);
      return res.rows;
    },
    stop,
  };
}
