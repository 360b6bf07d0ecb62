import { Module } from '@nestjs/common';
import { NotificationsCoreModule } from '../notifications/notifications-core.module';
import { reminderPolicyProvider, REMINDER_POLICY } from './reminder-policy.provider';
import { ReminderReconciler } from './reminder.reconciler';
import { ReminderScheduler } from './reminder.scheduler';
import { ReminderTaskSource } from './reminder-task.source';

/**
 * Scheduling side of reminders, for the API and the worker. Task workflows inject
 * `ReminderScheduler` and call `taskChanged(taskId)` after a change commits.
 */
@Module({
  imports: [NotificationsCoreModule],
  providers: [ReminderTaskSource, reminderPolicyProvider, ReminderScheduler, ReminderReconciler],
  exports: [ReminderTaskSource, REMINDER_POLICY, ReminderScheduler, ReminderReconciler],
})
export class RemindersModule {}
