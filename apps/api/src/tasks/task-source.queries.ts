import type { TaskSourceKind } from '@duban/domain';
import type { EntityManager } from 'typeorm';

/** A connection or a transaction's manager: both run statements. */
type Runner = Pick<EntityManager, 'query'>;

export interface TaskSourceRow {
  kind: TaskSourceKind;
  title: string;
  reference: string | null;
  date: string | null;
}

/**
 * A task's source (its `policy_documents` row, which always exists: a foreign key) as the 立项 input
 * names one, for a split's parts. The documents feature owns the table; this read is the workflow's
 * until it offers one.
 */
export async function sourceOfDocument(db: Runner, documentId: string): Promise<TaskSourceRow> {
  const [source] = await db.query<TaskSourceRow[]>(
    `SELECT source_kind AS kind, title, doc_number AS reference, to_char(date, 'YYYY-MM-DD') AS date
       FROM policy_documents WHERE id = $1`,
    [documentId],
  );
  return source;
}
