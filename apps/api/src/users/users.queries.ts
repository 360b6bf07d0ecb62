import type { UserRole } from '@duban/domain';
import type { EntityManager } from 'typeorm';

/**
 * The SQL over the `users` table that the entity repository cannot say as well. Every function runs on
 * the caller's manager (inside its transaction when it has one); other features call these, never the SQL.
 */
type Sql = Pick<EntityManager, 'query'>;

/** An account's display name (undefined for an unknown id). */
export async function displayNameOf(manager: Sql, userId: string): Promise<string | undefined> {
  const [row] = await manager.query<{ display_name: string }[]>(
    `SELECT display_name FROM users WHERE id = $1`,
    [userId],
  );
  return row?.display_name;
}

export async function countDepartmentUsers(manager: Sql, departmentId: string): Promise<number> {
  const [row] = await manager.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM users WHERE department_id = $1`,
    [departmentId],
  );
  return row?.n ?? 0;
}

/** Moves every account of one department to another (a merge); returns the moved accounts' ids. */
export async function moveDepartmentUsers(manager: Sql, fromId: string, intoId: string): Promise<string[]> {
  // An UPDATE … RETURNING answers [rows, affected] through TypeORM's postgres driver.
  const [moved] = await manager.query<[{ id: string }[], number]>(
    `UPDATE users SET department_id = $2, updated_at = now() WHERE department_id = $1 RETURNING id::text AS id`,
    [fromId, intoId],
  );
  return moved.map((u) => u.id);
}

export async function allUsernames(manager: Sql): Promise<string[]> {
  const rows = await manager.query<{ username: string }[]>(`SELECT username FROM users`);
  return rows.map((r) => r.username);
}

export interface UserListRow {
  id: string;
  username: string;
  display_name: string;
  role: UserRole;
  email: string | null;
  phone: string | null;
  is_head: boolean;
  active: boolean;
  must_change_password: boolean;
  department_id: string | null;
  department_name: string | null;
  total_count: number;
}

/** `%q%` for ILIKE, with the pattern's own characters escaped. */
const likePattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const SEARCH = `u.username ILIKE $1 OR u.display_name ILIKE $1 OR d.name ILIKE $1 OR u.email ILIKE $1 OR u.phone ILIKE $1`;

/**
 * One page of accounts for the admin screen (admins and supervisors first, then by department and
 * username), each row with the total count; `q` matches username, name, department, e-mail or phone.
 */
export function userPage(
  manager: Sql,
  q: string | undefined,
  limit: number,
  offset: number,
): Promise<UserListRow[]> {
  const where = q ? `WHERE ${SEARCH.replaceAll('$1', '$3')}` : '';
  return manager.query<UserListRow[]>(
    `SELECT u.id, u.username, u.display_name, u.role, u.email, u.phone, u.is_head, u.active, u.must_change_password,
            d.id AS department_id, d.name AS department_name, count(*) OVER ()::int AS total_count
       FROM users u LEFT JOIN departments d ON d.id = u.department_id
      ${where}
      ORDER BY CASE u.role WHEN 'admin' THEN 0 WHEN 'supervisor' THEN 1 ELSE 2 END,
               d.name NULLS FIRST, u.username
      LIMIT $1 OFFSET $2`,
    q ? [limit, offset, likePattern(q)] : [limit, offset],
  );
}

/** How many accounts `userPage` would find over all pages (for a page past the end). */
export async function userCount(manager: Sql, q: string | undefined): Promise<number> {
  const [row] = await manager.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM users u LEFT JOIN departments d ON d.id = u.department_id ${q ? `WHERE ${SEARCH}` : ''}`,
    q ? [likePattern(q)] : [],
  );
  return row?.n ?? 0;
}
