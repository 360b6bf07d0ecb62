import {
  canTerminate,
  STATUS_LABELS,
  type ChangeDepartmentsRequestDto,
  type EditDeadlineRequestDto,
  type SplitTaskRequestDto,
  type SplitTaskResultDto,
  type TaskDetailDto,
} from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.decorators';
import { ConflictError, ValidationError } from '../infra/http/domain-error';
import { TaskEventNotifier } from '../notifications/task-event-notifier';
import { TaskEventOutbox } from '../events/task-event-outbox';
import { Clock } from '../infra/queue/clock';
import { mainLeadsOf, syncMainLeads } from './main-lead.queries';
import { TaskAccessService, type TaskForActor } from './task-access.service';
import { assertDepartmentsExist, TaskCreationService } from './task-creation.service';
import { assignmentRoles, replaceAssignments } from './task-assignment.queries';
import { departmentNames } from './task-people.queries';
import { refusePendingExtensions } from './extension.queries';
import { updateTaskVersioned } from './task.repository';
import { sourceOfDocument } from './task-source.queries';
import { TaskDetailReader } from './detail/task-detail.reader';
import { TaskVersionConflictError } from './task.errors';

type Ref = { id: string; name: string };

/** 409 for an edit of a task that is already 已办结 or 已终止. */
export class TaskClosedError extends ConflictError {
  constructor(status: TaskForActor['task']['status']) {
    super('TASK_CLOSED', `任务已「${STATUS_LABELS[status]}」，不能再修改。`, { status });
  }
}

/**
 * The supervisor's corrections of a task: deadline (an edit of the record, not an extension), responsible
 * departments, split, 终止. Each runs in one transaction with the task row locked and its version checked
 * (If-Match), writes an audit entry with before/after, a notice to the departments concerned and a
 * `task.changed` task event, all in the outbox: once it commits the worker notifies them (inbox, e-mail,
 * webhook) and reschedules the reminders, so they appear, move or disappear with the change.
 */
