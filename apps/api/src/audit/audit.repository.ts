import type { AuditAction, TaskStatus } from '@duban/domain';
import type { EntityManager } from 'typeorm';

/** One entry of the audit trail as written: the columns of `audit_log` a writer sets (id and `at` are the database's). */
export interface AuditRecord {
  taskId: string | null;
  documentId?: string | null;
  actor: { id: string | null; name: string } | null;
  action: AuditAction;
  fromStatus?: TaskStatus | null;
  toStatus?: TaskStatus | null;
  detail?: Record<string, unknown> | null;
}

/** Rows per INSERT of a bulk write (one jsonb parameter each; keeps statements a few MB at most). */
const CHUNK = 1000;

/**
 * The one writer of `audit_log` (append-only: there is deliberately no update or delete, and a trigger rejects
 * both). A single entry and a bulk of them (an import writes thousands) go through the same columns.
 * `at` is clock_timestamp(), not now(): several entries of one transaction keep their order — in a bulk
 * statement too, where it is evaluated row by row as the recordset is read.
 */
export async function insertAuditEntry(manager: EntityManager, record: AuditRecord): Promise<void> {
  await manager.query(
    `INSERT INTO audit_log (task_id, document_id, actor_id, actor_name, action, from_status, to_status, detail, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, clock_timestamp())`,
    [
      record.taskId,
      record.documentId ?? null,
      record.actor?.id ?? null,
      record.actor?.name ?? null,
      record.action,
      record.fromStatus ?? null,
      record.toStatus ?? null,
      record.detail ? JSON.stringify(record.detail) : null,
    ],
  );
}

/** Many entries in a few set-based statements (one jsonb recordset per CHUNK rows), in order. */
export async function insertAuditEntries(
  manager: EntityManager,
  records: readonly AuditRecord[],
): Promise<void> {
  for (let i = 0; i < records.length; i += CHUNK) {
    const rows = records.slice(i, i + CHUNK).map((r) => ({
      task_id: r.taskId,
      document_id: r.documentId ?? null,
      actor_id: r.actor?.id ?? null,
      actor_name: r.actor?.name ?? null,
      action: r.action,
      from_status: r.fromStatus ?? null,
      to_status: r.toStatus ?? null,
      detail: r.detail ?? null,
    }));
    await manager.query(
      `INSERT INTO audit_log (task_id, document_id, actor_id, actor_name, action, from_status, to_status, detail, at)
       SELECT task_id, document_id, actor_id, actor_name, action, from_status, to_status, detail, clock_timestamp()
         FROM jsonb_to_recordset($1::jsonb) AS r(task_id uuid, document_id uuid, actor_id uuid, actor_name text,
              action text, from_status text, to_status text, detail jsonb)`,
      [JSON.stringify(rows)],
    );
  }
}
