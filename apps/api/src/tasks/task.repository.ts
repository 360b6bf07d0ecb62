import type { EntityManager } from 'typeorm';
import { TaskVersionConflictError } from './task.errors';

/** A connection or a transaction's manager: both run statements. */
type Runner = Pick<EntityManager, 'query'>;

/** The row a versioned write expects to find: its id and the version it read (under the row lock). */
export interface VersionedTask {
  id: string;
  version: number;
}

export type TaskColumnValue = string | string[] | Date | boolean | null;

/**
 * Conditional update of the `tasks` row that bumps its version: fails with 409 (TaskVersionConflictError)
 * when someone else changed the row since `task.version` was read. Column names are the callers' own
 * constants, never input.
 */
export async function updateTaskVersioned(
  db: Runner,
  task: VersionedTask,
  changes: Readonly<Record<string, TaskColumnValue>>,
): Promise<void> {
  const columns = Object.keys(changes);
  const assignments = columns.map((column, index) => `"${column}" = $${index + 3}`).join(', ');
  // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
  const result = await db.query<[unknown[], number]>(
    `UPDATE tasks SET ${assignments}, version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 RETURNING version`,
    [task.id, task.version, ...columns.map((column) => changes[column])],
  );
  if (result[1] !== 1) throw new TaskVersionConflictError(task.version, task.version + 1);
}

/** A granted extension: the deadline in force moves, the first one is kept in `original_deadline`. */
export async function extendTaskDeadline(db: Runner, task: VersionedTask, deadline: string): Promise<void> {
  const result = await db.query<[unknown[], number]>(
    `UPDATE tasks
        SET original_deadline = COALESCE(original_deadline, deadline),
            deadline = $3, version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 RETURNING version`,
    [task.id, task.version, deadline],
  );
  if (result[1] !== 1) throw new TaskVersionConflictError(task.version, task.version + 1);
}
