import type { EntityManager } from 'typeorm';
import type { LedgerExtras } from './task-ledger.workbook';

/**
 * What the 督办台账 adds to the list's rows: each task's latest progress report and its extension
 * requests (read-only, by task ids already scoped by the list query). Covered by
 * tests/integration/export/task-ledger-export.spec.ts.
 */
export async function ledgerExtras(
  manager: EntityManager,
  taskIds: readonly string[],
): Promise<Map<string, LedgerExtras>> {
  const rows = await manager.query<({ id: string } & LedgerExtras)[]>(
    `SELECT t.id,
            (SELECT json_build_object('at', r.created_at, 'text', r.text) FROM progress_reports r
              WHERE r.task_id = t.id ORDER BY r.created_at DESC LIMIT 1) AS "latestProgress",
            (SELECT coalesce(json_agg(json_build_object('requestedAt', e.created_at, 'from', e.current_deadline::text,
                                                        'to', e.requested_deadline::text, 'status', e.status)
                                      ORDER BY e.created_at), '[]'::json)
               FROM extension_requests e WHERE e.task_id = t.id) AS extensions
       FROM unnest($1::uuid[]) AS t(id)`,
    [taskIds],
  );
  return new Map(rows.map(({ id, ...rest }) => [id, rest]));
}
