import { mainLeadSql } from '../main-lead.queries';
import { lightSql, overdueSql, type TimingColumns } from '../task-timing.sql';

/** The tasks row's timing columns (alias t). */
export const COLUMNS: TimingColumns = {
  status: 't.status',
  deadline: 't.deadline',
  createdAt: 't.created_at',
  lastReportAt: 't.last_report_at',
};

/** The assignment row's copies of its task's status and deadline (see TaskAssignmentEntity). */
export const ASSIGNMENT_COLUMNS = { status: 'oa.task_status', deadline: 'oa.task_deadline' };

/**
 * A task's departments as JSON, in document order; evaluated per row of the outer (paged) query. One
 * join per task rather than a name subquery per assignment, each of which scans the departments table.
 */
export const ASSIGNMENTS_JSON = `(SELECT coalesce(json_agg(json_build_object('role', a.role, 'id', a.department_id, 'name', ad.name)
    ORDER BY a.position, ad.name), '[]'::json)
    FROM task_assignments a JOIN departments ad ON ad.id = a.department_id WHERE a.task_id = t.id)`;

/** Open and not yet signed off by its 主办 lead (「待签收」). */
export const AWAITING_SIGNOFF = `(t.acknowledged_at IS NULL AND t.status IN ('not_started', 'in_progress', 'returned'))`;

/**
 * 待明确责任单位: an open task with no real lead — every lead is a collective party (各有关部门, 各地区…) or
 * there is none. Computed from the assignments, so naming a real lead (POST /api/tasks/:id/departments)
 * takes the task out of the queue with no state to keep in step.
 */
export const NEEDS_ASSIGNMENT = `(t.status NOT IN ('done', 'terminated') AND NOT EXISTS (
  SELECT 1 FROM task_assignments na JOIN departments nd ON nd.id = na.department_id
   WHERE na.task_id = t.id AND na.role = 'lead' AND NOT nd.collective))`;

/** The summary columns (besides id), shared by the detail query and the list's outer query. */
export const SUMMARY_SELECT: readonly (readonly [string, string])[] = [
  ['t.document_id', 'document_id'],
  ['d.title', 'document_title'],
  ['d.doc_number', 'document_doc_number'],
  ['t.path', 'path'],
  ['t.title', 'title'],
  ['t.status', 'status'],
  ['t.deadline::text', 'deadline'],
  ['t.deadline_text', 'deadline_text'],
  ['t.deadline_kind', 'deadline_kind'],
  ['t.original_deadline::text', 'original_deadline'],
  [overdueSql(COLUMNS), 'overdue'],
  [lightSql(COLUMNS), 'light'],
  ['t.last_report_at', 'last_report_at'],
  ['t.created_at', 'created_at'],
  ['t.completed_at', 'completed_at'],
  ['t.completed_on_time', 'completed_on_time'],
  ['t.completed_on_time_original', 'completed_on_time_original'],
  [mainLeadSql('t.id'), 'main_lead_id'],
  [AWAITING_SIGNOFF, 'awaiting_signoff'],
  ['t.assignee_id', 'assignee_id'],
  ['(SELECT au.display_name FROM users au WHERE au.id = t.assignee_id)', 'assignee_name'],
  ['t.version', 'version'],
];

/** The summary columns (with id) as SQL, timing parameters still named. */
export const SUMMARY_COLUMNS = SUMMARY_SELECT.map(
  ([expression, alias]) => `${expression} AS "${alias}"`,
).join(', ');

/** Binds the named timing parameters to positions first, first + 1 and first + 2 (now, yellow, stale). */
export function withTimingAt(sql: string, first: number): string {
  return sql.replace(/:timing(Now|YellowDays|StaleDays)\b/g, (_m, name: string) =>
    name === 'Now' ? `$${first}` : name === 'YellowDays' ? `$${first + 1}` : `$${first + 2}`,
  );
}

/** The summary columns with the timing parameters first ($1-$3), as a department's page binds them. */
export const SUMMARY_COLUMNS_TIMING_FIRST = withTimingAt(SUMMARY_COLUMNS, 1);
