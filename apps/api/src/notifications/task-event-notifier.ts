import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TaskEventOutbox, type NoticeKind } from '../events/task-event-outbox';

/** A task event that departments (or the 督查室) should read: an edit, a comment, a mention. */
export interface TaskEventNotice {
  taskId: string;
  /** e.g. 'task.deadline_edited', 'comment.mention' — shown as the notification's rule. */
  rule: string;
  title: string;
  body: string;
  departmentIds: readonly string[];
  /** Also the supervisors (a department's comment on a task). */
  supervisors?: boolean;
}

/**
 * Notices with their own text and recipients, recorded in the caller's transaction as a task event (the
 * outbox, `task_events`), so a notice exists exactly when the change it tells of committed. The worker's
 * fan-out turns it into one notification per recipient and one delivery per user and channel (inbox,
 * e-mail, department webhook) by each user's preferences, like every other task event.
 */
@Injectable()
export class TaskEventNotifier {
  constructor(private readonly outbox: TaskEventOutbox) {}

  /** Records the notice; answers how many recipients (departments, plus the 督查室) it names. */
  async notify(manager: EntityManager, notice: TaskEventNotice): Promise<number> {
    const departmentIds = [...new Set(notice.departmentIds)];
    const recipients = departmentIds.length + (notice.supervisors ? 1 : 0);
    if (recipients === 0) return 0;
    await this.outbox.record(manager, {
      taskId: notice.taskId,
      kind: notice.rule as NoticeKind,
      payload: {
        notice: true,
        title: notice.title,
        body: notice.body,
        departmentIds,
        supervisors: notice.supervisors === true,
      },
    });
    return recipients;
  }
}
