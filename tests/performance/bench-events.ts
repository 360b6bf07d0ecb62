/**
 * Task-event benchmark (issue 12): the outbox's fan-out, against the local PostgreSQL and Redis, in a
 * scratch database and a Redis key prefix of its own (removed afterwards), drained by two worker
 * processes (the built `dist/apps/api/worker.js`).
 *
 * 10,000 tasks, each led by one of 2,000 departments with 5 officers: 10,000 events reach 50,000
 * recipients (one inbox row each; e-mail is off, so the figure is the fan-out itself, not SMTP).
 *
 * 1. Steady: events committed at 2,500/s (25 per transaction every 10 ms) while the workers drain;
 *    latency from each event's commit to its inbox rows' commit (p50/p99; target p99 < 2 s).
 * 2. Burst: 10,000 events committed at once; events/s from their commit to the last batch's commit
 *    (target ≥ 2,000/s).
 * 3. Baseline, in the same run: the same 10,000 notifications and 50,000 inbox rows written by one bare
 *    INSERT … SELECT each (no recipients rules, messages, batching or locks): events/s, and the ratio.
 * 4. The burst again with rescheduling: `task.returned` on dated tasks, so each event also recomputes its
 *    task's reminders in Redis (informative: what a workflow event costs in full).
 *
 *   npm run bench:events      (builds the API first)
 *
 * Exit code 1 when a target is missed.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { DataSource } from 'typeorm';
import { recordTaskEvents, type TaskEventInput } from '../../apps/api/src/events/task-event-outbox';
import { configureForTests } from '../../apps/api/src/infra/config/app-config';
import { dataSourceOptions } from '../../apps/api/src/infra/database/data-source-options';
import {
  createScratchDatabase,
  dropScratchDatabase,
} from '../../apps/api/src/infra/database/scratch-database';
import {
  cpuMs,
  deletePrefix,
  percentile,
  startWorker,
  BASE_DB_URL,
  REDIS_URL,
  type Stack,
} from './bench-reminders-support';

/** `BENCH_EVENTS=1000` runs a smaller version (a smoke test); the figures are for the default. */
const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 10_000);
const TASKS = EVENTS;
const DEPARTMENTS = Math.max(1, Math.round(EVENTS / 5));
const OFFICERS = 5;
const STEADY_PER_TICK = 25;
const TICK_MS = 10;
const TARGET_EVENTS_PER_S = 2_000;
const TARGET_P99_MS = 2_000;

function log(message: string): void {
  console.log(`[bench:events] ${message}`);
}

async function createEventsStack(): Promise<Stack> {
  const { name: dbName, url } = await createScratchDatabase(BASE_DB_URL, 'duban_bench_ev_');
  const prefix = `duban-bench-events-${randomBytes(4).toString('hex')}:`;
  const clock = { anchorMs: Date.now(), scale: 1, offsetMs: Date.parse('2026-03-10T02:00:00Z') - Date.now() };
  const config = configureForTests({
    env: 'test',
    database: { url, logging: false },
    redis: { url: REDIS_URL, prefix },
    clock,
    mail: { smtpUrl: null, from: 'bench <bench@localhost>' },
  });
  const db = new DataSource({ ...dataSourceOptions(config, [], url), extra: { max: 10 } });
  await db.initialize();
  await db.runMigrations();
  return {
    config,
    db,
    queues: null as never,
    scheduler: null as never,
    dbName,
    prefix,
    clock,
    async close() {
      await deletePrefix(prefix);
      await db.destroy();
      await dropScratchDatabase(BASE_DB_URL, dbName);
    },
  };
}

async function seed(db: DataSource): Promise<string[]> {
  await db.query(
    `INSERT INTO departments (name, slug, kind) SELECT '基准单位' || i, 'bench-' || i, 'ministry' FROM generate_series(1, $1) i`,
    [DEPARTMENTS],
  );
  await db.query(
    `INSERT INTO users (username, display_name, password_hash, role, department_id)
     SELECT d.slug || '-' || k, d.name || '经办人' || k, 'x', 'officer', d.id FROM departments d, generate_series(1, $1) k`,
    [OFFICERS],
  );
  await db.query(
    `INSERT INTO users (username, display_name, password_hash, role) VALUES ('bench-sup', '督查室', 'x', 'supervisor')`,
  );
  const [doc]: { id: string }[] = await db.query(
    `INSERT INTO policy_documents (title, title_key, source_file, source_checksum, start_line, end_line)
     VALUES ('基准测试文件', 'bench', 'bench.txt', $1, 1, 1) RETURNING id`,
    ['0'.repeat(64)],
  );
  // Closed tasks for the fan-out scenarios (no reminders to recompute); dated open ones for scenario 4.
  await db.query(
    `INSERT INTO tasks (document_id, measure_key, title, text, source_file, source_line, origin, deadline, deadline_kind, status)
     SELECT $1, 'm' || i, '基准任务' || i, '基准任务' || i, 'bench.txt', i, 'inline', DATE '2026-06-01' + (i % 200), 'date',
            CASE WHEN i <= $2 THEN 'done'::task_status ELSE 'in_progress'::task_status END
       FROM generate_series(1, $2 * 2) AS i`,
    [doc.id, TASKS],
  );
  await db.query(
    `INSERT INTO task_assignments (task_id, department_id, role, position)
     SELECT t.id, d.id, 'lead', 0
       FROM (SELECT id, row_number() OVER (ORDER BY source_line) AS n FROM tasks) t
       JOIN (SELECT id, row_number() OVER (ORDER BY slug) AS n FROM departments) d ON d.n = (t.n % $1) + 1`,
    [DEPARTMENTS],
  );
  // Statistics as autovacuum would have them on a live database (fresh bulk rows look like 3 users to the planner).
  await db.query('ANALYZE');
  return (await db.query<{ id: string }[]>(`SELECT id FROM tasks ORDER BY source_line`)).map((r) => r.id);
}

