import type { MilestoneDto, RecurrencePeriodDto } from '@duban/domain';
import type { EntityManager } from 'typeorm';
import type { TaskOrigin } from './task.entity';
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

/** A new `tasks` row (立项, a 台账 row, a part of a split); status, version and timestamps take their defaults. */
export interface NewTaskRow {
  documentId: string;
  measureKey: string;
  parentId: string | null;
  title: string;
  text: string;
  sourceFile: string;
  sourceLine: number;
  origin: TaskOrigin;
  leadNames: string[];
  participantNames: string[];
  deadline: string | null;
  deadlineText: string | null;
  deadlineKind: 'date' | 'ongoing';
  milestones: MilestoneDto[];
  recurrence: RecurrencePeriodDto | null;
}

/** Inserts the task; returns its id. */
export async function insertTask(db: Runner, task: NewTaskRow): Promise<string> {
  const [row] = await db.query<{ id: string }[]>(
    `INSERT INTO tasks (document_id, measure_key, parent_id, title, text, source_file, source_line, origin,
                        lead_names, participant_names, deadline, deadline_text, deadline_kind, milestones,
                        recurrence)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15) RETURNING id`,
    [
      task.documentId,
      task.measureKey,
      task.parentId,
      task.title,
      task.text,
      task.sourceFile,
      task.sourceLine,
      task.origin,
      task.leadNames,
      task.participantNames,
      task.deadline,
      task.deadlineText,
      task.deadlineKind,
      JSON.stringify(task.milestones),
      task.recurrence,
    ],
  );
  return row.id;
}
