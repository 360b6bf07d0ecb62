import { messageBody, taskEventMessage, TASK_EVENT_KINDS, type TaskEventKind } from '@duban/domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { Clock } from '../infra/queue/clock';
import { QueueService } from '../infra/queue/queue.service';
import { insertEventNotifications, type EventNotificationRow } from '../notifications/event-fanout';
import {
  EventRecipientRules,
  eventNotificationKey,
  type EventRecipient,
  type RecordedEvent,
} from '../notifications/event-recipients';
import { departmentNames } from '../notifications/fanout.queries';
import { SUPERVISORS_NAME, taskLink } from '../notifications/notification-fanout.service';
import { ReminderScheduler } from '../reminders/reminder.scheduler';
import { lockUnprocessedEvents, markEventsProcessed, pruneProcessedEvents } from './task-events.queries';

const KNOWN_KINDS: ReadonlySet<string> = new Set(TASK_EVENT_KINDS);
/** Rescheduling waits at most this long inside the batch's transaction; then the batch is retried later. */
const RESCHEDULE_TIMEOUT_MS = 10_000;
/** After a failed batch, the next kick waits at least this long (the poll retries anyway). */
const FAILURE_PAUSE_MS = 1_000;

export interface DrainResult {
  events: number;
  notifications: number;
  inbox: number;
  email: number;
  webhook: number;
  tasksRescheduled: number;
}

const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/** Comments change nothing a reminder depends on; every other event may (status, deadline, parties, reports). */
function reschedules(kind: string): boolean {
  return !kind.startsWith('comment.');
}

/**
 * Drains the task-event outbox. One batch = one transaction: lock up to EVENTS_BATCH_SIZE unprocessed
 * events (`FOR UPDATE SKIP LOCKED`, so concurrent workers take disjoint batches), write every recipient's
 * notification and delivery rows, reschedule the tasks' reminders, mark the events processed, commit; then
 * enqueue the e-mail and webhook jobs. A worker killed mid-batch commits nothing: the next one redoes the
 * batch, and the unique keys keep it to one message per recipient and channel.
 */
