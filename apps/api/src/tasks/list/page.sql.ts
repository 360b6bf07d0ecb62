import { ASSIGNMENTS_JSON, SUMMARY_COLUMNS, withTimingAt } from './list-columns.sql';
import { orderByTerms, type SortKey } from './list-order';
import type { PageRequest, PageStatement } from './page-request';

/** The page's rows with their summary columns and departments, in the narrow page's order. */
export function pageSql(innerSql: string, order: SortKey[], windowed: boolean, columns: string): string {
  const orderBy = orderByTerms(order, (key) => `p."${key.alias}"`);
  return `SELECT t.id AS id, ${columns}, ${windowed ? 'p.total_count' : 'NULL AS total_count'},
                ${ASSIGNMENTS_JSON} AS assignments
           FROM (${innerSql}) p
           JOIN tasks t ON t.id = p.id
           JOIN policy_documents d ON d.id = t.document_id
          ORDER BY ${orderBy}`;
}

/** Wraps a narrow page (filtered on the tasks table) in the summary columns, timing bound after its parameters. */
export function generalPageStatement(
  [innerSql, innerParameters]: [string, unknown[]],
  { order, timing }: PageRequest,
  windowed: boolean,
): PageStatement {
  const n = innerParameters.length;
  return {
    sql: pageSql(innerSql, order, windowed, withTimingAt(SUMMARY_COLUMNS, n + 1)),
    parameters: [...innerParameters, timing.timingNow, timing.timingYellowDays, timing.timingStaleDays],
  };
}
