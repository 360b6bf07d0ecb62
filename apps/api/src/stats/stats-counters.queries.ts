/**
 * SQL over the counter tables of migration StatsCounters (see README.md). Every reader sums the
 * delta rows; the horizon (as_of, window_days) comes back with the figures in the same statement, so a
 * reader notices a stale horizon and rebuilds before trusting them.
 *
 * Parameters: $1 today (Shanghai date), $2 yellow window days, then the query's own. The functions at
 * the end run them; StatsService calls those, never the SQL.
 */
import type { AssignmentRole, StatsMatrixDto, StatsTrendDto } from '@duban/domain';
import type { EntityManager } from 'typeorm';

type Sql = Pick<EntityManager, 'query'>;

/** Aggregates of one counter table's rows (alias c), as JSON-ready columns. */
const FIGURES = `
  coalesce(sum(c.n) FILTER (WHERE c.status <> 'terminated'), 0)::int AS total,
  coalesce(sum(c.n) FILTER (WHERE c.status = 'done'), 0)::int AS done,
  coalesce(sum(c.n) FILTER (WHERE c.status = 'done' AND c.on_time IS DISTINCT FROM false), 0)::int AS "onTime",
  coalesce(sum(c.n) FILTER (WHERE c.status NOT IN ('done', 'terminated') AND c.bucket < $1::date), 0)::int AS overdue,
  coalesce(sum(c.n) FILTER (WHERE c.status NOT IN ('done', 'terminated')
                             AND c.bucket BETWEEN $1::date AND $1::date + $2::int), 0)::int AS "dueSoon",
  coalesce(sum(c.n) FILTER (WHERE c.status NOT IN ('done', 'terminated') AND c.bucket IS NULL), 0)::int AS undated,
  coalesce(sum(c.n) FILTER (WHERE c.status = 'submitted'), 0)::int AS submitted,
  coalesce(sum(c.n) FILTER (WHERE c.status = 'terminated'), 0)::int AS terminated`;

const HORIZON = `(SELECT json_build_object('asOf', h.as_of::text, 'windowDays', h.window_days)
                    FROM stats_horizon h WHERE h.id = 1) AS horizon`;

/** Undated open tasks with no report (or creation) since $3 (timestamptz): the stale half of 黄灯. */
const STALE_ALL = `(SELECT count(*)::int FROM tasks t
   WHERE t.deadline IS NULL AND t.status <> 'done' AND t.status::text <> 'terminated'
     AND COALESCE(t.last_report_at, t.created_at) < $3::timestamptz)`;
// The same index-only scan, semi-joined to the department's undated open assignments (no task heap visits).
const STALE_DEPARTMENT = `(SELECT count(*)::int FROM tasks t
   WHERE t.deadline IS NULL AND t.status <> 'done' AND t.status::text <> 'terminated'
     AND COALESCE(t.last_report_at, t.created_at) < $3::timestamptz
     AND t.id IN (SELECT a.task_id FROM task_assignments a
                   WHERE a.department_id = $4::uuid AND a.task_deadline IS NULL AND a.task_status <> 'done'))`;

const ORDER = `ORDER BY x.overdue DESC, x.total DESC, x.name`;

/**
 * The one reply of both readers: horizon, totals over `source` (counter rows, alias c), the stale count,
 * and the `dept` / `doc` CTEs' rows by department and by document, each with its name.
 */
const figuresReply = (source: string, stale: string): string => `
SELECT ${HORIZON},
  (SELECT row_to_json(x) FROM (SELECT ${FIGURES} FROM ${source} c) x) AS totals,
  ${stale} AS stale,
  (SELECT coalesce(json_agg(x ${ORDER}), '[]'::json)
     FROM (SELECT dept.*, d.name FROM dept JOIN departments d ON d.id = dept.id WHERE dept.total + dept.terminated > 0) x)
    AS by_department,
  (SELECT coalesce(json_agg(x ${ORDER}), '[]'::json)
     FROM (SELECT doc.*, p.title AS name FROM doc JOIN policy_documents p ON p.id = doc.id WHERE doc.total + doc.terminated > 0) x)
    AS by_document`;

/** Supervisors and admins: $3 stale cutoff, $4 role. */
const STATS_ALL_SQL = `
WITH dept AS (
  SELECT c.department_id AS id, ${FIGURES} FROM stats_department_counts c WHERE c.role = $4 GROUP BY c.department_id),
doc AS (
  SELECT c.document_id AS id, ${FIGURES} FROM stats_task_counts c GROUP BY c.document_id)
${figuresReply('stats_task_counts', STALE_ALL)}`;

/**
 * An officer: only tasks its department takes part in (any role; a department has one assignment per
 * task), and only its own row by department. $3 stale cutoff, $4 department, $5 role.
 */
const STATS_DEPARTMENT_SQL = `
WITH mine AS (SELECT c.* FROM stats_assignment_counts c WHERE c.department_id = $4::uuid),
dept AS (SELECT c.department_id AS id, ${FIGURES} FROM mine c WHERE c.role = $5 GROUP BY c.department_id),
doc AS (SELECT c.document_id AS id, ${FIGURES} FROM mine c GROUP BY c.document_id)
${figuresReply('mine', STALE_DEPARTMENT)}`;