@Injectable()
export class TaskEventRelay {
  private readonly logger = new Logger(TaskEventRelay.name);
  private running: Promise<void> | null = null;
  private again = false;
  private pausedUntil = 0;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: QueueService,
    private readonly clock: Clock,
    private readonly scheduler: ReminderScheduler,
  ) {}

  /** Wakes the drain; coalesced: a kick while it runs makes it look once more when done. Never throws. */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        const wait = this.pausedUntil - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        try {
          await this.drainAll();
        } catch (error) {
          this.pausedUntil = Date.now() + FAILURE_PAUSE_MS;
          this.logger.error(
            `draining task events failed (retried): ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Shutdown: no new drains; waits for the batch in flight to commit (or roll back). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  /** Batches until the outbox has nothing unlocked left; the totals. */
  async drainAll(): Promise<DrainResult> {
    const total: DrainResult = {
      events: 0,
      notifications: 0,
      inbox: 0,
      email: 0,
      webhook: 0,
      tasksRescheduled: 0,
    };
    for (;;) {
      const batch = await this.drainBatch();
      for (const key of Object.keys(total) as (keyof DrainResult)[]) total[key] += batch[key];
      if (batch.events < this.config.events.batchSize) return total;
    }
  }

  /** One batch in one transaction (see the class comment). */
  async drainBatch(): Promise<DrainResult> {
    const { result, jobs } = await this.dataSource.transaction(async (manager) => {
      const events = await lockUnprocessedEvents(manager, this.config.events.batchSize);
      const done: DrainResult = {
        events: events.length,
        notifications: 0,
        inbox: 0,
        email: 0,
        webhook: 0,
        tasksRescheduled: 0,
      };
      if (events.length === 0) return { result: done, jobs: [] };
      const rules = await EventRecipientRules.load(
        manager,
        events.map((e) => e.taskId),
      );
      const rows = await this.plan(manager, events, rules);
      const fanOut = await insertEventNotifications(manager, rows, {
        now: this.clock.now(),
        email: this.config.mail.smtpUrl !== null,
      });
      done.notifications = fanOut.notifications;
      done.inbox = fanOut.deliveries.inbox;
      done.email = fanOut.deliveries.email;
      done.webhook = fanOut.deliveries.webhook;
      // Inside the transaction: a failure rolls the batch back and it is retried; rescheduling is idempotent,
      // so a crash after it and before the commit only repeats it.
      const taskIds = [...new Set(events.filter((e) => reschedules(e.kind)).map((e) => e.taskId))];
      if (taskIds.length > 0) {
        await withTimeout(this.scheduler.tasksChanged(taskIds), RESCHEDULE_TIMEOUT_MS);
        done.tasksRescheduled = taskIds.length;
      }
      await markEventsProcessed(
        manager,
        events.map((e) => e.id),
      );
      return { result: done, jobs: fanOut.jobs };
    });
    // After commit: if this process dies first, the reconciler re-enqueues deliveries still to send.
    await this.queues.addBulk(jobs);
    return result;
  }

  /** Deletes processed events older than EVENTS_RETENTION_DAYS (a bounded batch per call). */
  async prune(): Promise<number> {
    return pruneProcessedEvents(this.dataSource, this.config.events.retentionDays);
  }

  /** The notification rows of a batch: one per event and recipient, with its zh-CN message. */
  private async plan(
    manager: EntityManager,
    events: readonly RecordedEvent[],
    rules: EventRecipientRules,
  ): Promise<EventNotificationRow[]> {
    const planned = events.flatMap((event) =>
      rules.recipients(event).map((recipient) => ({ event, recipient })),
    );
    const departmentIds = new Set<string>();
    for (const { event, recipient } of planned) {
      if (recipient.kind === 'department') departmentIds.add(recipient.departmentId);
      const from = str(event.payload['departmentId']);
      if (from) departmentIds.add(from);
      for (const id of rules.tasks.get(event.taskId)?.leadDepartmentIds ?? []) departmentIds.add(id);
    }
    const names = new Map((await departmentNames(manager, [...departmentIds])).map((r) => [r.id, r.name]));
    const nameOf = (id: string): string => names.get(id) ?? id;
    const recipientName = (r: EventRecipient): string =>
      r.kind === 'department' ? nameOf(r.departmentId) : r.kind === 'user' ? r.name : SUPERVISORS_NAME;
    return planned.flatMap(({ event, recipient }) => {
      const task = rules.tasks.get(event.taskId);
      if (!task) return [];
      const p = event.payload;
      const link = taskLink(this.config.app.baseUrl, task.id);
      let message: { title: string; body: string };
      if (p['notice'] === true || !KNOWN_KINDS.has(event.kind)) {
        message = {
          title: str(p['title']) ?? task.title,
          body: messageBody(recipientName(recipient), [str(p['body']) ?? ''], link),
        };
      } else {
        const from = str(p['departmentId']);
        message = taskEventMessage({
          kind: event.kind as TaskEventKind,
          taskTitle: task.title,
          documentTitle: task.documentTitle,
          deadline: task.deadline,
          actorName: event.actor?.name ?? null,
          departmentName: from ? nameOf(from) : null,
          leadNames: task.leadDepartmentIds.map(nameOf),
          reason: str(p['reason']),
          text: str(p['text']),
          previousDeadline: str(p['previousDeadline']),
          requestedDeadline: str(p['requestedDeadline']),
          recipientName: recipientName(recipient),
          link,
        });
      }
      return [
        {
          key: eventNotificationKey(event.id, recipient),
          eventId: event.id,
          taskId: task.id,
          rule: event.kind,
          recipient,
          ...message,
        },
      ];
    });
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`rescheduling timed out after ${ms} ms`)), ms);
      timer.unref();
    }),
  ]).finally(() => clearTimeout(timer));
}
