import type { AssignmentRole } from '@duban/domain';
import type { EntityManager } from 'typeorm';
import { mainLeadSql } from './main-lead.queries';

/** A connection or a transaction's manager: both run statements. */
type Runner = Pick<EntityManager, 'query'>;

/** The SQL on `task_assignments` besides the 主办 bookkeeping (main-lead.queries.ts) and the list's reads. */

/** The department's assignment rows on the task, each saying whether the department is the 主办. */
export function departmentAssignments(
  db: Runner,
  taskId: string,
  departmentId: string,
): Promise<{ role: AssignmentRole; is_main: boolean }[]> {
  return db.query<{ role: AssignmentRole; is_main: boolean }[]>(
    `SELECT role, department_id = ${mainLeadSql('a.task_id')} AS is_main
       FROM task_assignments a WHERE task_id = $1 AND department_id = $2`,
    [taskId, departmentId],
  );
}

/** The task's departments with their names, in document order. */
export function assignedDepartments(db: Runner, taskId: string): Promise<{ id: string; name: string }[]> {
  return db.query<{ id: string; name: string }[]>(
    `SELECT a.department_id::text AS id, d.name FROM task_assignments a JOIN departments d ON d.id = a.department_id
      WHERE a.task_id = $1 ORDER BY a.position`,
    [taskId],
  );
}

/** The task's departments with their roles, in document order. */
export function assignmentRoles(db: Runner, taskId: string): Promise<{ id: string; role: AssignmentRole }[]> {
  return db.query<{ id: string; role: AssignmentRole }[]>(
    `SELECT department_id::text AS id, role FROM task_assignments WHERE task_id = $1 ORDER BY position`,
    [taskId],
  );
}

/** The task's leads with their names, each saying whether it is the 主办. */
export function leadsWithMain(
  db: Runner,
  taskId: string,
): Promise<{ department_id: string; name: string; main: boolean }[]> {
  return db.query<{ department_id: string; name: string; main: boolean }[]>(
    `SELECT a.department_id, d.name, a.department_id = ${mainLeadSql('a.task_id')} AS main
       FROM task_assignments a JOIN departments d ON d.id = a.department_id
      WHERE a.task_id = $1 AND a.role = 'lead'`,
    [taskId],
  );
}

/** Makes the lead `departmentId` the task's one 主办 (two statements: the partial unique index admits one). */
export async function makeMainLead(db: Runner, taskId: string, departmentId: string): Promise<void> {
  await db.query(`UPDATE task_assignments SET is_main = false WHERE task_id = $1 AND is_main`, [taskId]);
  await db.query(`UPDATE task_assignments SET is_main = true WHERE task_id = $1 AND department_id = $2`, [
    taskId,
    departmentId,
  ]);
}

/** A new task's departments: the first lead named is the 主办. */
export async function insertAssignments(
  db: Runner,
  taskId: string,
  lead: readonly string[],
  participants: readonly string[],
): Promise<void> {
  const rows = [
    ...lead.map((id, position) => ({ department_id: id, role: 'lead', position, is_main: position === 0 })),
    ...participants.map((id, index) => ({
      department_id: id,
      role: 'participant',
      position: lead.length + index,
      is_main: false,
    })),
  ];
  await db.query(
    `INSERT INTO task_assignments (task_id, department_id, role, position, is_main)
     SELECT $1, department_id, role::assignment_role, position, is_main
       FROM jsonb_to_recordset($2::jsonb) AS r(department_id uuid, role text, position smallint, is_main boolean)`,
    [taskId, JSON.stringify(rows)],
  );
}

/**
 * Replaces the task's departments with `roles` (in order): removed ones are deleted, the others inserted or
 * re-roled and re-positioned in place (the 主办 flag is then synced by the caller).
 */
export async function replaceAssignments(
  db: Runner,
  taskId: string,
  roles: ReadonlyMap<string, AssignmentRole>,
): Promise<void> {
  await db.query(
    `DELETE FROM task_assignments WHERE task_id = $1 AND NOT (department_id = ANY($2::uuid[]))`,
    [taskId, [...roles.keys()]],
  );
  let position = 0;
  for (const [departmentId, role] of roles) {
    await db.query(
      `INSERT INTO task_assignments (task_id, department_id, role, position) VALUES ($1, $2, $3, $4)
       ON CONFLICT ON CONSTRAINT "UQ_task_assignments_task_department"
       DO UPDATE SET role = EXCLUDED.role, position = EXCLUDED.position`,
      [taskId, departmentId, role, position++],
    );
  }
}
