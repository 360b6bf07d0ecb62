import type { OverdueStatsDto } from '@duban/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowEnv } from '../support/workflow-env';

const NOW = new Date('2026-06-30T04:00:00Z');

/** Each counter table, summed by key, beside the same grouping recomputed from tasks and assignments. */
const PAIRS: { name: string; counters: string; recomputed: string }[] = [
  {
    name: 'stats_task_counts',
    counters: `SELECT document_id, status, on_time, bucket::text, sum(n)::int AS n FROM stats_task_counts
                GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0`,
    recomputed: `SELECT t.document_id, t.status::text AS status, stats_on_time(t.status::text, t.completed_on_time) AS on_time,
                        stats_bucket(t.deadline, h.as_of, h.window_days)::text AS bucket, count(*)::int AS n
                   FROM tasks t, stats_horizon h GROUP BY 1, 2, 3, 4`,
  },
  {
    name: 'stats_department_counts',
    counters: `SELECT department_id, role, status, on_time, bucket::text, sum(n)::int AS n FROM stats_department_counts
                GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0`,
    recomputed: `SELECT a.department_id, a.role::text AS role, t.status::text AS status,
                        stats_on_time(t.status::text, t.completed_on_time) AS on_time,
                        stats_bucket(t.deadline, h.as_of, h.window_days)::text AS bucket, count(*)::int AS n
                   FROM task_assignments a JOIN tasks t ON t.id = a.task_id, stats_horizon h GROUP BY 1, 2, 3, 4, 5`,
  },
  {
    name: 'stats_assignment_counts',
    counters: `SELECT department_id, role, document_id, status, on_time, bucket::text, sum(n)::int AS n
                 FROM stats_assignment_counts GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(n) <> 0`,
    recomputed: `SELECT a.department_id, a.role::text AS role, t.document_id, t.status::text AS status,
                        stats_on_time(t.status::text, t.completed_on_time) AS on_time,
                        stats_bucket(t.deadline, h.as_of, h.window_days)::text AS bucket, count(*)::int AS n
                   FROM task_assignments a JOIN tasks t ON t.id = a.task_id, stats_horizon h GROUP BY 1, 2, 3, 4, 5, 6`,
  },
];

/** What GET /api/stats/overdue reported before the counters: every task judged at query time. */
const RECOMPUTED_FIGURES = `
WITH v AS (SELECT t.id, t.document_id, t.status::text AS status, t.completed_on_time,
                  (t.status <> 'done' AND t.deadline IS NOT NULL AND t.deadline < $1::date) AS overdue,
                  (t.status <> 'done' AND t.deadline BETWEEN $1::date AND $1::date + 7) AS due_soon
             FROM tasks t)
SELECT (SELECT json_build_object('tasks', count(*)::int, 'done', count(*) FILTER (WHERE status = 'done')::int,
                                 'overdue', count(*) FILTER (WHERE overdue)::int,
                                 'dueSoon', count(*) FILTER (WHERE due_soon)::int,
                                 'onTime', count(*) FILTER (WHERE status = 'done' AND completed_on_time IS DISTINCT FROM false)::int)
          FROM v) AS totals,
       (SELECT json_agg(x ORDER BY x.id) FROM (
          SELECT a.department_id AS id, count(*)::int AS total, count(*) FILTER (WHERE v.overdue)::int AS overdue,
                 count(*) FILTER (WHERE v.status = 'done')::int AS done
            FROM v JOIN task_assignments a ON a.task_id = v.id AND a.role = 'lead' GROUP BY a.department_id) x) AS by_department`;

