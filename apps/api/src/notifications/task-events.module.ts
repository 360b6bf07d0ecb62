import { Module } from '@nestjs/common';
import { TaskEventOutbox } from '../events/task-event-outbox';
import { TaskEventNotifier } from './task-event-notifier';

/**
 * For features that change tasks: `TaskEventOutbox.record` (a task event in the caller's transaction) and
 * `TaskEventNotifier.notify` (a notice with its own text and recipients, recorded the same way).
 */
@Module({ providers: [TaskEventOutbox, TaskEventNotifier], exports: [TaskEventOutbox, TaskEventNotifier] })
export class TaskEventsModule {}
