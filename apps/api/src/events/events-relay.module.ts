import { Module } from '@nestjs/common';
import { RemindersModule } from '../reminders/reminders.module';
import { TaskEventRelay } from './task-event-relay';

/**
 * The outbox's drain (`TaskEventRelay`): started by the worker (`TaskEventJobs`); the API only holds it
 * so that tests and tools can drain at once.
 */
@Module({ imports: [RemindersModule], providers: [TaskEventRelay], exports: [TaskEventRelay] })
export class EventsRelayModule {}