@Injectable()
export class TaskEditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: TaskAccessService,
    private readonly audit: AuditService,
    private readonly notifier: TaskEventNotifier,
    private readonly creation: TaskCreationService,
    private readonly details: TaskDetailReader,
    private readonly outbox: TaskEventOutbox,
    private readonly clock: Clock,
  ) {}

  async editDeadline(taskId: string, user: AuthUser, body: EditDeadlineRequestDto): Promise<TaskDetailDto> {
    await this.inTransaction(taskId, user, body.version, async (manager, found, departments) => {
      const before = found.task.deadline;
      const after = body.deadline;
      if (before === after) {
        throw new ValidationError('TASK_DEADLINE_UNCHANGED', '新的完成时限与现有时限相同，无需修改。');
      }
      await updateTaskVersioned(manager, found.task, {
        deadline: after,
        deadline_kind: after ? 'date' : 'ongoing',
      });
      await this.audit.record(manager, {
        taskId,
        actor: { id: user.id, name: found.actorName },
        action: 'task.deadline_edited',
        detail: { before, after, reason: body.reason },
      });
      await this.notifier.notify(manager, {
        taskId,
        rule: 'task.deadline_edited',
        title: `完成时限调整：${found.task.title}`,
        body: `督查室将完成时限由 ${before ?? '无时限'} 调整为 ${after ?? '无时限'}。理由：${body.reason}`,
        departmentIds: departments.map((d) => d.id),
      });
    });
    return this.details.detail(taskId, user);
  }

  async changeDepartments(
    taskId: string,
    user: AuthUser,
    body: ChangeDepartmentsRequestDto,
  ): Promise<TaskDetailDto> {
    await this.inTransaction(taskId, user, body.version, async (manager, found, current) => {
      const lead = [...new Set(body.leadDepartmentIds)];
      const participants = [...new Set(body.participantDepartmentIds)].filter((id) => !lead.includes(id));
      if (lead.length === 0) {
        throw new ValidationError('TASK_LEAD_REQUIRED', '至少需要一个牵头单位。', {
          fields: [{ field: 'leadDepartmentIds', reasons: ['至少选择一个牵头单位'] }],
        });
      }
      await assertDepartmentsExist(manager, [...lead, ...participants]);
      const roleBefore = new Map(current.map((d) => [d.id, d.role]));
      const roleAfter = new Map<string, 'lead' | 'participant'>([
        ...lead.map((id) => [id, 'lead'] as const),
        ...participants.map((id) => [id, 'participant'] as const),
      ]);
      const unchanged =
        roleBefore.size === roleAfter.size &&
        [...roleAfter].every(([id, role]) => roleBefore.get(id) === role);
      if (unchanged) {
        throw new ValidationError('TASK_DEPARTMENTS_UNCHANGED', '责任单位没有变化，无需调整。');
      }
      const names = await departmentNames(manager, [...roleAfter.keys(), ...roleBefore.keys()]);
      const ref = (id: string): Ref => ({ id, name: names.get(id) ?? id });
      const mainBefore = await mainLeadsOf(manager, [taskId]);
      await replaceAssignments(manager, taskId, roleAfter);
      // A removed or demoted 主办 passes to the first lead; a new 主办 department signs off anew.
      await syncMainLeads(manager, [taskId], this.clock.now(), mainBefore);
      await updateTaskVersioned(manager, found.task, {
        lead_names: lead.map((id) => ref(id).name),
        participant_names: participants.map((id) => ref(id).name),
      });
      const added = [...roleAfter.keys()].filter((id) => !roleBefore.has(id));
      const removed = [...roleBefore.keys()].filter((id) => !roleAfter.has(id));
      const roleChanged = [...roleAfter].filter(
        ([id, role]) => roleBefore.has(id) && roleBefore.get(id) !== role,
      );
      await this.audit.record(manager, {
        taskId,
        actor: { id: user.id, name: found.actorName },
        action: 'task.departments_changed',
        detail: {
          reason: body.reason,
          before: {
            lead: current.filter((d) => d.role === 'lead').map((d) => ref(d.id)),
            participants: current.filter((d) => d.role === 'participant').map((d) => ref(d.id)),
          },
          after: { lead: lead.map(ref), participants: participants.map(ref) },
          added: added.map(ref),
          removed: removed.map(ref),
        },
      });
      const title = found.task.title;
      const leadNames = lead.map((id) => ref(id).name).join('、');
      const notice = (ids: string[], heading: string, text: string) =>
        ids.length === 0
          ? Promise.resolve(0)
          : this.notifier.notify(manager, {
              taskId,
              rule: 'task.departments_changed',
              title: `${heading}：${title}`,
              body: `${text}理由：${body.reason}`,
              departmentIds: ids,
            });
      await notice(added, '新增督办任务', `督查室将本单位列为「${title}」的责任单位（牵头：${leadNames}）。`);
      await notice(removed, '责任调整', `督查室已将本单位从「${title}」的责任单位中移除，无需再办理。`);
      await notice(
        roleChanged.map(([id]) => id),
        '责任调整',
        `督查室调整了本单位在「${title}」中的职责（现牵头：${leadNames}）。`,
      );
    });
    return this.details.detail(taskId, user);
  }

  async split(taskId: string, user: AuthUser, body: SplitTaskRequestDto): Promise<SplitTaskResultDto> {
    let childIds: string[] = [];
    await this.inTransaction(taskId, user, body.version, async (manager, found, departments) => {
      const source = await sourceOfDocument(manager, found.task.documentId);
      const actor = { id: user.id, name: found.actorName };
      childIds = await this.creation.create(
        manager,
        body.parts.map((part) => ({
          source,
          documentId: found.task.documentId,
          parentId: taskId,
          title: part.title,
          text: part.text,
          leadDepartmentIds: part.leadDepartmentIds,
          participantDepartmentIds: part.participantDepartmentIds ?? [],
          deadline: part.deadline === undefined ? found.task.deadline : part.deadline,
          recurrence: found.task.recurrence,
        })),
        { actor, origin: 'manual', enteredVia: '拆分', action: 'task.split_from' },
      );
      const reason = `已拆分为 ${childIds.length} 项：${body.reason}`;
      await updateTaskVersioned(manager, found.task, { status: 'terminated', termination_reason: reason });
      await refusePendingExtensions(manager, taskId, user.id, `任务已终止：${reason}`);
      await this.audit.record(manager, {
        taskId,
        actor,
        action: 'task.split',
        fromStatus: found.task.status,
        toStatus: 'terminated',
        detail: { reason: body.reason, childIds },
      });
      await this.notifier.notify(manager, {
        taskId,
        rule: 'task.split',
        title: `任务拆分：${found.task.title}`,
        body: `督查室已将「${found.task.title}」拆分为 ${childIds.length} 项任务，原任务终止。理由：${body.reason}`,
        departmentIds: departments.map((d) => d.id),
      });
    });
    return { parentId: taskId, childIds };
  }

  async terminate(taskId: string, user: AuthUser, reason: string, version?: number): Promise<TaskDetailDto> {
    await this.inTransaction(taskId, user, version, async (manager, found, departments) => {
      await updateTaskVersioned(manager, found.task, { status: 'terminated', termination_reason: reason });
      await refusePendingExtensions(manager, taskId, user.id, `任务已终止：${reason}`);
      await this.audit.record(manager, {
        taskId,
        actor: { id: user.id, name: found.actorName },
        action: 'task.terminated',
        fromStatus: found.task.status,
        toStatus: 'terminated',
        detail: { reason },
      });
      await this.notifier.notify(manager, {
        taskId,
        rule: 'task.terminated',
        title: `任务终止：${found.task.title}`,
        body: `督查室已终止「${found.task.title}」，无需继续办理。理由：${reason}`,
        departmentIds: departments.map((d) => d.id),
      });
    });
    return this.details.detail(taskId, user);
  }

  private async inTransaction(
    taskId: string,
    user: AuthUser,
    version: number | undefined,
    work: (
      manager: EntityManager,
      found: TaskForActor,
      departments: { id: string; role: 'lead' | 'participant' }[],
    ) => Promise<void>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const found = await this.access.load(taskId, user, manager, true);
      if (version !== undefined && version !== found.task.version) {
        throw new TaskVersionConflictError(version, found.task.version);
      }
      if (!canTerminate(found.task.status)) throw new TaskClosedError(found.task.status);
      const departments = await assignmentRoles(manager, taskId);
      await work(manager, found, departments);
      // Every edit moves reminders (new deadline, parties, 终止): the outbox reschedules them on commit.
      await this.outbox.record(manager, {
        taskId,
        kind: 'task.changed',
        actor: { id: user.id, name: found.actorName },
      });
    });
  }
}
