import type { TaskEventKind } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TaskEventActor } from './task-event.entity';
import { insertTaskEvents } from './task-events.queries';

export { TASK_EVENTS_CHANNEL } from './task-events.queries';

/**
 * A notice with its own rule, title, body and recipients (`TaskEventNotifier`), e.g. `task.deadline_edited`.
 * Its kind is the notice's rule; its payload carries the text and the recipients.
 */
export type NoticeKind = `task.${string}` | `comment.${string}`;

export interface TaskEventInput {
  taskId: string;
  kind: TaskEventKind | NoticeKind;
  /** The facts the recipients' messages need (reason, dates, text…); JSON. */
  payload?: Record<string, unknown>;
  actor?: TaskEventActor | null;
}

/**
 * Writes task events in the caller's transaction: the outbox row exists exactly when the change it tells
 * of committed, and the same statement NOTIFYs the worker (delivered at commit, nothing if rolled back).
 * A plain function too, for code without dependency injection (the importer, the CLI).
 */
export async function recordTaskEvents(
  manager: EntityManager,
  events: readonly TaskEventInput[],
): Promise<string[]> {
  if (events.length === 0) return [];
  const rows = events.map((e) => ({
    task_id: e.taskId,
    kind: e.kind,
    payload: e.payload ?? {},
    actor: e.actor ?? null,
  }));
  // One statement: the rows and one NOTIFY (see insertTaskEvents).
  return insertTaskEvents(manager, rows);
}

/** The one way services record task events (see `recordTaskEvents`). */
@Injectable()
export class TaskEventOutbox {
  /** Records one event or many in `manager`'s transaction; returns their ids. */
  record(manager: EntityManager, event: TaskEventInput | readonly TaskEventInput[]): Promise<string[]> {
    return recordTaskEvents(manager, Array.isArray(event) ? event : [event as TaskEventInput]);
  }
}
