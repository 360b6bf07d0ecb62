import { isOpenStatus, reportDueDate, signoffDueDate, type TaskDetailDto } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { ReminderPolicyService } from '../reminders/reminder-policy.service';

/**
 * The dates the reminder policy in force sets for a task's page: the last day of its 签收 window (window and
 * working days) and, for an open task without a date, when its next progress report is due. The reminders
 * count from the very same domain functions.
 */
@Injectable()
export class SignoffDeadline {
  constructor(private readonly policies: ReminderPolicyService) {}

  async dueDate(requestedAt: Date): Promise<string> {
    return signoffDueDate(requestedAt.toISOString(), await this.policies.current());
  }

  async nextReportDue(task: {
    status: TaskDetailDto['status'];
    deadline: string | null;
    lastReportAt: string | null;
    createdAt: string;
    recurrence: TaskDetailDto['recurrence'];
  }): Promise<string | null> {
    if (task.deadline !== null || !isOpenStatus(task.status)) return null;
    return reportDueDate(task, await this.policies.current());
  }
}