/** Department × document cells. $1 today, $2 role, $3 department or NULL (no scoping). */
const STATS_MATRIX_SQL = `
SELECT ${HORIZON},
  (SELECT coalesce(json_agg(x), '[]'::json) FROM (
     SELECT c.department_id AS "departmentId", c.document_id AS "documentId",
            coalesce(sum(c.n) FILTER (WHERE c.status <> 'terminated'), 0)::int AS total,
            coalesce(sum(c.n) FILTER (WHERE c.status NOT IN ('done', 'terminated') AND c.bucket < $1::date), 0)::int
              AS overdue,
            coalesce(sum(c.n) FILTER (WHERE c.status = 'done'), 0)::int AS done
       FROM stats_assignment_counts c
      WHERE c.role = $2 AND ($3::uuid IS NULL OR c.department_id = $3::uuid) AND c.document_id IS NOT NULL
      GROUP BY c.department_id, c.document_id HAVING sum(c.n) <> 0) x) AS cells`;

const STATS_REBUILD_SQL = `SELECT stats_rebuild($1::date, $2::int, $3::boolean) AS rebuilt`;
const STATS_COMPACT_SQL = `SELECT stats_compact()`;

/**
 * Open and overdue at the end of each week, recomputed from the tasks (history is not counted:
 * a task is open at an instant when created before it and not completed by then; overdue when also
 * past its current deadline). $1 week-end dates (Shanghai, ascending; the last is today), $2 department
 * or NULL, $3 today (a deadline of today is not overdue yet).
 */
const STATS_TREND_SQL = `
SELECT w.week_end::text AS "weekEnd",
       count(t.id) FILTER (WHERE t.created_at < (w.week_end + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
                            AND (t.completed_at IS NULL OR t.completed_at >= (w.week_end + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'))::int AS open,
       count(t.id) FILTER (WHERE t.created_at < (w.week_end + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
                            AND (t.completed_at IS NULL OR t.completed_at >= (w.week_end + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
                            AND t.deadline IS NOT NULL AND t.deadline < LEAST(w.week_end + 1, $3::date))::int AS overdue
  FROM unnest($1::date[]) AS w(week_end)
  LEFT JOIN tasks t ON t.status::text <> 'terminated'
   AND ($2::uuid IS NULL OR t.id IN (SELECT a.task_id FROM task_assignments a WHERE a.department_id = $2::uuid))
 GROUP BY w.week_end ORDER BY w.week_end`;

export interface Figures {
  total: number;
  done: number;
  onTime: number;
  overdue: number;
  dueSoon: number;
  undated: number;
  submitted: number;
  terminated: number;
}
export type NamedFigures = Figures & { id: string; name: string };
/** The day and yellow window the counters were bucketed for (null: never built). */
export interface Horizon {
  asOf: string;
  windowDays: number;
}
export interface StatsRow {
  horizon: Horizon | null;
  totals: Figures;
  stale: number;
  by_department: NamedFigures[];
  by_document: NamedFigures[];
}
export interface MatrixRow {
  horizon: Horizon | null;
  cells: StatsMatrixDto['cells'];
}

/** The window of one read: today (Shanghai), the yellow window in days, the stale cutoff. */
export interface StatsWindow {
  today: string;
  yellowWithinDays: number;
  staleCutoff: Date;
}

/** Figures over every task (supervisors, admins); by department in `role`. */
export function allStats(db: Sql, w: StatsWindow, role: AssignmentRole): Promise<StatsRow[]> {
  return db.query<StatsRow[]>(STATS_ALL_SQL, [w.today, w.yellowWithinDays, w.staleCutoff, role]);
}

/** Figures over one department's tasks (an officer); its own row by department in `role`. */
export function departmentStats(
  db: Sql,
  w: StatsWindow,
  departmentId: string,
  role: AssignmentRole,
): Promise<StatsRow[]> {
  return db.query<StatsRow[]>(STATS_DEPARTMENT_SQL, [
    w.today,
    w.yellowWithinDays,
    w.staleCutoff,
    departmentId,
    role,
  ]);
}

export function statsMatrix(
  db: Sql,
  today: string,
  role: AssignmentRole,
  departmentId: string | null,
): Promise<MatrixRow[]> {
  return db.query<MatrixRow[]>(STATS_MATRIX_SQL, [today, role, departmentId]);
}

export function statsTrend(
  db: Sql,
  weekEnds: readonly string[],
  departmentId: string | null,
  today: string,
): Promise<StatsTrendDto['weeks']> {
  return db.query<StatsTrendDto['weeks']>(STATS_TREND_SQL, [weekEnds, departmentId, today]);
}

/** Recounts the counters for `today` and the window (`force`: even when the horizon already matches). */
export async function rebuildStats(
  db: Sql,
  today: string,
  yellowWithinDays: number,
  force: boolean,
): Promise<void> {
  await db.query(STATS_REBUILD_SQL, [today, yellowWithinDays, force]);
}

/** Folds the triggers' delta rows together. */
export async function compactStats(db: Sql): Promise<void> {
  await db.query(STATS_COMPACT_SQL);
}

/**
 * `{id, name}` of the given policy documents, by title: the matrix's column heads. Reads the documents
 * feature's table (no documents repository offers it yet).
 */
export function documentTitles(db: Sql, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  return db.query(
    `SELECT id, title AS name FROM policy_documents WHERE id = ANY($1::uuid[]) ORDER BY title`,
    [ids],
  );
}
