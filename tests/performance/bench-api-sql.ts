/**
 * The SQL the API runs for an officer's filtered task list (status filter, default order) and for the
 * overdue statistics, written out by hand for the bare baseline. Kept equivalent to
 * apps/api/src/tasks/list/ (department-page.strategy.ts) and apps/api/src/stats/stats.service.ts.
 */
const TODAY = `((CAST($3 AS timestamptz) AT TIME ZONE 'Asia/Shanghai')::date)`;
const OVERDUE = `(t.status <> 'done' AND t.deadline IS NOT NULL AND t.deadline < ${TODAY})`;
const LIGHT = `(CASE
    WHEN t.status = 'done' THEN 'green'
    WHEN t.deadline IS NOT NULL THEN
      CASE WHEN t.deadline < ${TODAY} THEN 'red'
           WHEN t.deadline - ${TODAY} <= CAST($4 AS int) THEN 'yellow'
           ELSE 'green' END
    WHEN COALESCE(t.last_report_at, t.created_at)
         < CAST($3 AS timestamptz) - make_interval(days => CAST($5 AS int)) THEN 'yellow'
    ELSE 'green' END)`;
/** Overdue judged on the assignment row's copies of the task's status and deadline. */
const OVERDUE_OA = `(oa.task_status <> 'done' AND oa.task_deadline IS NOT NULL AND oa.task_deadline < ${TODAY})`;

const STATS_OVERDUE = OVERDUE.replace(/\$3/g, '$1');
const STATS_SCOPED = `SELECT t.id, t.document_id, t.status, ${STATS_OVERDUE} AS overdue FROM tasks t`;

export const BARE_SQL = {
  /** Page chosen on the department's assignment rows (status and deadline copies; the total as a window
   * count), then joined back for the summary columns and each row's departments: one round trip, as the
   * API does for a list confined to one department. */
  list: `SELECT t.id AS id, t.document_id, d.title AS document_title, d.doc_number AS document_doc_number, t.path,
       t.title, t.status, t.deadline::text AS deadline, t.deadline_text, t.deadline_kind,
       t.original_deadline::text AS original_deadline, ${OVERDUE} AS overdue, ${LIGHT} AS light,
       t.last_report_at, t.created_at, t.completed_at, t.completed_on_time, t.completed_on_time_original, t.version,
       p.total_count,
       (SELECT coalesce(json_agg(json_build_object('role', a.role, 'id', a.department_id, 'name', ad.name)
          ORDER BY a.position, ad.name), '[]'::json)
          FROM task_assignments a JOIN departments ad ON ad.id = a.department_id WHERE a.task_id = t.id) AS assignments
  FROM (SELECT oa.task_id AS id, ${OVERDUE_OA} AS k_overdue, oa.task_deadline AS k_deadline, count(*) OVER ()::int AS total_count
          FROM task_assignments oa
         WHERE oa.department_id = $1 AND oa.task_status = $2
         ORDER BY ${OVERDUE_OA} DESC, oa.task_deadline ASC NULLS LAST, oa.task_id ASC
         LIMIT $6 OFFSET $7) p
  JOIN tasks t ON t.id = p.id
  JOIN policy_documents d ON d.id = t.document_id
 ORDER BY p.k_overdue DESC, p.k_deadline ASC NULLS LAST, p.id ASC`,
  /** Totals, by lead department and by document in one statement, as the API's stats service does. */
  stats: `WITH v AS MATERIALIZED (${STATS_SCOPED}),
dept AS (
  SELECT d.id, d.name, count(*)::int AS total, count(*) FILTER (WHERE v.status = 'done')::int AS done,
         count(*) FILTER (WHERE v.overdue)::int AS overdue
    FROM v JOIN task_assignments a ON a.task_id = v.id AND a.role = 'lead' JOIN departments d ON d.id = a.department_id
   GROUP BY d.id, d.name),
doc AS (
  SELECT p.id, p.title AS name, count(*)::int AS total, count(*) FILTER (WHERE v.status = 'done')::int AS done,
         count(*) FILTER (WHERE v.overdue)::int AS overdue
    FROM v JOIN policy_documents p ON p.id = v.document_id
   GROUP BY p.id, p.title)
SELECT (SELECT json_build_object('tasks', count(*)::int, 'done', count(*) FILTER (WHERE status = 'done')::int,
          'overdue', count(*) FILTER (WHERE overdue)::int,
          'submitted', count(*) FILTER (WHERE status = 'submitted')::int) FROM v) AS totals,
       (SELECT coalesce(json_agg(dept ORDER BY dept.overdue DESC, dept.total DESC, dept.name), '[]'::json) FROM dept) AS by_department,
       (SELECT coalesce(json_agg(doc ORDER BY doc.overdue DESC, doc.total DESC, doc.name), '[]'::json) FROM doc) AS by_document`,
};
