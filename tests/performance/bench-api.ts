/**
 * `npm run bench:api`: seeds 100k tasks over 200 departments (with assignments, progress reports and
 * audit history) into a scratch database, starts the built API and a bare Fastify + pg server running
 * the same SQL, then drives both with autocannon:
 *   1. the officer's filtered list at a fixed 200 requests/s (target: p99 < 50 ms);
 *   2. the same list at full speed, API vs bare (target: API ≥ 50% of bare throughput);
 *   3. GET /api/stats/overdue (supervisor, read from the counters of migration StatsCounters) at a fixed
 *      50 requests/s (target: p99 < 50 ms) and at full speed, beside the bare recomputing query (every
 *      task judged per request, what the endpoint ran before the counters); target: ≥ 10× its throughput.
 * Prints a table and writes tests/performance/results/bench-api-<timestamp>.json. Exit code 1 when a
 * target is missed (BENCH_NO_FAIL=1 to report only).
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import autocannon from 'autocannon';
import Redis from 'ioredis';
import { ensureApiBuilt } from '../integration/support/api-bundle';
import { pg } from './bench-api-pg';

const ROOT = new URL('../..', import.meta.url).pathname;
const BASE_DB_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/duban';
const TASKS = Number(process.env['BENCH_TASKS'] ?? '100000');
const DEPARTMENTS = Number(process.env['BENCH_DEPARTMENTS'] ?? '200');
const DURATION = Number(process.env['BENCH_DURATION_S'] ?? '15');
const RATE = Number(process.env['BENCH_RATE'] ?? '200');
const WARMUP_S = Number(process.env['BENCH_WARMUP_S'] ?? '8');
// Production mode refuses secrets under 32 characters: a fresh random one per run.
const JWT_SECRET = `bench-${randomBytes(24).toString('hex')}`;
const API_PORT = Number(process.env['BENCH_API_PORT'] ?? '3917');
const BARE_PORT = Number(process.env['BENCH_BARE_PORT'] ?? '3918');
const LIST_STATUS = 'in_progress';
const STATS_RATE = Number(process.env['BENCH_STATS_RATE'] ?? '50');
/** Before the counters: p50 329 ms / p99 597 ms, 11 req/s (issue 13); the ratio is judged against bare. */
const STATS_SPEEDUP_TARGET = 10;

