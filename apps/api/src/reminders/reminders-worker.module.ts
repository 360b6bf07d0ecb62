import { Module } from '@nestjs/common';
import { WorkerHost } from '../infra/queue/worker.host';
import { NotificationsCoreModule } from '../notifications/notifications-core.module';
import { ReminderJobs } from './reminder.jobs';
import { RemindersModule } from './reminders.module';

/** What only the worker process runs: the queue consumers and their handlers. */
@Module({
  imports: [RemindersModule, NotificationsCoreModule],
  providers: [WorkerHost, ReminderJobs],
})
export class RemindersWorkerModule {}
