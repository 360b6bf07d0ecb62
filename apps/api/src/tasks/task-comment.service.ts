import type { CreateCommentRequestDto, TaskCommentDto } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.decorators';
import { DepartmentsService } from '../departments/departments.service';
import { ForbiddenError, ValidationError } from '../infra/http/domain-error';
import { TaskEventNotifier } from '../notifications/task-event-notifier';
import { TaskAccessService } from './task-access.service';
import { assignedDepartments } from './task-assignment.queries';
import { commentOnTask, commentsForTask, insertComment } from './task-comment.queries';

/** `@发改委` up to the next space or punctuation mark. */
const MENTION = /@([^\s@，。、；：,.;:!?！？（）()「」“”]{2,30})/gu;

/** The names written as @mentions in a comment, in order, once each. */
export function mentionedNames(text: string): string[] {
  return [...new Set([...text.matchAll(MENTION)].map((m) => m[1]))];
}

/**
 * 督办意见 and replies. Supervisors and the task's departments may write (others: 404 as for the task,
 * admins 403); a mention names one of the task's departments, as @简称 (resolved through the registry's
 * names and aliases) or picked. The comment is in the thread and in the timeline (audit `task.commented`);
 * the other side is notified: a supervisor's comment reaches the task's departments, a department's the
 * 督查室, and mentioned departments always.
 */
@Injectable()
export class TaskCommentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: TaskAccessService,
    private readonly audit: AuditService,
    private readonly notifier: TaskEventNotifier,
    private readonly departments: DepartmentsService,
  ) {}

  async list(taskId: string, user: AuthUser): Promise<TaskCommentDto[]> {
    await this.access.load(taskId, user);
    return this.forTask(taskId);
  }

  /** The thread of a task, oldest first (the caller has checked access). */
  async forTask(taskId: string, manager: EntityManager = this.dataSource.manager): Promise<TaskCommentDto[]> {
    return commentsForTask(manager, taskId);
  }

  async create(taskId: string, user: AuthUser, body: CreateCommentRequestDto): Promise<TaskCommentDto[]> {
    if (user.role === 'admin') {
      throw new ForbiddenError('TASK_ACTION_FORBIDDEN', '系统管理员不参与督办，不能发表督办意见。');
    }
    await this.dataSource.transaction(async (manager) => {
      const found = await this.access.load(taskId, user, manager, true);
      const assigned = await assignedDepartments(manager, taskId);
      const mentions = await this.resolveMentions(manager, body, assigned);
      if (body.replyTo) {
        if (!(await commentOnTask(manager, body.replyTo, taskId))) {
          throw new ValidationError(
            'COMMENT_REPLY_NOT_FOUND',
            '要回复的意见不存在或不属于本任务，请刷新后重试。',
          );
        }
      }
      const supervisor = user.role === 'supervisor';
      const commentId = await insertComment(manager, {
        taskId,
        replyToId: body.replyTo ?? null,
        authorId: user.id,
        authorName: found.actorName,
        departmentId: user.departmentId,
        bySupervisor: supervisor,
        text: body.text,
        mentionIds: mentions.map((m) => m.id),
      });
      await this.audit.record(manager, {
        taskId,
        actor: { id: user.id, name: found.actorName },
        action: 'task.commented',
        detail: { commentId, replyTo: body.replyTo ?? null, text: body.text, mentions },
      });
      const title = found.task.title;
      const excerpt = body.text.length > 120 ? `${body.text.slice(0, 119)}…` : body.text;
      const mentionedIds = mentions.map((m) => m.id).filter((id) => id !== user.departmentId);
      if (mentionedIds.length > 0) {
        await this.notifier.notify(manager, {
          taskId,
          rule: 'comment.mention',
          title: `${found.actorName} 在「${title}」中提到了本单位`,
          body: excerpt,
          departmentIds: mentionedIds,
        });
      }
      const others = supervisor ? assigned.map((d) => d.id).filter((id) => !mentionedIds.includes(id)) : [];
      if (supervisor ? others.length > 0 : true) {
        await this.notifier.notify(manager, {
          taskId,
          rule: 'comment.created',
          title: supervisor ? `督办意见：${title}` : `${found.actorName} 回复了「${title}」`,
          body: excerpt,
          departmentIds: others,
          supervisors: !supervisor,
        });
      }
    });
    return this.forTask(taskId);
  }

  private async resolveMentions(
    manager: EntityManager,
    body: CreateCommentRequestDto,
    assigned: { id: string; name: string }[],
  ): Promise<{ id: string; name: string }[]> {
    const directory = await this.departments.directory(manager);
    const byId = new Map(assigned.map((d) => [d.id, d]));
    const out = new Map<string, { id: string; name: string }>();
    const outside: string[] = [];
    for (const name of mentionedNames(body.text)) {
      const department = directory.find(name);
      // An @ that names no unit (an e-mail address, a person) stays plain text.
      if (!department) continue;
      if (byId.has(department.id)) out.set(department.id, byId.get(department.id)!);
      else outside.push(name);
    }
    for (const id of body.mentionDepartmentIds ?? []) {
      const department = byId.get(id);
      if (department) out.set(id, department);
      else outside.push(id);
    }
    if (outside.length > 0) {
      throw new ValidationError(
        'COMMENT_MENTION_NOT_ON_TASK',
        `只能提及本任务的责任单位（${outside.join('、')} 不是本任务的责任单位）；如需其参与，请先调整责任单位。`,
        { fields: [{ field: 'text', reasons: outside.map((n) => `${n} 不是本任务的责任单位`) }] },
      );
    }
    return [...out.values()];
  }
}
