import { isClosedStatus, isIsoDate, isOpenStatus, shanghaiDate, type TaskDetailDto } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.decorators';
import { ConflictError, NotFoundError, ValidationError } from '../infra/http/domain-error';
import { Clock } from '../infra/queue/clock';
import { TaskEventOutbox } from '../events/task-event-outbox';
import { ExtensionRequestEntity } from './extension-request.entity';
import { TaskAccessService } from './task-access.service';
import { insertExtensionRequest, recordExtensionDecision } from './extension.queries';
import { forbiddenTransition, TaskErrorCode } from './task.errors';
import { extendTaskDeadline } from './task.repository';
import { TaskDetailReader } from './detail/task-detail.reader';

/**
 * Deadline extensions (申请延期): the lead department asks with a reason and a new date; a supervisor
 * grants (the task's deadline in force moves, the first imported deadline is kept in
 * `original_deadline`) or refuses with a reason. At most one request is pending per task.
 */
/** How far past the current time limit (or today) an extension may reach. */
export const MAX_EXTENSION_YEARS = 5;

@Injectable()
export class ExtensionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: TaskAccessService,
    private readonly audit: AuditService,
    private readonly details: TaskDetailReader,
    private readonly clock: Clock,
    private readonly outbox: TaskEventOutbox,
  ) {}

  async request(
    taskId: string,
    user: AuthUser,
    input: { reason: string; requestedDeadline: string; version?: number },
  ): Promise<TaskDetailDto> {
    if (!isIsoDate(input.requestedDeadline)) {
      throw invalidDeadline('requestedDeadline 不是有效日期');
    }
    await this.dataSource.transaction(async (manager) => {
      const found = await this.access.loadFor('request_extension', taskId, user, manager, input.version);
      const { task } = found;
      if (!isOpenStatus(task.status))
        throw forbiddenTransition(task.status, 'in_progress', 'request_extension');
      const today = shanghaiDate(this.clock.now());
      if (input.requestedDeadline < today) throw invalidDeadline('延期后的时限不能早于今天');
      if (task.deadline !== null && input.requestedDeadline <= task.deadline) {
        throw invalidDeadline(`延期后的时限须晚于当前时限 ${task.deadline}`);
      }
      // No extension runs to 9999-12-31: at most MAX_EXTENSION_YEARS past the current time limit (or today).
      const base = task.deadline !== null && task.deadline > today ? task.deadline : today;
      const latest = `${Number(base.slice(0, 4)) + MAX_EXTENSION_YEARS}${base.slice(4)}`;
      if (input.requestedDeadline > latest) {
        throw invalidDeadline(
          `延期后的时限不能晚于 ${latest}（当前时限或今天起 ${MAX_EXTENSION_YEARS} 年内）`,
        );
      }
      const pending = await manager.count(ExtensionRequestEntity, { where: { taskId, status: 'pending' } });
      if (pending > 0) {
        throw new ConflictError(
          TaskErrorCode.ExtensionPending,
          '该任务已有待审批的延期申请，请等待督查室处理。',
          {
            allowed: [],
          },
        );
      }
      const extensionId = await insertExtensionRequest(manager, {
        taskId,
        departmentId: user.departmentId,
        requestedById: user.id,
        reason: input.reason,
        currentDeadline: task.deadline,
        requestedDeadline: input.requestedDeadline,
      });
      await this.audit.record(manager, {
        taskId,
        actor: { id: user.id, name: found.actorName },
        action: 'extension.requested',
        detail: {
          extensionId,
          reason: input.reason,
          currentDeadline: task.deadline,
          requestedDeadline: input.requestedDeadline,
        },
      });
      await this.outbox.record(manager, {
        taskId,
        kind: 'extension.requested',
        actor: { id: user.id, name: found.actorName },
        payload: {
          extensionId,
          departmentId: user.departmentId,
          reason: input.reason,
          previousDeadline: task.deadline,
          requestedDeadline: input.requestedDeadline,
        },
      });
    });
    return this.details.detail(taskId, user);
  }

  async grant(extensionId: string, user: AuthUser, reason: string | undefined): Promise<TaskDetailDto> {
    const taskId = await this.decide(
      extensionId,
      user,
      'granted',
      reason ?? null,
      (manager, extension, version) =>
        extendTaskDeadline(manager, { id: extension.taskId, version }, extension.requestedDeadline),
    );
    // The deadline in force moved: the task event of the decision reschedules its reminders.
    return this.details.detail(taskId, user);
  }

  async refuse(extensionId: string, user: AuthUser, reason: string): Promise<TaskDetailDto> {
    const taskId = await this.decide(extensionId, user, 'refused', reason, () => Promise.resolve());
    return this.details.detail(taskId, user);
  }

  private async decide(
    extensionId: string,
    user: AuthUser,
    decision: 'granted' | 'refused',
    reason: string | null,
    apply: (manager: EntityManager, extension: ExtensionRequestEntity, taskVersion: number) => Promise<void>,
  ): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const extension = await manager
        .getRepository(ExtensionRequestEntity)
        .createQueryBuilder('x')
        .where('x.id = :extensionId', { extensionId })
        .setLock('pessimistic_write')
        .getOne();
      if (!extension) {
        throw new NotFoundError(TaskErrorCode.ExtensionNotFound, '延期申请不存在。', { extensionId });
      }
      const action = decision === 'granted' ? 'grant_extension' : 'refuse_extension';
      const found = await this.access.loadFor(action, extension.taskId, user, manager);
      if (extension.status !== 'pending') {
        throw new ConflictError(TaskErrorCode.ExtensionDecided, '该延期申请已处理，不能重复审批。', {
          status: extension.status,
        });
      }
      if (decision === 'granted' && isClosedStatus(found.task.status)) {
        throw forbiddenTransition(found.task.status, 'in_progress', 'grant_extension');
      }
      await apply(manager, extension, found.task.version);
      await recordExtensionDecision(manager, extension.id, {
        status: decision,
        decidedById: user.id,
        reason,
        at: this.clock.now(),
      });
      await this.audit.record(manager, {
        taskId: extension.taskId,
        actor: { id: user.id, name: found.actorName },
        action: `extension.${decision}`,
        detail: {
          extensionId: extension.id,
          reason,
          previousDeadline: found.task.deadline,
          originalDeadline: found.task.originalDeadline ?? found.task.deadline,
          requestedDeadline: extension.requestedDeadline,
        },
      });
      // To the requester's department and the lead; a grant also reschedules the reminders.
      await this.outbox.record(manager, {
        taskId: extension.taskId,
        kind: `extension.${decision}`,
        actor: { id: user.id, name: found.actorName },
        payload: {
          extensionId: extension.id,
          departmentId: extension.departmentId,
          reason,
          previousDeadline: found.task.deadline,
          requestedDeadline: extension.requestedDeadline,
        },
      });
      return extension.taskId;
    });
  }
}

function invalidDeadline(reason: string): ValidationError {
  return new ValidationError(TaskErrorCode.InvalidDeadline, `延期时限不正确：${reason}。`, {
    fields: [{ field: 'requestedDeadline', reasons: [reason] }],
  });
}