/** Commits events; answers each event id's commit time (epoch ms). */
async function commit(db: DataSource, events: TaskEventInput[], commits: Map<string, number>): Promise<void> {
  const ids = await db.transaction((manager) => recordTaskEvents(manager, events));
  const at = Date.now();
  for (const id of ids) commits.set(id, at);
}

async function waitDrained(db: DataSource, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [{ n }]: { n: number }[] = await db.query(
      'SELECT count(*)::int AS n FROM task_events WHERE processed_at IS NULL',
    );
    if (n === 0) return;
    if (Date.now() > until) throw new Error(`${n} events still unprocessed after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Figures {
  events: number;
  inbox: number;
  eventsPerSecond: number;
  p50: number;
  p99: number;
}

async function figures(db: DataSource, commits: Map<string, number>, rule: string): Promise<Figures> {
  const rows: { id: string; done: string }[] = await db.query(
    `SELECT id::text AS id, (extract(epoch FROM processed_at) * 1000)::bigint::text AS done
       FROM task_events WHERE id = ANY($1::bigint[])`,
    [[...commits.keys()]],
  );
  const latencies = rows.map((r) => Number(r.done) - commits.get(r.id)!).sort((a, b) => a - b);
  const first = Math.min(...commits.values());
  const last = Math.max(...rows.map((r) => Number(r.done)));
  const [{ n }]: { n: number }[] = await db.query(
    `SELECT count(*)::int AS n FROM notification_deliveries d JOIN notifications x ON x.id = d.notification_id
      WHERE x.rule = $1 AND d.channel = 'inbox'`,
    [rule],
  );
  return {
    events: rows.length,
    inbox: n,
    eventsPerSecond: rows.length / ((last - first) / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

function events(
  taskIds: readonly string[],
  kind: 'comment.created' | 'task.returned' | 'task.approved',
): TaskEventInput[] {
  return taskIds.map((taskId, i) =>
    kind === 'comment.created'
      ? {
          taskId,
          kind,
          payload: {
            notice: true,
            title: `督办意见 ${i}`,
            body: '请加快进度',
            departmentIds: [],
            supervisors: false,
          },
        }
      : { taskId, kind, payload: { reason: `基准理由${i}` }, actor: { id: null, name: '督查室' } },
  );
}

async function main(): Promise<void> {
  const stack = await createEventsStack();
  const workers: ChildProcess[] = [];
  let failed = false;
  try {
    const taskIds = await seed(stack.db);
    const closed = taskIds.slice(0, TASKS);
    const open = taskIds.slice(TASKS);
    const outputs: string[][] = [[], []];
    for (const output of outputs)
      workers.push(
        await startWorker(stack, output, {
          EVENTS_POLL_EVERY_MS: '1000',
          REMINDER_RECONCILE_EVERY_MS: '3600000',
        }),
      );
    const load = (): string =>
      loadavg()
        .map((l) => l.toFixed(1))
        .join(' ');
    log(
      `machine: 2 cores shared with other sessions; load average ${load()}; 2 workers, batch 500, e-mail off`,
    );

    // Warm-up (connections, prepared plans): 200 events, not measured.
    const warm = new Map<string, number>();
    await commit(stack.db, events(closed.slice(0, 200), 'task.approved'), warm);
    await waitDrained(stack.db, 60_000);

    // 1. Steady: task.approved (→ lead) at 2,500/s.
    const steady = new Map<string, number>();
    const all = events(closed, 'task.approved');
    const cpuBefore = workers.map((w) => cpuMs(w.pid));
    const started = Date.now();
    for (let i = 0, tick = 0; i < all.length; i += STEADY_PER_TICK, tick++) {
      const wait = started + tick * TICK_MS - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      await commit(stack.db, all.slice(i, i + STEADY_PER_TICK), steady);
    }
    await waitDrained(stack.db, 120_000);
    const s = await figures(stack.db, steady, 'task.approved');
    const offered = steady.size / ((Math.max(...steady.values()) - started) / 1000);
    const cpu = workers.reduce((sum, w, k) => sum + cpuMs(w.pid) - cpuBefore[k], 0);
    log(
      `steady (offered ${(STEADY_PER_TICK * 1000) / TICK_MS}/s, committed ${offered.toFixed(0)}/s): ${s.events} events → ${s.inbox - 200 * OFFICERS} inbox rows; ` +
        `${s.eventsPerSecond.toFixed(0)} events/s; commit → inbox p50 ${s.p50} ms, p99 ${s.p99} ms ` +
        `[${s.p99 < TARGET_P99_MS ? 'PASS' : 'MISS'} p99 < ${TARGET_P99_MS} ms]; workers' CPU ${(cpu / s.events).toFixed(2)} ms/event`,
    );
    if (s.p99 >= TARGET_P99_MS) failed = true;

    // 2. Burst: 10,000 comment notices (→ the lead, given as recipients) committed at once.
    const burstEvents = closed.map((taskId, i) => {
      const e = events([taskId], 'comment.created')[0];
      return { ...e, payload: { ...e.payload, departmentIds: [] as string[], index: i } };
    });
    // Recipients: each task's lead department.
    const leads: { task_id: string; department_id: string }[] = await stack.db.query(
      `SELECT task_id::text, department_id::text FROM task_assignments WHERE role = 'lead' AND task_id = ANY($1::uuid[])`,
      [closed],
    );
    const leadOf = new Map(leads.map((r) => [r.task_id, r.department_id]));
    for (const e of burstEvents) e.payload.departmentIds = [leadOf.get(e.taskId)!];
    const burst = new Map<string, number>();
    for (let i = 0; i < burstEvents.length; i += 2_000)
      await commit(stack.db, burstEvents.slice(i, i + 2_000), burst);
    await waitDrained(stack.db, 120_000);
    const b = await figures(stack.db, burst, 'comment.created');
    log(
      `burst: ${b.events} events → ${b.inbox} inbox rows in ${((b.events / b.eventsPerSecond) * 1000).toFixed(0)} ms: ` +
        `${b.eventsPerSecond.toFixed(0)} events/s [${b.eventsPerSecond >= TARGET_EVENTS_PER_S ? 'PASS' : 'MISS'} ≥ ${TARGET_EVENTS_PER_S}/s]; ` +
        `commit → inbox p99 ${b.p99} ms`,
    );
    if (b.eventsPerSecond < TARGET_EVENTS_PER_S) failed = true;

    // 3. Baseline: the same rows by two bare INSERT … SELECT statements in one transaction.
    const baseStart = process.hrtime.bigint();
    await stack.db.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO notifications (key, task_id, rule, recipient_kind, department_id, due_at, sent_at, title, body)
         SELECT 'base:' || a.task_id, a.task_id, 'baseline', 'department', a.department_id, now(), now(), '基准', '基准'
           FROM task_assignments a WHERE a.role = 'lead' AND a.task_id = ANY($1::uuid[])`,
        [closed],
      );
      await manager.query(
        `INSERT INTO notification_deliveries (notification_id, channel, dedupe_key, user_id, status, sent_at)
         SELECT n.id, 'inbox', n.key || ':inbox:' || u.id, u.id, 'sent', now()
           FROM notifications n JOIN users u ON u.department_id = n.department_id AND u.role = 'officer' AND u.active
          WHERE n.rule = 'baseline'`,
      );
    });
    const baseMs = Number(process.hrtime.bigint() - baseStart) / 1e6;
    const basePerS = TASKS / (baseMs / 1000);
    log(
      `baseline (bare INSERT…SELECT, same ${TASKS} notifications + ${TASKS * OFFICERS} inbox rows): ${baseMs.toFixed(0)} ms = ` +
        `${basePerS.toFixed(0)} events/s; outbox burst / baseline = ${(b.eventsPerSecond / basePerS).toFixed(2)}`,
    );

    // 4. With rescheduling: task.returned on 10,000 dated open tasks.
    const full = new Map<string, number>();
    const returned = events(open, 'task.returned');
    for (let i = 0; i < returned.length; i += 2_000)
      await commit(stack.db, returned.slice(i, i + 2_000), full);
    await waitDrained(stack.db, 300_000);
    const f = await figures(stack.db, full, 'task.returned');
    log(
      `burst with rescheduling (task.returned, dated tasks): ${f.events} events → ${f.inbox} inbox rows; ` +
        `${f.eventsPerSecond.toFixed(0)} events/s; commit → inbox p99 ${f.p99} ms (informative)`,
    );
    log(`load average at the end ${load()}`);
    const expected = EVENTS * OFFICERS;
    if (s.inbox - 200 * OFFICERS !== expected || b.inbox !== expected || f.inbox !== expected) {
      log(
        `MISS: inbox rows ${s.inbox - 200 * OFFICERS} / ${b.inbox} / ${f.inbox}, expected ${expected} each`,
      );
      failed = true;
    }
  } finally {
    for (const w of workers) w.kill('SIGKILL');
    await stack.close();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