describe('statistics counters', () => {
  let env: WorkflowEnv;
  let secondDocument: string;
  const tasks: string[] = [];

  const expectCountersRight = async (): Promise<void> => {
    const [expected] = await env.db.query<
      {
        totals: Record<string, number>;
        by_department: { id: string; total: number; overdue: number; done: number }[];
      }[]
    >(RECOMPUTED_FIGURES, ['2026-06-30']);
    const response = await env.http<OverdueStatsDto>('GET', '/api/stats/overdue', {
      as: env.users.supervisor,
    });
    expect(response.status).toBe(200);
    // The request above rebuilt the counters if their day was not today: compare after it.
    for (const pair of PAIRS) {
      const order = (sql: string) => `SELECT * FROM (${sql}) x ORDER BY x::text`;
      const counters = await env.db.query(order(pair.counters));
      const recomputed = await env.db.query(order(pair.recomputed));
      expect(counters, pair.name).toEqual(recomputed);
    }
    expect(response.body.totals).toMatchObject(expected.totals);
    expect(
      response.body.byDepartment
        .map(({ id, total, overdue, done }) => ({ id, total, overdue, done }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    ).toEqual(expected.by_department ?? []);
  };

  beforeAll(async () => {
    const anchorMs = Date.now();
    env = await WorkflowEnv.start({ clock: { anchorMs, scale: 1, offsetMs: NOW.getTime() - anchorMs } });
    secondDocument = await env.newDocument('第二份文件', null);
    const { A, B, C } = env.departments;
    tasks.push(
      await env.newTask({ lead: [A], participants: [B], deadline: '2026-06-01', status: 'in_progress' }),
    );
    tasks.push(
      await env.newTask({ lead: [A], participants: [], deadline: '2026-07-03', status: 'not_started' }),
    );
    tasks.push(
      await env.newTask({ lead: [B], participants: [C], deadline: '2026-12-31', status: 'returned' }),
    );
    tasks.push(
      await env.newTask({ lead: [C], participants: [A], deadline: null, documentId: secondDocument }),
    );
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('are built by the first reader and equal the recomputed figures', async () => {
    const before = await env.db.query(`SELECT * FROM stats_horizon`);
    expect(before).toEqual([]);
    await expectCountersRight();
    const [horizon] = await env.db.query<{ as_of: string; window_days: number }[]>(
      `SELECT as_of::text, window_days FROM stats_horizon`,
    );
    expect(horizon).toEqual({ as_of: '2026-06-30', window_days: 7 });
  });

  it('follow a status change, an on-time verdict and a deadline change', async () => {
    expect.hasAssertions(); // in expectCountersRight
    await env.db.query(`UPDATE tasks SET status = 'submitted' WHERE id = $1`, [tasks[0]]);
    await expectCountersRight();
    await env.db.query(`UPDATE tasks SET status = 'done', completed_on_time = false WHERE id = $1`, [
      tasks[0],
    ]);
    await expectCountersRight();
    // Out of the yellow window into the past (overdue), then to no deadline, then far away.
    await env.db.query(`UPDATE tasks SET deadline = '2026-05-01' WHERE id = $1`, [tasks[1]]);
    await expectCountersRight();
    await env.db.query(`UPDATE tasks SET deadline = NULL WHERE id = $1`, [tasks[1]]);
    await expectCountersRight();
    await env.db.query(`UPDATE tasks SET deadline = '2026-07-07' WHERE id = $1`, [tasks[1]]);
    await expectCountersRight();
  });

  it('follow assignments added, moved, re-roled and removed, and a document change', async () => {
    expect.hasAssertions(); // in expectCountersRight
    const { A, B, C } = env.departments;
    await env.db.query(
      `INSERT INTO task_assignments (task_id, department_id, role, position) VALUES ($1, $2, 'participant', 5)`,
      [tasks[1], C],
    );
    await expectCountersRight();
    await env.db.query(
      `UPDATE task_assignments SET department_id = $1 WHERE task_id = $2 AND department_id = $3`,
      [B, tasks[1], C],
    );
    await expectCountersRight();
    await env.db.query(
      `UPDATE task_assignments SET role = 'lead' WHERE task_id = $1 AND department_id = $2`,
      [tasks[3], A],
    );
    await expectCountersRight();
    await env.db.query(`DELETE FROM task_assignments WHERE task_id = $1 AND department_id = $2`, [
      tasks[2],
      C,
    ]);
    await expectCountersRight();
    await env.db.query(`UPDATE tasks SET document_id = $1, status = 'in_progress' WHERE id = $2`, [
      secondDocument,
      tasks[2],
    ]);
    await expectCountersRight();
  });

  it('follow a new task, a deleted task and an unknown status', async () => {
    expect.hasAssertions(); // in expectCountersRight
    tasks.push(await env.newTask({ deadline: '2026-06-15', status: 'returned' }));
    await expectCountersRight();
    await env.db.query(`DELETE FROM tasks WHERE id = $1`, [tasks[0]]);
    await expectCountersRight();
    // A status this code does not know (e.g. one added by a later migration) is counted as open.
    await env.db.query(`ALTER TYPE task_status ADD VALUE IF NOT EXISTS 'stats_test_status'`);
    await env.db.query(`UPDATE tasks SET status = 'stats_test_status' WHERE id = $1`, [tasks[2]]);
    await expectCountersRight();
  });

  it('rebuild when the day has changed, and compaction keeps the sums', async () => {
    await env.db.query(`UPDATE stats_horizon SET as_of = '2026-06-20'`);
    await expectCountersRight();
    const [{ as_of }] = await env.db.query<{ as_of: string }[]>(`SELECT as_of::text FROM stats_horizon`);
    expect(as_of).toBe('2026-06-30');
    for (let i = 0; i < 5; i++) {
      await env.db.query(`UPDATE tasks SET status = 'submitted' WHERE id = $1`, [tasks[1]]);
      await env.db.query(`UPDATE tasks SET status = 'in_progress' WHERE id = $1`, [tasks[1]]);
    }
    const rowsBefore = await env.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM stats_assignment_counts`,
    );
    await env.db.query(`SELECT stats_compact()`);
    const rowsAfter = await env.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM stats_assignment_counts`,
    );
    expect(rowsAfter[0].n).toBeLessThan(rowsBefore[0].n);
    await expectCountersRight();
  });

  it('take concurrent opposite moves without deadlock', async () => {
    expect.hasAssertions(); // in expectCountersRight
    // Each transaction moves one task forward and another back: with counter rows updated in place
    // these would lock the same two rows in opposite orders.
    const pairs: [string, string][] = [];
    for (let i = 0; i < 6; i++) {
      pairs.push([
        await env.newTask({ status: 'not_started' }),
        await env.newTask({ status: 'in_progress' }),
      ]);
    }
    await Promise.all(
      pairs.map(([a, b], i) =>
        env.db.transaction(async (manager) => {
          const [first, firstTo, second, secondTo] =
            i % 2 ? [a, 'in_progress', b, 'not_started'] : [b, 'not_started', a, 'in_progress'];
          await manager.query(`UPDATE tasks SET status = $1 WHERE id = $2`, [firstTo, first]);
          await new Promise((resolve) => setTimeout(resolve, 20));
          await manager.query(`UPDATE tasks SET status = $1 WHERE id = $2`, [secondTo, second]);
        }),
      ),
    );
    await expectCountersRight();
  });
});
