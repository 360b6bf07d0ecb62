import { Module } from '@nestjs/common';
import { TaskEventNotifier } from './task-event-notifier';

/** Inbox notices of task events (edits, comments, mentions), for the task feature. */
@Module({ providers: [TaskEventNotifier], exports: [TaskEventNotifier] })
export class TaskEventsModule {}
