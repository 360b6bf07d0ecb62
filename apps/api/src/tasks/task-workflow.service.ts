import {
  canTransition,
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
import type { Clock } from '../infra/queue/clock';
import { TaskEventOutbox } from '../events/task-event-outbox';
import { InjectTaskClock } from './clock';
import { TaskAccessService, type TaskForActor } from './task-access.service';
import { EvidenceRequiredError, forbiddenTransition, TaskVersionConflictError } from './task.errors';
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
    @InjectTaskClock() private readonly clock: Clock,
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
      const [report] = await manager.query<{ id: string }[]>(
        `INSERT INTO progress_reports (task_id, department_id, author_id, text, created_at, cooperation)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [taskId, user.departmentId, user.id, text, now, cooperation],
      );
      await this.update(manager, found, { status: to, last_report_at: now });
      await this.audit.record(manager, {
        taskId,
        actor: { id: user.id, name: found.actorName },
        action: 'task.progress_reported',
        fromStatus: from,
        toStatus: to,
        detail: { reportId: report.id, departmentId: user.departmentId, text, cooperation },
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
      const [{ n }] = await manager.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM evidence_files e
          WHERE e.task_id = $1
            AND EXISTS (SELECT 1 FROM task_assignments a
                         WHERE a.task_id = e.task_id AND a.department_id = e.department_id AND a.role = 'lead')`,
        [taskId],
      );
      if (n === 0) throw new EvidenceRequiredError();
      await this.update(manager, found, { status: 'submitted', submission_summary: summary });
      await this.audit.record(manager, {
        taskId,
        actor: { id: user.id, name: found.actorName },
        action: 'task.submitted',
        fromStatus: from,
        toStatus: 'submitted',
        detail: { summary, evidenceCount: n },
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
      await this.update(manager, found, {
        status: 'done',
        completed_at: completedAt,
        completed_on_time: verdict.completedOnTime,
        completed_on_time_original: verdict.completedOnTimeOriginal,
        return_reason: null,
      });
      await this.audit.record(manager, {
        taskId,
        actor: { id: user.id, name: found.actorName },
        action: 'task.approved',
        fromStatus: from,
        toStatus: 'done',
        detail: {
          comment: comment ?? null,
          deadline: found.task.deadline,
          originalDeadline: found.task.originalDeadline,
          ...verdict,
        },
      });
      await this.event(manager, found, user, 'task.approved', { reason: comment ?? null });
    });
    return this.details.detail(taskId, user);
  }

  async returnTask(taskId: string, user: AuthUser, reason: string, version?: number): Promise<TaskDetailDto> {
    await this.inTransaction('return', taskId, user, version, async (manager, found) => {
      const from = found.task.status;
      if (!canTransition(from, 'returned')) throw forbiddenTransition(from, 'returned', 'return');
      await this.update(manager, found, { status: 'returned', return_reason: reason });
      await this.audit.record(manager, {
        taskId,
        actor: { id: user.id, name: found.actorName },
        action: 'task.returned',
        fromStatus: from,
        toStatus: 'returned',
        detail: { reason },
      });
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

  /** Conditional update: bumps the version, and fails with 409 if someone else changed the row meanwhile. */
  private async update(
    manager: EntityManager,
    found: TaskForActor,
    changes: Record<string, string | Date | boolean | null>,
  ): Promise<void> {
    const columns = Object.keys(changes);
    const assignments = columns.map((column, index) => `"${column}" = $${index + 3}`).join(', ');
    const result = await manager.query<[unknown[], number]>(
      `UPDATE tasks SET ${assignments}, version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2 RETURNING version`,
      [found.task.id, found.task.version, ...columns.map((column) => changes[column])],
    );
    if (result[1] !== 1) throw new TaskVersionConflictError(found.task.version, found.task.version + 1);
  }
}
