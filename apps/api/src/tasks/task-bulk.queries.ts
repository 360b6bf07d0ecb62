import type { AssignmentRole, ChecklistItemDto, MilestoneDto, RecurrencePeriodDto } from '@duban/domain';
import type { EntityManager } from 'typeorm';

/**
 * Set-based writes of `tasks` and `task_assignments` for bulk callers (the policy-text import writes thousands
 * of rows per file): each statement takes one jsonb recordset of up to CHUNK rows, so a file costs a handful of
 * statements whatever its size. The rows are column-shaped (snake_case) and planned by the caller; this file
 * owns only the SQL. Covered by tests/integration/imports.
 */

/** Rows per INSERT statement (one jsonb parameter each; keeps statements a few MB at most). */
const CHUNK = 1000;

/** A new task as the tasks table stores it (status, version and timestamps are the table's defaults). */
export interface TaskInsertRow {
  id: string;
  document_id: string;
  measure_key: string;
  parent_id: string | null;
  path: string[];
  title: string;
  text: string;
  source_file: string;
  source_line: number;
  origin: string;
  joint: boolean;
  lead_names: string[];
  participant_names: string[];
  deadline: string | null;
  deadline_text: string | null;
  deadline_kind: 'date' | 'ongoing' | null;
  /** The earlier dated steps before the deadline (jsonb). */
  milestones: MilestoneDto[];
  /** A recurring duty's period (deadline_kind is then 'ongoing'). */
  recurrence: RecurrencePeriodDto | null;
  /** 工作清单 (jsonb): a labelled-field block's numbered items, none ticked yet. */
  checklist: ChecklistItemDto[];
}

export interface AssignmentInsertRow {
  task_id: string;
  department_id: string;
  role: AssignmentRole;
  position: number;
}

/** What a re-import compares a stored task with. */
export interface StoredTaskRow {
  id: string;
  document_id: string;
  measure_key: string;
  text: string;
  /** Set when an extension was granted: the deadline in force is then not the document's. */
  original_deadline: string | null;
}

/** A stored task's fields that follow its document's text (what a changed measure rewrites). */
export type TaskTextUpdate = Pick<
  TaskInsertRow,
  | 'title'
  | 'text'
  | 'path'
  | 'source_file'
  | 'source_line'
  | 'lead_names'
  | 'participant_names'
  | 'joint'
  | 'deadline'
  | 'deadline_text'
  | 'deadline_kind'
  | 'milestones'
  | 'recurrence'
  | 'checklist'
>;

export async function insertTaskRows(manager: EntityManager, rows: readonly TaskInsertRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await manager.query(
      `INSERT INTO tasks (id, document_id, measure_key, parent_id, path, title, text, source_file, source_line,
                          origin, joint, lead_names, participant_names, deadline, deadline_text, deadline_kind,
                          milestones, recurrence, checklist)
       SELECT id, document_id, measure_key, parent_id, path, title, text, source_file, source_line,
              origin::measure_origin, joint, lead_names, participant_names, deadline, deadline_text,
              deadline_kind::deadline_kind, milestones, recurrence::recurrence_period, checklist
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, document_id uuid, measure_key text, parent_id uuid,
              path text[], title text, text text, source_file text, source_line int, origin text, joint boolean,
              lead_names text[], participant_names text[], deadline date, deadline_text text, deadline_kind text,
              milestones jsonb, recurrence text, checklist jsonb)`,
      [JSON.stringify(rows.slice(i, i + CHUNK))],
    );
  }
}

/** New assignments only: an existing (task, department) keeps its row; a participant promoted to lead is updated. */
export async function upsertAssignmentRows(
  manager: EntityManager,
  rows: readonly AssignmentInsertRow[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await manager.query(
      `INSERT INTO task_assignments (task_id, department_id, role, position)
       SELECT task_id, department_id, role::assignment_role, position
         FROM jsonb_to_recordset($1::jsonb) AS r(task_id uuid, department_id uuid, role text, position smallint)
       ON CONFLICT ON CONSTRAINT "UQ_task_assignments_task_department"
       DO UPDATE SET role = 'lead' WHERE EXCLUDED.role = 'lead' AND task_assignments.role <> 'lead'`,
      [JSON.stringify(rows.slice(i, i + CHUNK))],
    );
  }
}

/** The stored tasks of these documents, in one query. */
export async function tasksOfDocuments(
  manager: EntityManager,
  documentIds: readonly string[],
): Promise<StoredTaskRow[]> {
  if (documentIds.length === 0) return [];
  return manager.query<StoredTaskRow[]>(
    `SELECT id, document_id, measure_key, text, to_char(original_deadline, 'YYYY-MM-DD') AS original_deadline
       FROM tasks WHERE document_id = ANY($1::uuid[])`,
    [documentIds],
  );
}

/**
 * Rewrites a stored task after its measure's text changed. Progress, evidence, status and assignments are
 * never touched; a granted extension keeps the deadline in force, and the document's new date becomes the
 * original instead. A 工作清单 item whose text is unchanged keeps its tick (who and when); new items start open.
 */
export async function updateTaskText(
  manager: EntityManager,
  current: Pick<StoredTaskRow, 'id' | 'original_deadline'>,
  update: TaskTextUpdate,
): Promise<void> {
  const extended = current.original_deadline !== null;
  await manager.query(
    `UPDATE tasks SET title = $2, text = $3, path = $4, source_file = $5, source_line = $6,
            lead_names = $7, participant_names = $8, joint = $9, deadline_text = $10, deadline_kind = $11,
            ${extended ? 'original_deadline' : 'deadline'} = $12, milestones = $13::jsonb,
            recurrence = $14::recurrence_period,
            checklist = (SELECT coalesce(jsonb_agg(coalesce(kept.item, fresh.item) ORDER BY fresh.ord), '[]'::jsonb)
                           FROM jsonb_array_elements($15::jsonb) WITH ORDINALITY AS fresh(item, ord)
                           LEFT JOIN LATERAL (SELECT old.item FROM jsonb_array_elements(tasks.checklist) AS old(item)
                                               WHERE old.item->>'text' = fresh.item->>'text' LIMIT 1) kept ON true),
            version = version + 1, updated_at = now()
      WHERE id = $1`,
    [
      current.id,
      update.title,
      update.text,
      update.path,
      update.source_file,
      update.source_line,
      update.lead_names,
      update.participant_names,
      update.joint,
      update.deadline_text,
      update.deadline_kind,
      update.deadline,
      JSON.stringify(update.milestones),
      update.recurrence,
      JSON.stringify(update.checklist),
    ],
  );
}
