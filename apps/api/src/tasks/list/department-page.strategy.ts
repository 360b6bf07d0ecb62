import { overdueSql } from '../task-timing.sql';
import { ASSIGNMENT_COLUMNS, SUMMARY_COLUMNS_TIMING_FIRST, withTimingAt } from './list-columns.sql';
import { assignmentExpression, orderByTerms } from './list-order';
import type { DepartmentScope, PageRequest, PageStatement } from './page-request';
import { pageSql } from './page.sql';

/**
 * One department's page (an officer's own list, or anyone's list filtered to one department) from its
 * assignment rows alone: filtered, ordered and counted on the rows' copies of status and deadline in
 * one index range, where the general query probes each of the department's tasks (~1k). Every value
 * is a parameter (timing first, limit and offset last), so the text depends only on which filters
 * and which order are used: it runs as a prepared statement. Always windowed (total in each row).
 */
export function departmentPageStatement(
  { query, order, timing, page, pageSize }: PageRequest,
  department: DepartmentScope,
): PageStatement {
  const values: unknown[] = [timing.timingNow, timing.timingYellowDays, timing.timingStaleDays];
  const bind = (value: unknown): string => `$${values.push(value)}`;
  const overdue = withTimingAt(overdueSql(ASSIGNMENT_COLUMNS), 1);
  const where = [`oa.department_id = ${bind(department.id)}`];
  if (department.role) where.push(`oa.role = ${bind(department.role)}`);
  if (query.status) where.push(`oa.task_status = ${bind(query.status)}`);
  if (query.overdue !== undefined) where.push(query.overdue ? overdue : `NOT ${overdue}`);
  if (query.dueBefore) where.push(`oa.task_deadline <= ${bind(query.dueBefore)}`);
  if (query.dueAfter) where.push(`oa.task_deadline >= ${bind(query.dueAfter)}`);
  const keys = order.map((key) => ({ ...key, expression: withTimingAt(assignmentExpression(key), 1) }));
  const selected = keys
    .filter((key) => key.alias !== 'id')
    .map((key) => `${key.expression} AS "${key.alias}"`)
    .join(', ');
  const orderBy = orderByTerms(keys, (key) => key.expression);
  const inner = `SELECT oa.task_id AS id, ${selected}, count(*) OVER ()::int AS total_count
      FROM task_assignments oa
     WHERE ${where.join(' AND ')}
     ORDER BY ${orderBy}
     LIMIT ${bind(pageSize)} OFFSET ${bind((page - 1) * pageSize)}`;
  return { sql: pageSql(inner, order, true, SUMMARY_COLUMNS_TIMING_FIRST), parameters: values };
}
