import type { EntityManager } from 'typeorm';

/**
 * How many policy documents are imported: `setup` imports the corpus only into an empty database.
 * Reads the documents feature's table (no documents repository offers the count yet).
 */
export async function documentCount(db: Pick<EntityManager, 'query'>): Promise<number> {
  const [row] = await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM policy_documents`);
  return row?.n ?? 0;
}
