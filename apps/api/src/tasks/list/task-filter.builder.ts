import type { TaskListQueryDto } from '@duban/domain';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../../auth/auth.decorators';
import { mainLeadSql } from '../main-lead.queries';
import { lightSql, overdueSql, type TimingParameters } from '../task-timing.sql';
import { AWAITING_SIGNOFF, COLUMNS, NEEDS_ASSIGNMENT, SUMMARY_SELECT } from './list-columns.sql';
import type { SortKey } from './list-order';

/**
 * The query builders every list plan and the detail start from. Officer scoping is part of the WHERE
 * clause (the caller's department's assignments), never a filter applied after fetching.
 */

/** The summary columns, with overdue/light bound to `timing`. */
export function baseQuery(dataSource: DataSource, timing: TimingParameters): SelectQueryBuilder<object> {
  const qb = dataSource
    .createQueryBuilder()
    .from('tasks', 't')
    .innerJoin('policy_documents', 'd', 'd.id = t.document_id')
    .select('t.id', 'id');
  for (const [expression, alias] of SUMMARY_SELECT) qb.addSelect(expression, alias);
  return qb.setParameters({ ...timing });
}

/** Only what filtering and sorting need: the wide summary columns are computed for the page only. */
export function narrowQuery(
  dataSource: DataSource,
  order: SortKey[],
  timing: TimingParameters,
): SelectQueryBuilder<object> {
  const qb = dataSource.createQueryBuilder().from('tasks', 't').select('t.id', 'id');
  for (const key of order) if (key.alias !== 'id') qb.addSelect(key.inner, key.alias);
  return qb.setParameters({ ...timing });
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Adds the list's filters and the caller's scope to `qb` (tasks as t). */
export function filtered(
  query: TaskListQueryDto,
  user: AuthUser,
  qb: SelectQueryBuilder<object>,
): SelectQueryBuilder<object> {
  qb.where('TRUE');
  if (user.role === 'officer') {
    // An officer without a department sees nothing (the users table forbids it, but be explicit).
    const ownRole = query.role && !query.department ? ' AND oa.role = :ownRole' : '';
    // The status copy on the assignment row narrows the probes to the matching tasks.
    const ownStatus = query.status ? ' AND oa.task_status = :status' : '';
    // ANY(ARRAY(subquery)) rather than EXISTS: the planner then probes tasks by primary key for the
    // department's ~1k assignments instead of hashing every task of the status (2-3x faster at 100k).
    qb.andWhere(
      `t.id = ANY(ARRAY(SELECT oa.task_id FROM task_assignments oa WHERE oa.department_id = :ownDepartment${ownRole}${ownStatus}))`,
      {
        ownDepartment: user.departmentId ?? '00000000-0000-0000-0000-000000000000',
        ownRole: query.role,
        status: query.status,
      },
    );
  }
  if (query.department) {
    const role = query.role ? ' AND fa.role = :filterRole' : '';
    const status = query.status ? ' AND fa.task_status = :status' : '';
    qb.andWhere(
      `t.id = ANY(ARRAY(SELECT fa.task_id FROM task_assignments fa WHERE fa.department_id = :filterDepartment${role}${status}))`,
      { filterDepartment: query.department, filterRole: query.role, status: query.status },
    );
  }
  if (query.status) qb.andWhere('t.status = :status', { status: query.status });
  if (query.overdue !== undefined)
    qb.andWhere(query.overdue ? overdueSql(COLUMNS) : `NOT ${overdueSql(COLUMNS)}`);
  if (query.light) qb.andWhere(`${lightSql(COLUMNS)} = :light`, { light: query.light });
  if (query.dueBefore) qb.andWhere('t.deadline <= :dueBefore', { dueBefore: query.dueBefore });
  if (query.dueAfter) qb.andWhere('t.deadline >= :dueAfter', { dueAfter: query.dueAfter });
  if (query.document) qb.andWhere('t.document_id = :document', { document: query.document });
  if (query.needsAssignment !== undefined) {
    qb.andWhere(query.needsAssignment ? NEEDS_ASSIGNMENT : `NOT ${NEEDS_ASSIGNMENT}`);
  }
  if (query.mine) qb.andWhere('t.assignee_id = :me', { me: user.id });
  if (query.awaitingSignoff) {
    qb.andWhere(AWAITING_SIGNOFF);
    // An officer's 待签收 are the tasks its own department must sign as 主办.
    if (user.role === 'officer') qb.andWhere(`${mainLeadSql('t.id')} = :ownDepartment`);
  }
  const q = query.q?.trim();
  if (q) {
    qb.andWhere(`(t.title ILIKE :q OR t.text ILIKE :q OR t.measure_key = :qExact)`, {
      q: `%${escapeLike(q)}%`,
      qExact: q,
    });
  }
  return qb;
}
