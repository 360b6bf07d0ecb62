import type { EntityManager } from 'typeorm';

/**
 * The tasks feature's side of a department merge (合并 / 继任): its assignments and the work rows that
 * follow a unit (progress reports, extension requests, comments) move to the successor. The departments
 * feature runs these inside its merge transaction (`manager`); evidence files move through their own feature.
 */
type Sql = Pick<EntityManager, 'query'>;

/** The tasks feature's tables whose rows record a unit's own work on tasks. */
const WORK_TABLES = ['progress_reports', 'extension_requests', 'task_comments'] as const;

export interface MovedAssignment {
  task_id: string;
  role: 'lead' | 'participant';
  /** The successor's role on the task before the merge, when it was already assigned. */
  target_role: 'lead' | 'participant' | null;
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
 * The unit's own reports, extension requests and comments follow it; comments keep their text, a mention
 * of the merged unit now names its successor.
 */
export async function moveTaskWork(manager: Sql, sourceId: string, intoId: string): Promise<void> {
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
