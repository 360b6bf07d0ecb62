import { roleAllows, stateAllows, type TaskAction, type TaskDetailDto, type UserRefDto } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.decorators';
import { ValidationError } from '../infra/http/domain-error';
import { Clock } from '../infra/queue/clock';
import { TaskEventNotifier } from '../notifications/task-event-notifier';
import { TaskEventOutbox } from '../events/task-event-outbox';
import { TaskAccessService, type TaskForActor } from './task-access.service';
import { TaskClosedError } from './task-edit.service';
import { TaskDetailReader } from './detail/task-detail.reader';
import { leadsWithMain, makeMainLead } from './task-assignment.queries';
import { activeOfficersOf, officerRef } from './task-people.queries';
import { updateTaskVersioned } from './task.repository';
import { TaskActionForbiddenError, TaskVersionConflictError } from './task.errors';

/**
 * Who answers for a task inside the responsible departments: 签收 by the 主办 lead, its 承办人, and the
 * 督查室's choice of 主办 among several leads. Each change runs in one transaction with the task row locked,
 * bumps the version (If-Match / `version` as for every transition) and is audited in the timeline.
 */
@Injectable()
export class TaskResponsibilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: TaskAccessService,
    private readonly audit: AuditService,
    private readonly details: TaskDetailReader,
    private readonly notifier: TaskEventNotifier,
    private readonly outbox: TaskEventOutbox,
    private readonly clock: Clock,
  ) {}

  /**
   * 签收 by an officer of the 主办 lead department. Idempotent: a task already signed off is answered as
   * it is (whatever If-Match says, so a retried request is not a conflict) and audited once.
   */
  async acknowledge(taskId: string, user: AuthUser, version?: number): Promise<TaskDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const found = await this.loadPermitted('acknowledge', taskId, user, manager);
      if (found.task.acknowledgedAt !== null) return;
      if (!stateAllows('acknowledge', { ...this.state(found), awaitingSignoff: true })) {
        throw new TaskClosedError(found.task.status);
      }
      checkVersion(found, version);
      await updateTaskVersioned(manager, found.task, {
        acknowledged_at: this.clock.now(),
        acknowledged_by_id: user.id,
      });
      await this.audit.record(manager, {
        taskId,
        actor: { id: user.id, name: found.actorName },
        action: 'task.acknowledged',
        detail: { departmentId: user.departmentId },
      });
      // The outbox reschedules the task's reminders once this commits (签收 drops its signoff reminders).
      await this.outbox.record(manager, {
        taskId,
        kind: 'task.changed',
        actor: { id: user.id, name: found.actorName },
      });
    });
    return this.details.detail(taskId, user);
  }

  /** The 承办人 (or none): an active officer of the caller's department, which must be the 主办 lead. */
  async nameAssignee(
    taskId: string,
    user: AuthUser,
    userId: string | null,
    version?: number,
  ): Promise<TaskDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const found = await this.loadPermitted('name_assignee', taskId, user, manager);
      if (!stateAllows('name_assignee', this.state(found))) throw new TaskClosedError(found.task.status);
      if (found.task.assigneeId === userId) return;
      checkVersion(found, version);
      const after = userId === null ? null : await officerRef(manager, userId, user.departmentId);
      if (userId !== null && after === null) {
        throw new ValidationError('TASK_ASSIGNEE_INVALID', '承办人须为本单位（主办单位）的在职经办人。', {
          fields: [{ field: 'userId', reasons: ['不是主办单位的在职经办人'] }],
        });
      }
      const before = found.task.assigneeId ? await officerRef(manager, found.task.assigneeId, null) : null;
      await updateTaskVersioned(manager, found.task, { assignee_id: userId });
      await this.audit.record(manager, {
        taskId,
        actor: { id: user.id, name: found.actorName },
        action: 'task.assignee_named',
        detail: { before, after },
      });
    });
    return this.details.detail(taskId, user);
  }

  /** Active officers of the caller's department, for the 承办人 picker (主办 lead officers only). */
  async assigneeCandidates(taskId: string, user: AuthUser): Promise<UserRefDto[]> {
    await this.loadPermitted('name_assignee', taskId, user, this.dataSource.manager, false);
    return activeOfficersOf(this.dataSource, user.departmentId);
  }

  /**
   * 督查室 makes another lead the 主办. The new 主办 signs off anew (reminders from now) and names its own
   * 承办人; both departments are told. Naming the 主办 in force changes nothing.
   */
  async changeMainLead(
    taskId: string,
    user: AuthUser,
    departmentId: string,
    version?: number,
  ): Promise<TaskDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const found = await this.loadPermitted('change_main_lead', taskId, user, manager);
      // The number of leads is judged below (400 for a department that is not one), not as a state.
      if (!stateAllows('change_main_lead', { ...this.state(found), leadCount: 2 })) {
        throw new TaskClosedError(found.task.status);
      }
      checkVersion(found, version);
      const leads = await leadsWithMain(manager, taskId);
      const target = leads.find((lead) => lead.department_id === departmentId);
      if (!target) {
        throw new ValidationError(
          'TASK_MAIN_LEAD_NOT_LEAD',
          '所选单位不是该任务的牵头单位；请先在「调整责任单位」中将其列为牵头单位。',
          { fields: [{ field: 'departmentId', reasons: ['不是该任务的牵头单位'] }] },
        );
      }
      const current = leads.find((lead) => lead.main) ?? null;
      if (target.main) return;
      await makeMainLead(manager, taskId, departmentId);
      await updateTaskVersioned(manager, found.task, {
        signoff_requested_at: this.clock.now(),
        acknowledged_at: null,
        acknowledged_by_id: null,
        assignee_id: null,
      });
      const ref = (lead: { department_id: string; name: string } | null) =>
        lead ? { id: lead.department_id, name: lead.name } : null;
      await this.audit.record(manager, {
        taskId,
        actor: { id: user.id, name: found.actorName },
        action: 'task.main_lead_changed',
        detail: { before: ref(current), after: ref(target) },
      });
      await this.notifier.notify(manager, {
        taskId,
        rule: 'task.main_lead_changed',
        title: `主办单位调整：${found.task.title}`,
        body: `督查室将「${found.task.title}」的主办单位由${current?.name ?? '（未指定）'}调整为${target.name}。请${target.name}签收并指定承办人。`,
        departmentIds: [target.department_id, ...(current ? [current.department_id] : [])],
      });
      // The outbox reschedules the task's reminders once this commits (签收 drops its signoff reminders).
      await this.outbox.record(manager, {
        taskId,
        kind: 'task.changed',
        actor: { id: user.id, name: found.actorName },
      });
    });
    return this.details.detail(taskId, user);
  }

  private async loadPermitted(
    action: TaskAction,
    taskId: string,
    user: AuthUser,
    manager: EntityManager,
    lock = true,
  ): Promise<TaskForActor> {
    const found = await this.access.load(taskId, user, manager, lock);
    if (!roleAllows(found.actor, action)) throw new TaskActionForbiddenError(action);
    return found;
  }

  private state(found: TaskForActor) {
    return { status: found.task.status, hasPendingExtension: false };
  }
}

function checkVersion(found: TaskForActor, expected: number | undefined): void {
  if (expected !== undefined && expected !== found.task.version) {
    throw new TaskVersionConflictError(expected, found.task.version);
  }
}
