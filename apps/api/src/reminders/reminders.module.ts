import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { NotificationsCoreModule } from '../notifications/notifications-core.module';
import { ReminderPolicyController } from './reminder-policy.controller';
import { ReminderPolicyService } from './reminder-policy.service';
import { ReminderReconciler } from './reminder.reconciler';
import { ReminderScheduler } from './reminder.scheduler';
import { ReminderTaskSource } from './reminder-task.source';

/**
 * Scheduling side of reminders, for the API and the worker. Task workflows inject
 * `ReminderScheduler` and call `taskChanged(taskId)` after a change commits. Also serves the
 * admins' reminder policy (GET/PUT /api/admin/reminder-policy).
 */
@Module({
  imports: [NotificationsCoreModule, CalendarModule],
  controllers: [ReminderPolicyController],
  providers: [ReminderTaskSource, ReminderPolicyService, ReminderScheduler, ReminderReconciler],
  exports: [ReminderTaskSource, ReminderPolicyService, ReminderScheduler, ReminderReconciler],
})
export class RemindersModule {}
