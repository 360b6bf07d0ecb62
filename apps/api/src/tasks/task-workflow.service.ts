import {
  canTransition,
  type AuditAction,
  completionVerdict,
  statusAfterProgress,
  type TaskAction,
  type TaskDetailDto,
  type TaskEventKind,
  type TaskStatus,
} from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.decorators';
import { Clock } from '../infra/queue/clock';
import { TaskEventOutbox } from '../events/task-event-outbox';
import { TaskAccessService, type TaskForActor } from './task-access.service';
import { leadEvidenceCount } from '../evidence/evidence.queries';
import { insertProgressReport } from './progress-report.queries';
import { EvidenceRequiredError, forbiddenTransition } from './task.errors';
import { updateTaskVersioned } from './task.repository';
import { TaskDetailReader } from './detail/task-detail.reader';

/**
 * Status transitions of a task (progress, submit, approve, return). Each runs in one transaction: the
 * task row is locked, the caller's right and the expected version checked, the row updated with
 * `WHERE version = $expected` (so a concurrent writer can never be overwritten) and the audit entry
 * written alongside.
 */
@Injectable()
export class TaskWorkflowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: TaskAccessService,
    private readonly audit: AuditService,
    private readonly details: TaskDetailReader,
    private readonly clock: Clock,
    private readonly outbox: TaskEventOutbox,
  ) {}

  async reportProgress(
    taskId: string,
    user: AuthUser,
    text: string,
    version?: number,
  ): Promise<TaskDetailDto> {
    await this.inTransaction('report_progress', taskId, user, version, async (manager, found) => {
      const from = found.task.status;
      let to: TaskStatus;
      if (from === 'in_progress') to = from;
      else if (canTransition(from, 'in_progress')) to = statusAfterProgress(from);
      else throw forbiddenTransition(from, 'in_progress', 'report_progress');
      const now = this.clock.now();
      // 配合意见: a co-lead's or participant's report on its part; the 主办 lead is told in its inbox.
      const cooperation = found.actor.mainLead !== true;
      const reportId = await insertProgressReport(manager, {
        taskId,
        departmentId: user.departmentId,
        authorId: user.id,
        text,
        createdAt: now,
        cooperation,
      });
      await updateTaskVersioned(manager, found.task, { status: to, last_report_at: now });
      await this.audited(manager, found, user, 'task.progress_reported', from, to, {
        reportId,
        departmentId: user.departmentId,
        text,
        cooperation,
      });
      // 配合意见 (a co-lead's or participant's report) reaches the 主办 lead; the 主办's own only moves its reminders.
      await this.event(manager, found, user, cooperation ? 'report.participant' : 'task.progress', {
        departmentId: user.departmentId,
        text,
      });
    });
    return this.details.detail(taskId, user);
  }

  async submit(taskId: string, user: AuthUser, summary: string, version?: number): Promise<TaskDetailDto> {
    await this.inTransaction('submit', taskId, user, version, async (manager, found) => {
      const from = found.task.status;
      if (!canTransition(from, 'submitted')) throw forbiddenTransition(from, 'submitted', 'submit');
      // Only a lead department's own files count: a participant's upload alone does not complete it.
      const n = await leadEvidenceCount(manager, taskId);
      if (n === 0) throw new EvidenceRequiredError();
      await updateTaskVersioned(manager, found.task, { status: 'submitted', submission_summary: summary });
      await this.audited(manager, found, user, 'task.submitted', from, 'submitted', {
        summary,
        evidenceCount: n,
      });
      await this.event(manager, found, user, 'task.submitted', {
        departmentId: user.departmentId,
        text: summary,
      });
    });
    return this.details.detail(taskId, user);
  }

  async approve(
    taskId: string,
    user: AuthUser,
    comment: string | undefined,
    version?: number,
  ): Promise<TaskDetailDto> {
    await this.inTransaction('approve', taskId, user, version, async (manager, found) => {
      const from = found.task.status;
      if (!canTransition(from, 'done')) throw forbiddenTransition(from, 'done', 'approve');
      const completedAt = this.clock.now();
      const verdict = completionVerdict({
        completedAt,
        deadline: found.task.deadline,
        originalDeadline: found.task.originalDeadline,
      });
      await updateTaskVersioned(manager, found.task, {
        status: 'done',
        completed_at: completedAt,
        completed_on_time: verdict.completedOnTime,
        completed_on_time_original: verdict.completedOnTimeOriginal,
        return_reason: null,
      });
      await this.audited(manager, found, user, 'task.approved', from, 'done', {
        comment: comment ?? null,
        deadline: found.task.deadline,
        originalDeadline: found.task.originalDeadline,
        ...verdict,
      });
      await this.event(manager, found, user, 'task.approved', { reason: comment ?? null });
    });
    return this.details.detail(taskId, user);
  }

  async returnTask(taskId: string, user: AuthUser, reason: string, version?: number): Promise<TaskDetailDto> {
    await this.inTransaction('return', taskId, user, version, async (manager, found) => {
      const from = found.task.status;
      if (!canTransition(from, 'returned')) throw forbiddenTransition(from, 'returned', 'return');
      await updateTaskVersioned(manager, found.task, { status: 'returned', return_reason: reason });
      await this.audited(manager, found, user, 'task.returned', from, 'returned', { reason });
      await this.event(manager, found, user, 'task.returned', { reason });
    });
    return this.details.detail(taskId, user);
  }

  private async inTransaction(
    action: TaskAction,
    taskId: string,
    user: AuthUser,
    version: number | undefined,
    work: (manager: EntityManager, found: TaskForActor) => Promise<void>,
  ): Promise<void> {
    // Each transition records its task event in this transaction: the worker reschedules the reminders
    // (cancelled when done) and notifies the other side once it commits.
    await this.dataSource.transaction(async (manager) => {
      const found = await this.access.loadFor(action, taskId, user, manager, version);
      await work(manager, found);
    });
  }

  /** The transition's audit entry (the timeline's 状态 row), by the caller. */
  private async audited(
    manager: EntityManager,
    found: TaskForActor,
    user: AuthUser,
    action: AuditAction,
    fromStatus: TaskStatus,
    toStatus: TaskStatus,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(manager, {
      taskId: found.task.id,
      actor: { id: user.id, name: found.actorName },
      action,
      fromStatus,
      toStatus,
      detail,
    });
  }

  private async event(
    manager: EntityManager,
    found: TaskForActor,
    user: AuthUser,
    kind: TaskEventKind,
    payload: Record<string, unknown>,
  ): Promise<void> {
    await this.outbox.record(manager, {
      taskId: found.task.id,
      kind,
      payload,
      actor: { id: user.id, name: found.actorName },
    });
  }
}
