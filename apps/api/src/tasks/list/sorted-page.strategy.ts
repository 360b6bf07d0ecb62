import type { DataSource } from 'typeorm';
import { sorted } from './list-order';
import type { PageRequest, PageStatement } from './page-request';
import { generalPageStatement } from './page.sql';
import { filtered, narrowQuery } from './task-filter.builder';

/**
 * Any list on the tasks table: filter, sort everything that matches, cut the page. Windowed (the total
 * as a window count in each row) for officers' lists, a department's few hundred tasks at most.
 */
export function sortedPageStatement(
  dataSource: DataSource,
  request: PageRequest,
  windowed: boolean,
): PageStatement {
  const { query, user, order, timing, page, pageSize } = request;
  const inner = filtered(query, user, narrowQuery(dataSource, order, timing));
  if (windowed) inner.addSelect('count(*) OVER ()::int', 'total_count');
  sorted(inner, order)
    .offset((page - 1) * pageSize)
    .limit(pageSize);
  return generalPageStatement(inner.getQueryAndParameters() as [string, unknown[]], request, windowed);
}
