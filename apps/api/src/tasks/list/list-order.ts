import type { SelectQueryBuilder } from 'typeorm';
import { overdueSql } from '../task-timing.sql';
import { ASSIGNMENT_COLUMNS, COLUMNS } from './list-columns.sql';

export interface SortKey {
  /** Expression inside the filtered query (alias t). */
  inner: string;
  /** The same over a department's assignment rows (alias oa), when their copies suffice. */
  onAssignment?: string;
  /** Its column name in the narrow page subquery (alias p). */
  alias: string;
  direction: 'ASC' | 'DESC';
  nulls?: 'NULLS FIRST' | 'NULLS LAST';
}

/** `sort` keys of the list; each maps to SQL. Ties are broken by id, so paging is stable. */
const SORT_KEYS: Record<string, { inner: string; alias: string; onAssignment?: string }> = {
  deadline: { inner: 't.deadline', alias: 'k_deadline', onAssignment: 'oa.task_deadline' },
  status: { inner: 't.status', alias: 'k_status', onAssignment: 'oa.task_status' },
  title: { inner: 't.title', alias: 'k_title' },
  createdAt: { inner: 't.created_at', alias: 'k_created_at' },
  lastReportAt: { inner: 't.last_report_at', alias: 'k_last_report_at' },
};

/** Default: overdue first, then deadline ascending with undated tasks last. */
export function sortSpec(sort: string | undefined): SortKey[] {
  const tie: SortKey = { inner: 't.id', onAssignment: 'oa.task_id', alias: 'id', direction: 'ASC' };
  if (!sort) {
    return [
      {
        inner: overdueSql(COLUMNS),
        onAssignment: overdueSql(ASSIGNMENT_COLUMNS),
        alias: 'k_overdue',
        direction: 'DESC',
      },
      {
        inner: 't.deadline',
        onAssignment: 'oa.task_deadline',
        alias: 'k_deadline',
        direction: 'ASC',
        nulls: 'NULLS LAST',
      },
      tie,
    ];
  }
  const descending = sort.startsWith('-');
  const key = SORT_KEYS[descending ? sort.slice(1) : sort] ?? SORT_KEYS['deadline'];
  return [{ ...key, direction: descending ? 'DESC' : 'ASC', nulls: 'NULLS LAST' }, tie];
}

/** `ORDER BY` terms for the keys, each key's column or expression given by `column`. */
export function orderByTerms<K extends SortKey>(order: K[], column: (key: K) => string): string {
  return order.map((key) => `${column(key)} ${key.direction}${key.nulls ? ` ${key.nulls}` : ''}`).join(', ');
}

/** Orders the query by the keys (inner expressions). */
export function sorted(qb: SelectQueryBuilder<object>, order: SortKey[]): SelectQueryBuilder<object> {
  for (const [index, key] of order.entries()) {
    if (index === 0) qb.orderBy(key.inner, key.direction, key.nulls);
    else qb.addOrderBy(key.inner, key.direction, key.nulls);
  }
  return qb;
}

export function assignmentExpression(key: SortKey): string {
  if (key.onAssignment === undefined) throw new Error(`sort key ${key.alias} has no assignment column`);
  return key.onAssignment;
}
