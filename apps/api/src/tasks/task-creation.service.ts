import { randomUUID } from 'node:crypto';
import {
  RECURRENCE_LABELS,
  SOURCE_KIND_LABELS,
  type AuditAction,
  type MilestoneDto,
  type RecurrencePeriodDto,
  type TaskSourceInputDto,
} from '@duban/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { TaskSourceService } from '../documents/task-source.service';
import { ValidationError } from '../infra/http/domain-error';
import { TaskEventOutbox } from '../events/task-event-outbox';
import type { TaskOrigin } from './task.entity';

/** One task to create (by hand, from a 台账 row, or as a part of a split). */
export interface NewTask {
  source: TaskSourceInputDto;
  /** A short title; derived from the text when absent. */
  title?: string | null;
  text: string;
  leadDepartmentIds: string[];
  participantDepartmentIds: string[];
  deadline: string | null;
  milestones?: MilestoneDto[];
  recurrence?: RecurrencePeriodDto | null;
  /** Row of the 台账, or 0 for a task entered by hand. */
  sourceLine?: number;
  /** For a split: the task this one was cut from. */
  parentId?: string | null;
  /** For a split: the existing source row to keep. */
  documentId?: string;
}

export interface CreationContext {
  actor: { id: string; name: string };
  origin: Extract<TaskOrigin, 'manual' | 'ledger'>;
  /** How the tasks were entered: '立项', or the 台账's file name. */
  enteredVia: string;
  /** Audit action of each created task. */
  action?: AuditAction;
}

const TITLE_MAX = 60;

/** A title from the first clause of the text, as the extractor titles measures. */
export function titleFromText(text: string): string {
  const first = text.trim().split(/[。；;\n]/)[0] ?? text;
  return first.length > TITLE_MAX ? `${first.slice(0, TITLE_MAX - 1)}…` : first;
}

/**
 * Writes new tasks in the caller's transaction: the source (found or created), the task row, its
 * assignments (lead first, a unit named twice stays lead), a `task.created` audit entry and a
 * `task.assigned` task event (the outbox: the lead departments are notified and the reminders scheduled
 * by the worker once the caller's transaction commits).
 */
@Injectable()
export class TaskCreationService {
  constructor(
    private readonly sources: TaskSourceService,
    private readonly audit: AuditService,
    private readonly outbox: TaskEventOutbox,
  ) {}

  async create(manager: EntityManager, tasks: NewTask[], context: CreationContext): Promise<string[]> {
    await assertDepartmentsExist(
      manager,
      tasks.flatMap((t) => [...t.leadDepartmentIds, ...t.participantDepartmentIds]),
    );
    const ids: string[] = [];
    for (const task of tasks) ids.push(await this.createOne(manager, task, context));
    return ids;
  }

  private async createOne(manager: EntityManager, task: NewTask, context: CreationContext): Promise<string> {
    const documentId =
      task.documentId ?? (await this.sources.findOrCreate(manager, task.source, context.enteredVia));
    const lead = [...new Set(task.leadDepartmentIds)];
    const participants = [...new Set(task.participantDepartmentIds)].filter((id) => !lead.includes(id));
    const names = await departmentNames(manager, [...lead, ...participants]);
    const title = task.title?.trim() || titleFromText(task.text);
    const recurrence = task.recurrence ?? null;
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO tasks (document_id, measure_key, parent_id, title, text, source_file, source_line, origin,
                          lead_names, participant_names, deadline, deadline_text, deadline_kind, milestones,
                          recurrence)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15) RETURNING id`,
      [
        documentId,
        `${context.origin}:${randomUUID()}`,
        task.parentId ?? null,
        title,
        task.text.trim(),
        context.enteredVia,
        task.sourceLine ?? 0,
        context.origin,
        lead.map((id) => names.get(id) ?? id),
        participants.map((id) => names.get(id) ?? id),
        task.deadline,
        recurrence ? `${RECURRENCE_LABELS[recurrence]}报送` : null,
        task.deadline ? 'date' : 'ongoing',
        JSON.stringify(task.milestones ?? []),
        recurrence,
      ],
    );
    await insertAssignments(manager, row.id, lead, participants);
    await this.audit.record(manager, {
      taskId: row.id,
      documentId,
      actor: context.actor,
      action: context.action ?? 'task.created',
      toStatus: 'not_started',
      detail: {
        origin: context.origin,
        enteredVia: context.enteredVia,
        source: { ...task.source, kindLabel: SOURCE_KIND_LABELS[task.source.kind] },
        lead: lead.map((id) => ({ id, name: names.get(id) })),
        participants: participants.map((id) => ({ id, name: names.get(id) })),
        deadline: task.deadline,
        recurrence,
        milestones: task.milestones ?? [],
        parentId: task.parentId ?? null,
      },
    });
    // Outbox: the lead departments hear of it and its reminders are scheduled once this commits.
    await this.outbox.record(manager, { taskId: row.id, kind: 'task.assigned', actor: context.actor });
    return row.id;
  }
}

/** 400 naming the ids no department has (a picker sends ids, so an unknown one is a stale form). */
export async function assertDepartmentsExist(manager: EntityManager, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const rows = await manager.query<{ id: string }[]>(
    `SELECT id::text AS id FROM departments WHERE id = ANY($1::uuid[])`,
    [unique],
  );
  const known = new Set(rows.map((r) => r.id));
  const missing = unique.filter((id) => !known.has(id));
  if (missing.length > 0) {
    throw new ValidationError(
      'TASK_UNKNOWN_DEPARTMENT',
      '所选单位不存在，请刷新页面后从单位列表中重新选择。',
      {
        fields: [{ field: 'departments', reasons: missing.map((id) => `未知单位 ${id}`) }],
        departmentIds: missing,
      },
    );
  }
}

export async function departmentNames(
  manager: EntityManager,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await manager.query<{ id: string; name: string }[]>(
    `SELECT id::text AS id, name FROM departments WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function insertAssignments(
  manager: EntityManager,
  taskId: string,
  lead: readonly string[],
  participants: readonly string[],
): Promise<void> {
  const rows = [
    // The first lead named is the 主办.
    ...lead.map((id, position) => ({ department_id: id, role: 'lead', position, is_main: position === 0 })),
    ...participants.map((id, index) => ({
      department_id: id,
      role: 'participant',
      position: lead.length + index,
      is_main: false,
    })),
  ];
  await manager.query(
    `INSERT INTO task_assignments (task_id, department_id, role, position, is_main)
     SELECT $1, department_id, role::assignment_role, position, is_main
       FROM jsonb_to_recordset($2::jsonb) AS r(department_id uuid, role text, position smallint, is_main boolean)`,
    [taskId, JSON.stringify(rows)],
  );
}
