import { signoffDueDate } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { ReminderPolicyService } from '../reminders/reminder-policy.service';

/** The last day of a task's 签收 window under the reminder policy in force (window and working days). */
@Injectable()
export class SignoffDeadline {
  constructor(private readonly policies: ReminderPolicyService) {}

  async dueDate(requestedAt: Date): Promise<string> {
    return signoffDueDate(requestedAt.toISOString(), await this.policies.current());
  }
}
