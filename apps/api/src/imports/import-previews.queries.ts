import type { DataSource, EntityManager } from 'typeorm';

/**
 * Claims an uncommitted preview for its commit (sets `committed_at`), so two concurrent commits cannot both
 * run it. Returns false when it was already committed (or claimed a moment ago).
 */
export async function claimImportPreview(db: DataSource | EntityManager, id: string): Promise<boolean> {
  const claimed = await db.query<unknown[]>(
    `UPDATE import_previews SET committed_at = now() WHERE id = $1 AND committed_at IS NULL RETURNING id`,
    [id],
  );
  return claimed.length > 0;
}
