import type { DepartmentKind } from '@duban/domain';
import type { EntityManager } from 'typeorm';

/**
 * The SQL over the `departments` table (the directory of responsible units). Every function runs on the
 * caller's manager, so it joins the caller's transaction; other features call these, never the SQL.
 */
type Sql = Pick<EntityManager, 'query'>;

/** Serialises directory changes with imports, which read the directory once per file (same lock). */
export async function lockDirectory(manager: Sql): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('duban:import'))`);
}

/** A registry unit as `syncRegistry` writes it. */
export interface RegistryUnitRow {
  name: string;
  slug: string;
  aliases: string[];
  kind: DepartmentKind;
  valid_until: string | null;
}

/**
 * Upserts the registry's units. Aliases merge: names mapped at import (stored as aliases) survive a
 * registry refresh, and a unit an admin renamed keeps its registry name as an alias (not brought back).
 */
export async function upsertRegistryUnits(manager: Sql, units: readonly RegistryUnitRow[]): Promise<void> {
  await manager.query(
    `INSERT INTO departments (name, slug, aliases, kind, valid_until, created_from_import)
     SELECT name, slug, aliases, kind::department_kind, valid_until, false
       FROM jsonb_to_recordset($1::jsonb) AS r(name text, slug text, aliases text[], kind text, valid_until date)
      -- A unit an admin renamed keeps its registry name as an alias: do not bring the old name back.
      WHERE EXISTS (SELECT 1 FROM departments d WHERE d.name = r.name)
         OR NOT EXISTS (SELECT 1 FROM departments d WHERE r.name = ANY(d.aliases))
     ON CONFLICT ON CONSTRAINT "UQ_departments_name" DO UPDATE
       SET aliases = ARRAY(SELECT DISTINCT unnest(departments.aliases || EXCLUDED.aliases) ORDER BY 1),
           kind = EXCLUDED.kind, valid_until = EXCLUDED.valid_until, created_from_import = false
     WHERE departments.aliases IS DISTINCT FROM ARRAY(SELECT DISTINCT unnest(departments.aliases || EXCLUDED.aliases) ORDER BY 1)
        OR departments.kind IS DISTINCT FROM EXCLUDED.kind
        OR departments.valid_until IS DISTINCT FROM EXCLUDED.valid_until
        OR departments.created_from_import`,
    [JSON.stringify(units)],
  );
}

/** One statement for every reorganisation link: `names[i]` → the unit named `successors[i]`. */
export async function linkSuccessorsByName(
  manager: Sql,
  names: readonly string[],
  successors: readonly string[],
): Promise<void> {
  await manager.query(
    `UPDATE departments d SET successor_id = s.id
       FROM unnest($1::text[], $2::text[]) AS l(name, successor)
       JOIN departments s ON s.name = l.successor
      WHERE d.name = l.name AND d.successor_id IS DISTINCT FROM s.id`,
    [names, successors],
  );
}

export function collectiveFlags(
  manager: Sql,
): Promise<{ id: string; name: string; kind: DepartmentKind; collective: boolean }[]> {
  return manager.query(`SELECT id, name, kind, collective FROM departments`);
}

export async function toggleCollective(manager: Sql, ids: readonly string[]): Promise<void> {
  await manager.query(`UPDATE departments SET collective = NOT collective WHERE id = ANY($1::uuid[])`, [ids]);
}

/** Adds `alias` to a unit unless it already answers to it. */
export async function appendAlias(manager: Sql, departmentId: string, alias: string): Promise<void> {
  await manager.query(
    `UPDATE departments SET aliases = array_append(aliases, $2::text), updated_at = now()
      WHERE id = $1 AND name <> $2 AND NOT ($2 = ANY(aliases))`,
    [departmentId, alias],
  );
}

/** Appends aliases the caller has already checked are new. */
export async function appendAliases(
  manager: Sql,
  departmentId: string,
  aliases: readonly string[],
): Promise<void> {
  await manager.query(
    `UPDATE departments SET aliases = aliases || $2::text[], updated_at = now() WHERE id = $1`,
    [departmentId, aliases],
  );
}

/**
 * The first unit (other than `self`, within `jurisdiction` when given) whose name or an alias is one of
 * `names`, or undefined.
 */
export async function nameOwner(
  manager: Sql,
  names: readonly string[],
  self: string | null,
  jurisdiction: string | null,
): Promise<{ id: string; name: string; aliases: string[] } | undefined> {
  const rows = await manager.query<{ id: string; name: string; aliases: string[] }[]>(
    `SELECT id::text AS id, name, aliases FROM departments
      WHERE ($2::uuid IS NULL OR id <> $2) AND ($3::text IS NULL OR jurisdiction = $3)
        AND (name = ANY($1::text[]) OR aliases && $1::text[])
      ORDER BY name LIMIT 1`,
    [names, self, jurisdiction],
  );
  return rows[0];
}

export interface DepartmentEdit {
  name: string;
  aliases: string[];
  kind: DepartmentKind;
  jurisdiction: string | null;
  collective: boolean;
}

/** An admin's edit of a unit (name, aliases, kind, jurisdiction and the collective flag they imply). */
export async function updateDepartment(manager: Sql, id: string, edit: DepartmentEdit): Promise<void> {
  await manager.query(
    `UPDATE departments SET name = $2, aliases = $3, kind = $4, jurisdiction = $5, collective = $6,
            updated_at = now() WHERE id = $1`,
    [id, edit.name, edit.aliases, edit.kind, edit.jurisdiction, edit.collective],
  );
}

/** A directory import's update of an existing unit (its name stays). */
export async function updateImportedUnit(
  manager: Sql,
  id: string,
  edit: Omit<DepartmentEdit, 'name'>,
): Promise<void> {
  await manager.query(
    `UPDATE departments SET aliases = $2, jurisdiction = $3, kind = $4, collective = $5, updated_at = now()
      WHERE id = $1`,
    [id, edit.aliases, edit.jurisdiction, edit.kind, edit.collective],
  );
}

/** 继任单位 of a directory import: the unit named `name` points at the one named (or aliased) `successor`. */
export async function linkSuccessorByNameOrAlias(
  manager: Sql,
  name: string,
  successor: string,
): Promise<void> {
  await manager.query(
    `UPDATE departments d SET successor_id = s.id, updated_at = now()
       FROM departments s
      WHERE d.name = $1 AND (s.name = $2 OR $2 = ANY(s.aliases)) AND s.id <> d.id
        AND d.successor_id IS DISTINCT FROM s.id`,
    [name, successor],
  );
}

/** A merged unit keeps its row, pointing at its successor, ended today (Shanghai) unless already ended. */
export async function markMerged(manager: Sql, sourceId: string, intoId: string): Promise<void> {
  await manager.query(
    `UPDATE departments SET successor_id = $2,
            valid_until = coalesce(valid_until, (now() AT TIME ZONE 'Asia/Shanghai')::date), updated_at = now()
      WHERE id = $1`,
    [sourceId, intoId],
  );
}

/** Whether a unit can hold accounts: its name, collective flag and successor's name (undefined: no such unit). */
export async function accountDepartment(
  manager: Sql,
  departmentId: string,
): Promise<{ name: string; collective: boolean; successor: string | null } | undefined> {
  const [row] = await manager.query<{ name: string; collective: boolean; successor: string | null }[]>(
    `SELECT d.name, d.collective, s.name AS successor
       FROM departments d LEFT JOIN departments s ON s.id = d.successor_id WHERE d.id = $1`,
    [departmentId],
  );
  return row;
}

/** `{id, name}` of the given units, by name (unknown ids are left out). */
export function departmentNames(
  manager: Sql,
  ids: readonly string[],
): Promise<{ id: string; name: string }[]> {
  return manager.query(`SELECT id, name FROM departments WHERE id = ANY($1::uuid[]) ORDER BY name`, [ids]);
}
