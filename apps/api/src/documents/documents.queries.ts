import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { titleKey } from '../imports/import-identity';
import { PolicyDocumentEntity } from './policy-document.entity';

/**
 * The SQL of `policy_documents`, the documents feature's table: the import's set-based writes and lookups,
 * the 督查室's entered sources, the list and the export's file-name lookup. Other features call these, never
 * the table. Covered by tests/integration/imports (import, preview), tasks (立项 sources), export and documents.
 */

/** Rows per INSERT statement (one jsonb parameter each; keeps statements a few MB at most). */
const CHUNK = 1000;

/** A new imported document (source_kind is the table's default, 'policy_document'). */
export interface DocumentInsertRow {
  id: string;
  doc_number: string | null;
  title: string;
  title_key: string;
  issuer: string | null;
  date: string | null;
  source_file: string;
  source_checksum: string;
  start_line: number;
  end_line: number;
}

/** What the import matches an extracted document against. */
export type DocumentCandidateRow = Pick<
  DocumentInsertRow,
  'id' | 'doc_number' | 'title' | 'title_key' | 'source_file'
>;

export async function insertDocumentRows(
  manager: EntityManager,
  rows: readonly DocumentInsertRow[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await manager.query(
      `INSERT INTO policy_documents (id, doc_number, title, title_key, issuer, date, source_file, source_checksum,
                                     start_line, end_line)
       SELECT id, doc_number, title, title_key, issuer, date, source_file, source_checksum, start_line, end_line
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, doc_number text, title text, title_key text, issuer text,
              date date, source_file text, source_checksum text, start_line int, end_line int)`,
      [JSON.stringify(rows.slice(i, i + CHUNK))],
    );
  }
}

/** Stored documents with one of these 文号 or title keys, oldest first (one query for a whole file). */
export function documentCandidates(
  manager: EntityManager,
  docNumbers: readonly string[],
  titleKeys: readonly string[],
): Promise<DocumentCandidateRow[]> {
  return manager.query<DocumentCandidateRow[]>(
    `SELECT id, doc_number, title, title_key, source_file FROM policy_documents
      WHERE doc_number = ANY($1::text[]) OR title_key = ANY($2::text[])
      ORDER BY created_at, id`,
    [docNumbers, titleKeys],
  );
}

/** A stored document without tasks whose source becomes another file (its copy there has the measures). */
export async function adoptDocumentSource(
  manager: EntityManager,
  id: string,
  source: { file: string; checksum: string; startLine: number; endLine: number },
): Promise<void> {
  await manager.query(
    `UPDATE policy_documents SET source_file = $2, source_checksum = $3, start_line = $4, end_line = $5,
            updated_at = now() WHERE id = $1`,
    [id, source.file, source.checksum, source.startLine, source.endLine],
  );
}

/**
 * The stored documents matching many extracted ones in two queries (a preview of a large file names
 * hundreds): by 文号 first, else the oldest document with the same title key and a compatible 文号.
 */
export async function findDocuments(
  manager: EntityManager,
  docs: readonly { docNumber: string | null; title: string }[],
): Promise<(PolicyDocumentEntity | null)[]> {
  const repo = manager.getRepository(PolicyDocumentEntity);
  const numbers = [...new Set(docs.flatMap((d) => (d.docNumber ? [d.docNumber] : [])))];
  const keys = [...new Set(docs.map((d) => titleKey(d.title)))];
  const [byNumber, byTitle] = await Promise.all([
    numbers.length ? repo.find({ where: { docNumber: In(numbers) } }) : [],
    keys.length ? repo.find({ where: { titleKey: In(keys) }, order: { createdAt: 'ASC' } }) : [],
  ]);
  const numbered = new Map(byNumber.map((d) => [d.docNumber, d]));
  const titled = new Map<string, PolicyDocumentEntity[]>();
  for (const d of byTitle) titled.set(d.titleKey, [...(titled.get(d.titleKey) ?? []), d]);
  return docs.map((doc) => {
    const exact = doc.docNumber ? numbered.get(doc.docNumber) : undefined;
    if (exact) return exact;
    const candidates = titled.get(titleKey(doc.title)) ?? [];
    return (
      candidates.find(
        (d) => d.docNumber === null || doc.docNumber === null || d.docNumber === doc.docNumber,
      ) ?? null
    );
  });
}

/** An entered source's row: by its reference (文号 / 批示号) when given, else by kind and title key. */
export async function findSourceId(
  manager: EntityManager,
  reference: string | null,
  key: string,
  kind: string,
): Promise<string | null> {
  const found = await manager.query<{ id: string }[]>(
    reference
      ? `SELECT id FROM policy_documents WHERE doc_number = $1 LIMIT 1`
      : `SELECT id FROM policy_documents WHERE doc_number IS NULL AND title_key = $1 AND source_kind = $2
          ORDER BY created_at, id LIMIT 1`,
    reference ? [reference] : [key, kind],
  );
  return found[0]?.id ?? null;
}

/** Inserts an entered source (a concurrent insert of the same reference answers that row's id). */
export async function insertSource(
  manager: EntityManager,
  source: {
    reference: string | null;
    title: string;
    key: string;
    date: string | null;
    enteredVia: string;
    checksum: string;
    kind: string;
  },
): Promise<string> {
  const [row] = await manager.query<{ id: string }[]>(
    `INSERT INTO policy_documents (doc_number, title, title_key, issuer, date, source_file, source_checksum,
                                   start_line, end_line, source_kind)
     VALUES ($1, $2, $3, NULL, $4, $5, $6, 0, 0, $7)
     ON CONFLICT (doc_number) WHERE doc_number IS NOT NULL DO UPDATE SET doc_number = EXCLUDED.doc_number
     RETURNING id`,
    [
      source.reference,
      source.title,
      source.key,
      source.date,
      source.enteredVia,
      source.checksum,
      source.kind,
    ],
  );
  return row.id;
}

export interface DocumentListRow {
  id: string;
  doc_number: string | null;
  title: string;
  issuer: string | null;
  date: string | null;
  source_file: string;
  task_count: number;
}

/**
 * Every document with its task count, newest first; scoped to a department (an officer's), only those with
 * tasks of it — none for a department of null.
 */
export function listDocumentRows(
  manager: EntityManager,
  scope: { departmentId: string | null } | null,
): Promise<DocumentListRow[]> {
  return manager.query<DocumentListRow[]>(
    scope
      ? `SELECT d.id, d.doc_number, d.title, d.issuer, to_char(d.date, 'YYYY-MM-DD') AS date, d.source_file,
                count(DISTINCT t.id)::int AS task_count
           FROM policy_documents d
           JOIN tasks t ON t.document_id = d.id
           JOIN task_assignments a ON a.task_id = t.id AND a.department_id = $1
          GROUP BY d.id
          ORDER BY d.date DESC NULLS LAST, d.title`
      : `SELECT d.id, d.doc_number, d.title, d.issuer, to_char(d.date, 'YYYY-MM-DD') AS date, d.source_file,
                (SELECT count(*)::int FROM tasks t WHERE t.document_id = d.id) AS task_count
           FROM policy_documents d
          ORDER BY d.date DESC NULLS LAST, d.title`,
    scope ? [scope.departmentId] : [],
  );
}

/** A document's title (the export names its file after the filter), or null. */
export async function documentTitle(manager: EntityManager, id: string): Promise<string | null> {
  const [row] = await manager.query<{ title: string }[]>(`SELECT title FROM policy_documents WHERE id = $1`, [
    id,
  ]);
  return row?.title ?? null;
}
