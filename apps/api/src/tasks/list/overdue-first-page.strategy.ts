import type { DataSource } from 'typeorm';
import { overdueSql } from '../task-timing.sql';
import { COLUMNS } from './list-columns.sql';
import { orderByTerms } from './list-order';
import type { PageRequest, PageStatement } from './page-request';
import { generalPageStatement } from './page.sql';
import { filtered, narrowQuery } from './task-filter.builder';

/**
 * The default order (overdue first, then deadline) for unscoped lists, without sorting every task
 * by the overdue expression (a full scan and sort: ~40 ms at 100k tasks). Overdue and other rows are
 * read as two branches, each walking the deadline index in order and stopping after page × size
 * rows; only those are merged and cut (~1 ms for the first page). Not windowed: counted apart.
 */
export function overdueFirstPageStatement(dataSource: DataSource, request: PageRequest): PageStatement {
  const { query, user, order, timing, page, pageSize } = request;
  const reach = page * pageSize;
  // An overdue filter leaves one branch (and filtered() already applies it).
  const branches = query.overdue === undefined ? [true, false] : [query.overdue];
  const parameters: Record<string, unknown> = {};
  const parts = branches.map((overdue) => {
    const qb = filtered(query, user, narrowQuery(dataSource, order, timing));
    if (query.overdue === undefined) {
      qb.andWhere(overdue ? overdueSql(COLUMNS) : `NOT ${overdueSql(COLUMNS)}`);
    }
    qb.orderBy('t.deadline', 'ASC', 'NULLS LAST').addOrderBy('t.id', 'ASC').limit(reach);
    Object.assign(parameters, qb.getParameters());
    return `(${qb.getQuery()})`;
  });
  const orderBy = orderByTerms(order, (key) => `u."${key.alias}"`);
  const inner = dataSource.driver.escapeQueryWithParameters(
    `SELECT u.* FROM (${parts.join(' UNION ALL ')}) u ORDER BY ${orderBy} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    parameters,
  ) as [string, unknown[]];
  return generalPageStatement(inner, request, false);
}
