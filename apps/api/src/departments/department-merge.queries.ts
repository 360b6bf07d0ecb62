import type { EntityManager } from 'typeorm';

/**
 * A merge's statements over other features' tables (tasks and their assignments, the work rows that
 * follow a unit: evidence, progress reports, extension requests, comments). They live with the merge,
 * the only job that moves a unit's rows wholesale, until those features offer the moves themselves.
 * Every function runs inside the merge's transaction (`manager`).
 */
type Sql = Pick<EntityManager, 'query'>;

/** Tables whose rows record a unit's own work on tasks: they follow it to its successor. */
const WORK_TABLES = ['evidence_files', 'progress_reports', 'extension_requests', 'task_comments'] as const;

export interface MovedAssignment {
  task_id: string;
  role: 'lead' | 'participant';
  /** The successor's role on the task before the merge, when it was already assigned. */
  target_role: 'lead' | 'participant' | null;
}

/** What a merge of a unit would move: whether it exists, its tasks (all and open ones) and its accounts. */
export async function mergeUsage(
  manager: Sql,
  departmentId: string,
): Promise<{ found: boolean; tasks: number; open: number; users: number } | undefined> {
  const [row] = await manager.query<{ found: boolean; tasks: number; open: number; users: number }[]>(
    `SELECT EXISTS (SELECT 1 FROM departments WHERE id = $1) AS found,
            (SELECT count(*)::int FROM task_assignments WHERE department_id = $1) AS tasks,
            (SELECT count(*)::int FROM task_assignments a JOIN tasks t ON t.id = a.task_id
              WHERE a.department_id = $1 AND t.status NOT IN ('done', 'terminated')) AS open,
            (SELECT count(*)::int FROM users WHERE department_id = $1) AS users`,
    [departmentId],
  );
  return row;
}

/**
 * Moves every task assignment of `sourceId` to `intoId` and returns them (locked, by task) with the
 * successor's role before the move. Both assigned: the successor's row stays, lead if either was, at the
 * earlier position (no duplicate rows; the statistics counters follow through their triggers).
 */
export async function moveAssignments(
  manager: Sql,
  sourceId: string,
  intoId: string,
): Promise<MovedAssignment[]> {
  const moved = await manager.query<MovedAssignment[]>(
    `SELECT a.task_id::text AS task_id, a.role, b.role AS target_role
       FROM task_assignments a
       LEFT JOIN task_assignments b ON b.task_id = a.task_id AND b.department_id = $2
      WHERE a.department_id = $1
      ORDER BY a.task_id
        FOR UPDATE OF a`,
    [sourceId, intoId],
  );
  await manager.query(
    `UPDATE task_assignments b
        SET role = CASE WHEN a.role = 'lead' OR b.role = 'lead' THEN 'lead' ELSE 'participant' END::assignment_role,
            position = LEAST(a.position, b.position)
       FROM task_assignments a
      WHERE a.department_id = $1 AND b.department_id = $2 AND a.task_id = b.task_id`,
    [sourceId, intoId],
  );
  await manager.query(
    `DELETE FROM task_assignments a USING task_assignments b
      WHERE a.department_id = $1 AND b.department_id = $2 AND a.task_id = b.task_id`,
    [sourceId, intoId],
  );
  await manager.query(`UPDATE task_assignments SET department_id = $2 WHERE department_id = $1`, [
    sourceId,
    intoId,
  ]);
  return moved;
}

/**
 * The unit's own work follows it (the 牵头 evidence rule reads it by unit); comments keep their text,
 * a mention of the merged unit now names its successor.
 */
export async function moveWork(manager: Sql, sourceId: string, intoId: string): Promise<void> {
  for (const table of WORK_TABLES) {
    await manager.query(`UPDATE ${table} SET department_id = $2 WHERE department_id = $1`, [
      sourceId,
      intoId,
    ]);
  }
  await manager.query(
    `UPDATE task_comments SET mention_ids = array_replace(mention_ids, $1::uuid, $2::uuid)
      WHERE $1::uuid = ANY(mention_ids)`,
    [sourceId, intoId],
  );
}

/** The tasks changed: an edit form opened before the merge must be refused (If-Match), not overwrite it. */
export async function bumpTaskVersions(manager: Sql, taskIds: readonly string[]): Promise<void> {
  await manager.query(
    `UPDATE tasks SET version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])`,
    [taskIds],
  );
}
