import type { EntityManager } from 'typeorm';

/**
 * Serialises imports with each other and with changes of the department directory, which an import reads
 * once per file (`lockDirectory` in departments/department-admin.service.ts takes the same key). Held to the
 * end of the caller's transaction.
 */
export async function lockImports(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('duban:import'))`);
}
