import type { EntityManager } from 'typeorm';

/** A connection or a transaction's manager: both run statements. */
export type SqlRunner = Pick<EntityManager, 'query'>;

/**
 * Rows affected by a raw `query()`: TypeORM's Postgres driver returns `[rows, rowCount]` for
 * UPDATE/DELETE and the rows themselves for INSERT/SELECT.
 */
export function affectedRows(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && typeof result[1] === 'number') return result[1];
  return Array.isArray(result) ? result.length : 0;
}
