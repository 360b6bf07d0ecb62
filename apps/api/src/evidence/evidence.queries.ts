import type { EvidenceDto } from '@duban/domain';
import type { EntityManager } from 'typeorm';

/** A connection or a transaction's manager: both run statements. */
type Runner = Pick<EntityManager, 'query'>;

/** The SQL on `evidence_files`: the feature's own writes and the task detail's list of files. */

/** A task's evidence files, oldest first, with the uploading department and user. */
export async function evidenceForTask(db: Runner, taskId: string): Promise<EvidenceDto[]> {
  const rows = await db.query<
    {
      id: string;
      file_name: string;
      mime_type: string;
      size: string;
      sha256: string;
      department_id: string | null;
      department_name: string | null;
      uploaded_by: string;
      created_at: Date;
    }[]
  >(
    `SELECT e.id, e.file_name, e.mime_type, e.size, e.sha256, e.department_id, d.name AS department_name,
            u.display_name AS uploaded_by, e.created_at
       FROM evidence_files e
       LEFT JOIN departments d ON d.id = e.department_id
       JOIN users u ON u.id = e.uploaded_by_id
      WHERE e.task_id = $1 ORDER BY e.created_at, e.id`,
    [taskId],
  );
  return rows.map((row) => ({
    id: row.id,
    fileName: row.file_name,
    mimeType: row.mime_type,
    size: Number(row.size),
    sha256: row.sha256,
    department: row.department_id ? { id: row.department_id, name: row.department_name ?? '' } : null,
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at.toISOString(),
  }));
}

export async function deleteEvidence(db: Runner, evidenceId: string): Promise<void> {
  await db.query(`DELETE FROM evidence_files WHERE id = $1`, [evidenceId]);
}

/** Bytes stored for the task and for the department (each over all its files). */
export async function evidenceUsage(
  db: Runner,
  taskId: string,
  departmentId: string | null,
): Promise<{ task: number; department: number }> {
  const [usage] = await db.query<{ task: string; department: string }[]>(
    `SELECT coalesce(sum(size) FILTER (WHERE task_id = $1), 0)::text AS task,
            coalesce(sum(size) FILTER (WHERE department_id = $2), 0)::text AS department
       FROM evidence_files WHERE task_id = $1 OR department_id = $2`,
    [taskId, departmentId],
  );
  return { task: Number(usage?.task ?? 0), department: Number(usage?.department ?? 0) };
}

export interface NewEvidenceRow {
  taskId: string;
  departmentId: string | null;
  uploadedById: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  storageKey: string;
}

export async function insertEvidence(
  db: Runner,
  file: NewEvidenceRow,
): Promise<{ id: string; created_at: Date }> {
  const [row] = await db.query<{ id: string; created_at: Date }[]>(
    `INSERT INTO evidence_files (task_id, department_id, uploaded_by_id, file_name, mime_type, size, sha256, storage_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id, created_at`,
    [
      file.taskId,
      file.departmentId,
      file.uploadedById,
      file.fileName,
      file.mimeType,
      file.size,
      file.sha256,
      file.storageKey,
    ],
  );
  return row;
}

export async function departmentRef(
  db: Runner,
  departmentId: string,
): Promise<{ id: string; name: string } | null> {
  const rows = await db.query<{ id: string; name: string }[]>(
    `SELECT id, name FROM departments WHERE id = $1`,
    [departmentId],
  );
  return rows[0] ?? null;
}

/** How many evidence rows refer to the stored content `key` (content is shared by hash). */
export async function storageKeyReferences(db: Runner, key: string): Promise<number> {
  const [{ n }] = await db.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM evidence_files WHERE storage_key = $1`,
    [key],
  );
  return n;
}

/** Files on the task uploaded by one of its lead departments (a participant's alone do not complete it). */
export async function leadEvidenceCount(db: Runner, taskId: string): Promise<number> {
  const [{ n }] = await db.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM evidence_files e
      WHERE e.task_id = $1
        AND EXISTS (SELECT 1 FROM task_assignments a
                     WHERE a.task_id = e.task_id AND a.department_id = e.department_id AND a.role = 'lead')`,
    [taskId],
  );
  return n;
}

/** A merged unit's evidence files follow it to its successor (the 牵头 evidence rule reads them by unit). */
export async function moveEvidenceToDepartment(db: Runner, sourceId: string, intoId: string): Promise<void> {
  await db.query(`UPDATE evidence_files SET department_id = $2 WHERE department_id = $1`, [sourceId, intoId]);
}
