import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '../notifications/event-recipients';

/** A connection or a transaction's manager: both run statements. */
type SqlRunner = Pick<EntityManager, 'query'>;

/** The PostgreSQL NOTIFY channel the worker listens on; a notification is delivered when its transaction commits. */
export const TASK_EVENTS_CHANNEL = 'duban_task_events';

/**
 * Inserts outbox rows and NOTIFYs in one statement (PostgreSQL folds identical notifications of a
 * transaction into one); their ids, in order.
 */
export async function insertTaskEvents(
  db: SqlRunner,
  rows: readonly { task_id: string; kind: string; payload: Record<string, unknown>; actor: unknown }[],
): Promise<string[]> {
  const [result] = await db.query<{ ids: string[] }[]>(
    `WITH e AS (
       INSERT INTO task_events (task_id, kind, payload, actor)
       SELECT task_id, kind, payload, actor
         FROM jsonb_to_recordset($1::jsonb) AS r(task_id uuid, kind text, payload jsonb, actor jsonb)
       RETURNING id
     )
     SELECT coalesce(array_agg(e.id::text ORDER BY e.id), '{}') AS ids, pg_notify($2, '') FROM e`,
    [JSON.stringify(rows), TASK_EVENTS_CHANNEL],
  );
  return result?.ids ?? [];
}

/** Up to `limit` unprocessed events, locked (`SKIP LOCKED`: concurrent workers take disjoint batches). */
export function lockUnprocessedEvents(db: SqlRunner, limit: number): Promise<RecordedEvent[]> {
  return db.query<RecordedEvent[]>(
    `SELECT id::text AS id, task_id::text AS "taskId", kind, payload, actor
       FROM task_events WHERE processed_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit],
  );
}

export async function markEventsProcessed(db: SqlRunner, ids: readonly string[]): Promise<void> {
  // clock_timestamp(): the moment just before commit (now() would be the transaction's start).
  await db.query(`UPDATE task_events SET processed_at = clock_timestamp() WHERE id = ANY($1::bigint[])`, [
    ids,
  ]);
}

/** Deletes processed events older than `retentionDays` (a bounded batch per call); how many. */
export async function pruneProcessedEvents(db: SqlRunner, retentionDays: number): Promise<number> {
  const rows = await db.query<unknown[]>(
    `DELETE FROM task_events WHERE id IN (
       SELECT id FROM task_events WHERE processed_at < now() - make_interval(days => $1) LIMIT 10000)
     RETURNING id`,
    [retentionDays],
  );
  return rows.length;
}

/** Subscribes a dedicated node-postgres client to the outbox's channel. */
export async function listenForTaskEvents(client: { query(text: string): Promise<unknown> }): Promise<void> {
  await client.query(`LISTEN ${TASK_EVENTS_CHANNEL}`);
}
