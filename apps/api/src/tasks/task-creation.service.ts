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
import { insertAssignments } from './task-assignment.queries';
import { departmentNames, existingDepartmentIds } from './task-people.queries';
import type { TaskOrigin } from './task.entity';
import { insertTask } from './task.repository';

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
    const taskId = await insertTask(manager, {
      documentId,
      measureKey: `${context.origin}:${randomUUID()}`,
      parentId: task.parentId ?? null,
      title,
      text: task.text.trim(),
      sourceFile: context.enteredVia,
      sourceLine: task.sourceLine ?? 0,
      origin: context.origin,
      leadNames: lead.map((id) => names.get(id) ?? id),
      participantNames: participants.map((id) => names.get(id) ?? id),
      deadline: task.deadline,
      deadlineText: recurrence ? `${RECURRENCE_LABELS[recurrence]}报送` : null,
      deadlineKind: task.deadline ? 'date' : 'ongoing',
      milestones: task.milestones ?? [],
      recurrence,
    });
    await insertAssignments(manager, taskId, lead, participants);
    await this.audit.record(manager, {
      taskId,
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
    await this.outbox.record(manager, { taskId, kind: 'task.assigned', actor: context.actor });
    return taskId;
  }
}

/** 400 naming the ids no department has (a picker sends ids, so an unknown one is a stale form). */
export async function assertDepartmentsExist(manager: EntityManager, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const known = await existingDepartmentIds(manager, unique);
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
