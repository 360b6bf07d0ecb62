import { Module } from '@nestjs/common';
import { EventsRelayModule } from '../events/events-relay.module';
import { TaskEventJobs } from '../events/task-event.jobs';
import { WorkerHost } from '../infra/queue/worker.host';
import { NotificationsCoreModule } from '../notifications/notifications-core.module';
import { ReminderJobs } from './reminder.jobs';
import { RemindersModule } from './reminders.module';

/** What only the worker process runs: the queue consumers and their handlers (reminders, deliveries, the task-event outbox). */
@Module({
  imports: [RemindersModule, NotificationsCoreModule, EventsRelayModule],
  providers: [WorkerHost, ReminderJobs, TaskEventJobs],
})
export class RemindersWorkerModule {}
