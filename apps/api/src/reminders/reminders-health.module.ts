import { Module } from '@nestjs/common';
import { NotificationsCoreModule } from '../notifications/notifications-core.module';
import { ReminderReadinessService } from './reminder-readiness.service';
import { RemindersModule } from './reminders.module';

/** API only (it needs the HTTP app's HealthService): the reminder system's part of readiness. */
@Module({
  imports: [RemindersModule, NotificationsCoreModule],
  providers: [ReminderReadinessService],
  exports: [ReminderReadinessService],
})
export class RemindersHealthModule {}
