import type { EntityManager } from 'typeorm';

/**
 * Claims a 台账 preview for its commit, inside the commit's transaction: a failed commit rolls the claim back
 * and leaves the preview committable again. False when it was already committed (or does not exist).
 * Covered by tests/integration/tasks/intake.spec.ts.
 */
export async function claimIntakePreview(manager: EntityManager, id: string): Promise<boolean> {
  const claimed = await manager.query<unknown[]>(
    `UPDATE intake_previews SET committed_at = now() WHERE id = $1 AND committed_at IS NULL RETURNING id`,
    [id],
  );
  return claimed.length > 0;
}