const log = (message: string): void => console.log(`[bench:api] ${message}`);

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(BASE_DB_URL, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`)),
    );
  });
}

/** One open login session per user (tokens name their session; the guard checks it). */
async function openSessions(url: string, userIds: string[]): Promise<Map<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(
      `INSERT INTO user_sessions (user_id, last_seen_at, expires_at)
       SELECT id, now(), now() + interval '2 hours' FROM unnest($1::uuid[]) AS id
       RETURNING user_id, id`,
      [userIds],
    );
    const rows = result.rows as { user_id: string; id: string }[];
    return new Map(rows.map((r) => [r.user_id, r.id]));
  } finally {
    await client.end();
  }
}

async function seed(
  url: string,
): Promise<{ officers: { id: string; departmentId: string }[]; supervisorId: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const step = async (label: string, sql: string, params: unknown[] = []): Promise<void> => {
    const started = Date.now();
    await client.query(sql, params);
    log(`  seed ${label}: ${Date.now() - started} ms`);
  };
  try {
    await step(
      'departments',
      `INSERT INTO departments (name, slug, kind)
       SELECT '测试部门' || lpad(i::text, 3, '0'), 'bench-' || i, 'ministry' FROM generate_series(1, $1) i`,
      [DEPARTMENTS],
    );
    await step(
      'users',
      `INSERT INTO users (username, display_name, password_hash, role, department_id)
       SELECT 'officer' || n, '干部' || n, 'x', 'officer', id
         FROM (SELECT id, row_number() OVER (ORDER BY slug) AS n FROM departments) d;
       INSERT INTO users (username, display_name, password_hash, role) VALUES ('supervisor', '督查室', 'x', 'supervisor')`,
    );
    await step(
      'documents',
      `INSERT INTO policy_documents (doc_number, title, title_key, source_file, source_checksum, start_line, end_line)
       SELECT '测试发〔2026〕' || i || '号', '关于推进第' || i || '批重点工作的意见', 'bench-' || i, 'bench.txt',
              repeat('0', 64), 1, 100000
         FROM generate_series(1, 50) i`,
    );
    await step(
      `${TASKS} tasks`,
      `WITH docs AS (SELECT array_agg(id ORDER BY title_key) AS ids FROM policy_documents)
       INSERT INTO tasks (document_id, measure_key, title, text, source_file, source_line, origin, deadline,
                          deadline_kind, deadline_text, status, created_at, last_report_at, completed_at, completed_on_time)
       SELECT docs.ids[1 + i % 50], 'm' || i, '加快推进第' || i || '项重点任务的落实',
              '各地区、各部门要加快推进第' || i || '项重点任务，确保按期完成。', 'bench.txt', i, 'inline',
              CASE WHEN i % 10 = 0 THEN NULL ELSE current_date + ((i * 37) % 730 - 365) END,
              CASE WHEN i % 10 = 0 THEN 'ongoing'::deadline_kind ELSE 'date'::deadline_kind END,
              CASE WHEN i % 10 = 0 THEN '长期坚持' ELSE NULL END,
              (ARRAY['not_started','in_progress','in_progress','submitted','done','returned'])[1 + (i * 7) % 6]::task_status,
              now() - make_interval(days => 30 + i % 400),
              CASE WHEN i % 3 = 0 THEN NULL ELSE now() - make_interval(days => i % 60) END,
              CASE WHEN (i * 7) % 6 = 4 THEN now() - make_interval(days => i % 100) END,
              CASE WHEN (i * 7) % 6 = 4 THEN i % 4 <> 0 END
         FROM generate_series(1, $1) i, docs`,
      [TASKS],
    );
    await step(
      'assignments',
      `WITH d AS (SELECT array_agg(id ORDER BY slug) AS ids, count(*)::int AS n FROM departments)
       INSERT INTO task_assignments (task_id, department_id, role, position)
       SELECT t.id, d.ids[1 + (t.source_line * 13) % d.n], 'lead'::assignment_role, 0 FROM tasks t, d
       UNION ALL
       SELECT t.id, d.ids[1 + (t.source_line * 31 + 7) % d.n], 'participant'::assignment_role, 1 FROM tasks t, d
       UNION ALL
       SELECT t.id, d.ids[1 + (t.source_line * 53 + 11) % d.n], 'participant'::assignment_role, 2 FROM tasks t, d WHERE t.source_line % 2 = 0
       ON CONFLICT ON CONSTRAINT "UQ_task_assignments_task_department" DO NOTHING`,
    );
    await step(
      'progress reports',
      `INSERT INTO progress_reports (task_id, department_id, author_id, text, created_at)
       SELECT t.id, a.department_id, u.id, '第' || k || '次进展：按计划推进。', now() - make_interval(days => k * 10 + t.source_line % 30)
         FROM tasks t
         JOIN task_assignments a ON a.task_id = t.id AND a.role = 'lead'
         JOIN users u ON u.department_id = a.department_id
         CROSS JOIN generate_series(1, 2) k
        WHERE t.source_line % 3 <> 0`,
    );
    await step(
      'audit history',
      `INSERT INTO audit_log (task_id, document_id, actor_name, action, to_status, detail, at)
       SELECT t.id, t.document_id, 'system', 'task.imported', 'not_started', jsonb_build_object('line', t.source_line), t.created_at
         FROM tasks t;
       INSERT INTO audit_log (task_id, actor_id, actor_name, action, from_status, to_status, detail, at)
       SELECT r.task_id, r.author_id, '干部', 'task.progress_reported', 'in_progress', 'in_progress',
              jsonb_build_object('reportId', r.id), r.created_at
         FROM progress_reports r`,
    );
    // What autovacuum would have done by now: statistics, and the visibility map for index-only scans.
    await step('vacuum analyze', 'VACUUM ANALYZE');
    const officers = await client.query<{ id: string; department_id: string }>(
      `SELECT id, department_id FROM users WHERE role = 'officer' ORDER BY username`,
    );
    const supervisor = await client.query<{ id: string }>(`SELECT id FROM users WHERE role = 'supervisor'`);
    return {
      officers: officers.rows.map((row) => ({ id: row.id, departmentId: row.department_id })),
      supervisorId: supervisor.rows[0].id,
    };
  } finally {
    await client.end();
  }
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: server exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms`);
}

