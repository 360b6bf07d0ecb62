/**
 * bench:auth — does password hashing starve other requests? Starts the built API (production mode)
 * on a scratch database with one account, then measures GET /api/health at a fixed rate twice in
 * the same run: alone (the baseline) and while 20 clients log in back to back. Prints both p99s and
 * their ratio. Target: p99 under load < 50 ms.
 *
 *   npm run bench:auth                       # builds the API first
 *   BENCH_API_DIST=/other/dist/apps/api npm run bench:auth   # the same load against another build
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { hash } from 'bcrypt';
import Redis from 'ioredis';
import { ensureApiBuilt } from '../integration/support/api-bundle';
import { pg } from './bench-api-pg';

const ROOT = new URL('../..', import.meta.url).pathname;
const BASE_DB_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/duban';
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const DIST = process.env['BENCH_API_DIST'] ?? join(ROOT, 'dist/apps/api');
const DURATION = Number(process.env['BENCH_DURATION_S'] ?? '10');
const HEALTH_RATE = Number(process.env['BENCH_HEALTH_RATE'] ?? '50');
const LOGINS = Number(process.env['BENCH_LOGIN_CLIENTS'] ?? '20');
const PORT = Number(process.env['BENCH_AUTH_PORT'] ?? '3927');
const PASSWORD = 'Bench-password-2026';

const log = (message: string): void => console.log(`[bench:auth] ${message}`);

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function sql(url: string, text: string, params: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text, params);
  } finally {
    await client.end();
  }
}

function runCli(env: NodeJS.ProcessEnv, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(DIST, 'cli.js'), ...args], {
      cwd: ROOT,
      env,
      stdio: 'inherit',
    });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`cli ${args.join(' ')} exited ${code}`)),
    );
  });
}

async function waitForHealth(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('API did not become healthy');
}

async function healthP99(url: string): Promise<{ p50: number; p99: number; requests: number }> {
  const result = await autocannon({
    url: `${url}/api/health`,
    connections: 5,
    overallRate: HEALTH_RATE,
    duration: DURATION,
  });
  return { p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total };
}

/** `clients` loops that log in back to back until `stop` resolves; returns the number of logins. */
async function loginStorm(url: string, clients: number, stop: Promise<void>): Promise<number> {
  let done = false;
  let count = 0;
  void stop.then(() => (done = true));
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (!done) {
        const res = await fetch(`${url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'bench', password: PASSWORD }),
        });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`login answered ${res.status}`);
        count++;
      }
    }),
  );
  return count;
}

async function main(): Promise<void> {
  if (!process.env['BENCH_API_DIST']) ensureApiBuilt(join(DIST, 'main.js'));
  const id = randomBytes(4).toString('hex');
  const dbName = `duban_bench_auth_${id}`;
  const url = withDatabase(BASE_DB_URL, dbName);
  const prefix = `${dbName}:`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: url,
    REDIS_URL,
    REDIS_PREFIX: prefix,
    JWT_SECRET: randomBytes(48).toString('base64url'),
    HOST: '127.0.0.1',
    PORT: String(PORT),
    LOGIN_RATE_LIMIT: '100000000',
    WEB_DIST_DIR: '/nonexistent',
  };
  await sql(withDatabase(BASE_DB_URL, 'postgres'), `CREATE DATABASE "${dbName}"`);
  let api: ChildProcess | undefined;
  try {
    await runCli(env, ['migration:run']);
    await sql(
      url,
      `INSERT INTO users (username, display_name, password_hash, role) VALUES ('bench', '压测', $1, 'supervisor')`,
      [await hash(PASSWORD, 10)],
    );
    api = spawn(process.execPath, [join(DIST, 'main.js')], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const base = `http://127.0.0.1:${PORT}`;
    await waitForHealth(base);
    await healthP99(base); // warm-up
    const alone = await healthP99(base);
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const storm = loginStorm(base, LOGINS, stopped);
    await new Promise((r) => setTimeout(r, 500));
    const loaded = await healthP99(base);
    stop();
    const logins = await storm;
    log(`build: ${DIST}`);
    log(`GET /api/health at ${HEALTH_RATE} req/s for ${DURATION} s`);
    log(`  alone:                 p50 ${alone.p50} ms, p99 ${alone.p99} ms (${alone.requests} requests)`);
    log(
      `  with ${LOGINS} logins in parallel: p50 ${loaded.p50} ms, p99 ${loaded.p99} ms (${logins} logins, ${(logins / (DURATION + 0.5)).toFixed(0)}/s)`,
    );
    log(
      `  p99 ratio loaded / alone: ${(loaded.p99 / Math.max(1, alone.p99)).toFixed(2)}×   target: loaded p99 < 50 ms → ${loaded.p99 < 50 ? 'PASS' : 'FAIL'}`,
    );
  } finally {
    api?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await sql(withDatabase(BASE_DB_URL, 'postgres'), `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
