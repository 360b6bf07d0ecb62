import type { UserRefDto } from '@duban/domain';
import type { EntityManager } from 'typeorm';

/** A connection or a transaction's manager: both run statements. */
type Runner = Pick<EntityManager, 'query'>;

/**
 * What the task workflow reads of users and departments (names, officers, existence). The users and
 * departments features own those tables; until they offer these reads, the workflow's are kept here, in
 * one place, instead of inline in its services.
 */

/** The user's display name, when the user exists. */
export async function displayNameOf(db: Runner, userId: string): Promise<string | undefined> {
  const rows = await db.query<{ display_name: string }[]>(`SELECT display_name FROM users WHERE id = $1`, [
    userId,
  ]);
  return rows[0]?.display_name;
}

/** A department's active officers (candidates for 承办人), by name. */
export function activeOfficersOf(db: Runner, departmentId: string | null): Promise<UserRefDto[]> {
  return db.query<UserRefDto[]>(
    `SELECT id, display_name AS name FROM users
      WHERE active AND role = 'officer' AND department_id = $1 ORDER BY display_name, id`,
    [departmentId],
  );
}

/** The user as a reference when it is an active officer of `departmentId` (any user when null). */
export async function officerRef(
  db: Runner,
  userId: string,
  departmentId: string | null,
): Promise<UserRefDto | null> {
  const [row] = await db.query<UserRefDto[]>(
    `SELECT id, display_name AS name FROM users
      WHERE id = $1 AND ($2::uuid IS NULL OR (active AND role = 'officer' AND department_id = $2::uuid))`,
    [userId, departmentId],
  );
  return row ?? null;
}

/** Which of `ids` are departments. */
export async function existingDepartmentIds(db: Runner, ids: readonly string[]): Promise<Set<string>> {
  const rows = await db.query<{ id: string }[]>(
    `SELECT id::text AS id FROM departments WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Set(rows.map((r) => r.id));
}

/** Department names by id (unknown ids are absent). */
export async function departmentNames(db: Runner, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ id: string; name: string }[]>(
    `SELECT id::text AS id, name FROM departments WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}