async function stop(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

interface Measured {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  total: number;
  non2xx: number;
  errors: number;
}

async function load(
  name: string,
  options: {
    url: string;
    connections: number;
    overallRate?: number;
    /** Per request: path and headers (rotating officers). */
    next: () => { path: string; headers?: Record<string, string> };
  },
): Promise<Measured> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: DURATION,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          const { path, headers } = options.next();
          return { ...request, path, headers: { ...request.headers, ...headers } };
        },
      },
    ],
  });
  const measured: Measured = {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
  log(
    `${name}: ${measured.requestsPerSecond} req/s, p50 ${measured.p50} ms, p99 ${measured.p99} ms, ` +
      `max ${measured.max} ms (${measured.total} requests, ${measured.non2xx} non-2xx, ${measured.errors} errors)`,
  );
  return measured;
}

async function main(): Promise<void> {
  const mainJs = join(ROOT, 'dist/apps/api/main.js');
  ensureApiBuilt(mainJs);
  const dbName = `duban_bench_${Date.now().toString(36)}`;
  const url = withDatabase(BASE_DB_URL, dbName);
  const redisPrefix = `duban-bench-${Date.now()}:`;
  let api: ChildProcess | null = null;
  let bare: ChildProcess | null = null;
  let keep = false;
  await admin(`CREATE DATABASE "${dbName}"`);
  try {
    log(`database ${dbName}: migrating…`);
    await run('node', [join(ROOT, 'dist/apps/api/cli.js'), 'migration:run'], {
      ...process.env,
      DATABASE_URL: url,
    });
    log(`seeding ${TASKS} tasks over ${DEPARTMENTS} departments…`);
    const started = Date.now();
    const { officers, supervisorId } = await seed(url);
    log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (process.env['BENCH_SEED_ONLY'] === '1') {
      log(`BENCH_SEED_ONLY: database ${dbName} kept for inspection; drop it when done`);
      keep = true;
      return;
    }

    const jwt = new JwtService({ secret: JWT_SECRET });
    const sessions = await openSessions(url, [...officers.map((o) => o.id), supervisorId]);
    const officerTokens = await Promise.all(
      officers.map(async (officer) => ({
        ...officer,
        token: await jwt.signAsync(
          { sub: officer.id, sid: sessions.get(officer.id), role: 'officer' },
          { expiresIn: 3600 },
        ),
      })),
    );
    const supervisorToken = await jwt.signAsync(
      { sub: supervisorId, sid: sessions.get(supervisorId), role: 'supervisor' },
      { expiresIn: 3600 },
    );

    api = spawn('node', [mainJs], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: url,
        JWT_SECRET,
        HOST: '127.0.0.1',
        PORT: String(API_PORT),
        REDIS_PREFIX: redisPrefix,
        EVIDENCE_DIR: join(ROOT, 'tmp/bench-evidence'),
      },
    });
    bare = fork(join(ROOT, 'tests/performance/bench-api-bare-server.ts'), [], {
      cwd: ROOT,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      env: { ...process.env, BENCH_DATABASE_URL: url, BENCH_BARE_PORT: String(BARE_PORT) },
    });
    const apiUrl = `http://127.0.0.1:${API_PORT}`;
    const bareUrl = `http://127.0.0.1:${BARE_PORT}`;
    await Promise.all([
      waitForHttp(`${apiUrl}/api/health/live`, api),
      waitForHttp(`${bareUrl}/bare/stats`, bare),
    ]);

    let turn = 0;
    const nextOfficer = () => officerTokens[turn++ % officerTokens.length];
    const apiList = () => {
      const officer = nextOfficer();
      return {
        path: `/api/tasks?status=${LIST_STATUS}&page=1&pageSize=20`,
        headers: { authorization: `Bearer ${officer.token}` },
      };
    };
    const bareList = () => ({
      path: `/bare/tasks?department=${nextOfficer().departmentId}&status=${LIST_STATUS}&page=1&pageSize=20`,
    });

    // Sanity: the API answers the list with 200 and a plausible page before we measure it.
    const probe = await fetch(`${apiUrl}${apiList().path}`, { headers: apiList().headers });
    const probeBody = (await probe.json()) as { total?: number; items?: unknown[] };
    if (probe.status !== 200 || !probeBody.items?.length)
      throw new Error(`list probe failed: ${probe.status}`);
    log(`an officer's filtered list holds ${probeBody.total} tasks (page of ${probeBody.items.length})`);

    // Warm up as measured (same connections): every pooled database connection open with its
    // prepared statements, JIT-compiled handlers, caches filled, the heap grown to its working size.
    log(`warming up (${WARMUP_S} s each)…`);
    await autocannon({
      url: apiUrl,
      connections: 10,
      duration: WARMUP_S,
      requests: [{ method: 'GET', setupRequest: (r) => ({ ...r, ...apiList() }) }],
    });
    await autocannon({
      url: bareUrl,
      connections: 10,
      duration: WARMUP_S,
      requests: [{ method: 'GET', setupRequest: (r) => ({ ...r, ...bareList() }) }],
    });

    const fixedRate = await load(`API list at ${RATE} req/s`, {
      url: apiUrl,
      connections: 10,
      overallRate: RATE,
      next: apiList,
    });
    // The bare endpoint at the same fixed rate: the floor the API's p99 is judged against.
    const bareFixedRate = await load(`bare list at ${RATE} req/s`, {
      url: bareUrl,
      connections: 10,
      overallRate: RATE,
      next: bareList,
    });
    const apiMax = await load('API list, full speed', { url: apiUrl, connections: 16, next: apiList });
    const bareMax = await load('bare list, full speed', { url: bareUrl, connections: 16, next: bareList });
    // The first read builds the counters for today (once a day in production): not part of the figures.
    const built = Date.now();
    const first = await fetch(`${apiUrl}/api/stats/overdue`, {
      headers: { authorization: `Bearer ${supervisorToken}` },
    });
    if (first.status !== 200) throw new Error(`stats probe failed: ${first.status}`);
    log(`stats counters built by the first read in ${Date.now() - built} ms`);
    const statsFixed = await load(`API stats/overdue at ${STATS_RATE} req/s`, {
      url: apiUrl,
      connections: 4,
      overallRate: STATS_RATE,
      next: () => ({ path: '/api/stats/overdue', headers: { authorization: `Bearer ${supervisorToken}` } }),
    });
    const statsOfficer = await load('API stats/overdue (officers), full speed', {
      url: apiUrl,
      connections: 4,
      next: () => ({
        path: '/api/stats/overdue',
        headers: { authorization: `Bearer ${nextOfficer().token}` },
      }),
    });
    const statsApi = await load('API stats/overdue, full speed', {
      url: apiUrl,
      connections: 4,
      next: () => ({ path: '/api/stats/overdue', headers: { authorization: `Bearer ${supervisorToken}` } }),
    });
    const statsBare = await load('bare recomputing stats query, full speed', {
      url: bareUrl,
      connections: 4,
      next: () => ({ path: '/bare/stats' }),
    });

    // Informational: the unscoped list in the default order (overdue first) over every task.
    const supervisorList = await load('API supervisor list (all tasks), full speed', {
      url: apiUrl,
      connections: 4,
      next: () => ({
        path: '/api/tasks?page=1&pageSize=20',
        headers: { authorization: `Bearer ${supervisorToken}` },
      }),
    });

    const listRatio = apiMax.requestsPerSecond / Math.max(1, bareMax.requestsPerSecond);
    const statsRatio = statsApi.requestsPerSecond / Math.max(1, statsBare.requestsPerSecond);
    const checks = [
      {
        target: `list p99 < 50 ms at ${RATE} req/s`,
        ok: fixedRate.p99 < 50 && fixedRate.non2xx === 0 && fixedRate.errors === 0,
      },
      { target: `list sustains ${RATE} req/s`, ok: fixedRate.requestsPerSecond >= RATE * 0.95 },
      { target: 'list throughput ≥ 50% of bare Fastify + pg', ok: listRatio >= 0.5 && apiMax.non2xx === 0 },
      {
        target: `stats p99 < 50 ms at ${STATS_RATE} req/s`,
        ok:
          statsFixed.p99 < 50 && statsFixed.non2xx === 0 && statsFixed.requestsPerSecond >= STATS_RATE * 0.95,
      },
      {
        target: `stats throughput ≥ ${STATS_SPEEDUP_TARGET}× the bare recomputing query`,
        ok: statsRatio >= STATS_SPEEDUP_TARGET && statsApi.non2xx === 0,
      },
    ];
    console.log(
      '\n| run | req/s | p50 ms | p99 ms | max ms | non-2xx |\n| --- | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const m of [
      fixedRate,
      bareFixedRate,
      apiMax,
      bareMax,
      statsFixed,
      statsApi,
      statsOfficer,
      statsBare,
      supervisorList,
    ]) {
      console.log(`| ${m.name} | ${m.requestsPerSecond} | ${m.p50} | ${m.p99} | ${m.max} | ${m.non2xx} |`);
    }
    console.log(
      `\nlist p99 at ${RATE} req/s: API ${fixedRate.p99} ms, bare ${bareFixedRate.p99} ms (p50 ${fixedRate.p50} / ${bareFixedRate.p50} ms)`,
    );
    console.log(`list: API/bare throughput = ${(listRatio * 100).toFixed(0)}%`);
    console.log(
      `stats: API (counters) ${statsApi.requestsPerSecond} req/s p99 ${statsApi.p99} ms beside the bare recomputing query ` +
        `${statsBare.requestsPerSecond} req/s p99 ${statsBare.p99} ms = ${statsRatio.toFixed(1)}×`,
    );
    for (const check of checks) console.log(`${check.ok ? 'PASS' : 'FAIL'}  ${check.target}`);

    const resultsDir = join(ROOT, 'tests/performance/results');
    mkdirSync(resultsDir, { recursive: true });
    const file = join(resultsDir, `bench-api-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(
      file,
      JSON.stringify(
        {
          tasks: TASKS,
          departments: DEPARTMENTS,
          durationS: DURATION,
          rate: RATE,
          runs: [
            fixedRate,
            bareFixedRate,
            apiMax,
            bareMax,
            statsFixed,
            statsApi,
            statsOfficer,
            statsBare,
            supervisorList,
          ],
          listRatio,
          statsRatio,
          checks,
        },
        null,
        2,
      ),
    );
    log(`results written to ${file}`);
    if (checks.some((check) => !check.ok) && process.env['BENCH_NO_FAIL'] !== '1') process.exitCode = 1;
  } finally {
    await stop(api);
    await stop(bare);
    await deleteRedisKeys(redisPrefix);
    if (!keep) await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  }
}

/** The API registers its queues under the run's prefix at start: leave nothing behind in Redis. */
async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
