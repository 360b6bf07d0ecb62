import { Module } from '@nestjs/common';
import { NotificationsCoreModule } from '../notifications/notifications-core.module';
import { ReminderReadinessService } from './reminder-readiness.service';
import { ReminderSystemController } from './reminder-system.controller';
import { RemindersModule } from './reminders.module';

/** API only (it needs the HTTP app's HealthService): the reminder system's part of readiness, and its admin view. */
@Module({
  imports: [RemindersModule, NotificationsCoreModule],
  controllers: [ReminderSystemController],
  providers: [ReminderReadinessService],
  exports: [ReminderReadinessService],
})
export class RemindersHealthModule {}
