import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { JobName, QueueName } from '../infra/queue/queue.catalogue';
import { QueueService } from '../infra/queue/queue.service';
import { DeliveryRecoveryService } from '../notifications/delivery-recovery.service';
import { ReminderScheduler } from './reminder.scheduler';
import { ReminderTaskSource } from './reminder-task.source';

export const RECONCILE_SCHEDULER_ID = 'reminders-reconcile';
/** Reminder jobs finished (sent or skipped), counted by the worker: readiness subtracts them from the expected jobs. */
export const finishedCounterKey = (bullPrefix: string): string => `${bullPrefix}:reminders:finished`;
/** JSON of the last finished pass (`ReconcileRecord`), read by readiness. */
export const reconcileRecordKey = (bullPrefix: string): string => `${bullPrefix}:reminders:last-reconcile`;
const FAILED_RETRY_BATCH = 1000;

export interface ReconcileResult {
  tasks: number;
  scheduled: number;
  removed: number;
  deliveriesRequeued: number;
  /** Delivery jobs that had finished (failed or completed) while their row was still to send, run again. */
  deliveriesRevived: number;
  /** Deliveries past their retry window, marked `abandoned` by this pass. */
  deliveriesAbandoned: number;
  /** Reminder jobs that had failed every attempt (e.g. PostgreSQL down) and were retried. */
  failedRetried: number;
  /** Reminder jobs queued after the pass minus before: how many it re-created (approximately, jobs also run meanwhile). */
  recreated: number;
  ms: number;
}

export interface ReconcileRecord extends ReconcileResult {
  /** ISO time the pass finished (real time). */
  at: string;
  /** Reminder jobs queued right after the pass: what readiness expects to find, minus what was sent since. */
  queuedAfter: number;
  /** The finished-jobs counter at that moment. */
  finishedAtRecord: number;
}

/**
 * Recomputes every open task's reminders from PostgreSQL and re-creates missing jobs (existing ids
 * are no-ops), then makes every e-mail/webhook delivery still to send run again (reviving finished
 * jobs) and abandons those past their window. Records its last pass in Redis for readiness. Runs at worker start and
 * on a BullMQ job scheduler, so a Redis that lost its data is refilled without losing a reminder.
 */
@Injectable()
export class ReminderReconciler {
  private readonly logger = new Logger(ReminderReconciler.name);

  constructor(
    private readonly tasks: ReminderTaskSource,
    private readonly scheduler: ReminderScheduler,
    private readonly deliveries: DeliveryRecoveryService,
    private readonly queues: QueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async reconcile(): Promise<ReconcileResult> {
    const started = Date.now();
    const result: ReconcileResult = {
      tasks: 0,
      scheduled: 0,
      removed: 0,
      deliveriesRequeued: 0,
      deliveriesRevived: 0,
      deliveriesAbandoned: 0,
      failedRetried: 0,
      recreated: 0,
      ms: 0,
    };
    const queuedBefore = await this.queuedReminderJobs();
    for await (const page of this.tasks.openTasks()) {
      // Fresh: a policy change made in another process applies to this whole pass.
      const synced = await this.scheduler.syncMany(page, [], { freshPolicy: true });
      result.tasks += synced.tasks;
      result.scheduled += synced.scheduled;
      result.removed += synced.removed;
    }
    const deliveries = await this.deliveries.revive();
    result.deliveriesRequeued = deliveries.ensured;
    result.deliveriesRevived = deliveries.revived;
    result.deliveriesAbandoned = deliveries.abandoned;
    // A failed job keeps its id, so re-adding it is a no-op: retry it instead. Safe, because the
    // handler re-checks the task and the notification key before sending anything.
    const failed = await this.queues.get(QueueName.Reminders).getJobs(['failed'], 0, FAILED_RETRY_BATCH - 1);
    for (const job of failed) {
      if (
        await job.retry('failed').then(
          () => true,
          () => false,
        )
      )
        result.failedRetried += 1;
    }
    const queuedAfter = await this.queuedReminderJobs();
    result.recreated = Math.max(0, queuedAfter - queuedBefore);
    result.ms = Date.now() - started;
    this.logger.log(
      `reconciled ${result.tasks} open tasks: ${result.scheduled} reminder jobs ensured (${result.recreated} re-created), ` +
        `${result.removed} stale removed, ${result.deliveriesRequeued} deliveries to send ensured ` +
        `(${result.deliveriesRevived} finished jobs revived), ${result.deliveriesAbandoned} abandoned, ` +
        `${result.failedRetried} failed retried (${result.ms} ms)`,
    );
    const finished = Number((await this.queues.redis.get(finishedCounterKey(this.queues.prefix))) ?? 0);
    const record: ReconcileRecord = {
      ...result,
      at: new Date().toISOString(),
      queuedAfter,
      finishedAtRecord: finished,
    };
    await this.queues.redis.set(reconcileRecordKey(this.queues.prefix), JSON.stringify(record));
    return result;
  }

  async lastRecord(): Promise<ReconcileRecord | null> {
    const raw = await this.queues.redis.get(reconcileRecordKey(this.queues.prefix));
    return raw ? (JSON.parse(raw) as ReconcileRecord) : null;
  }

  /** Reminder jobs not yet run: waiting, delayed, prioritized or running. */
  async queuedReminderJobs(): Promise<number> {
    const c = await this.queues
      .get(QueueName.Reminders)
      .getJobCounts('waiting', 'delayed', 'prioritized', 'active');
    return (c.waiting ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0) + (c.active ?? 0);
  }

  async scheduleInstalled(): Promise<boolean> {
    return (
      (await this.queues.get(QueueName.Maintenance).getJobScheduler(RECONCILE_SCHEDULER_ID)) !== undefined
    );
  }

  /** Installs (or updates) the periodic reconcile job; idempotent across workers. */
  async ensureSchedule(): Promise<void> {
    await this.queues.get(QueueName.Maintenance).upsertJobScheduler(
      RECONCILE_SCHEDULER_ID,
      { every: this.config.queue.reconcileEveryMs },
      {
        name: JobName.Reconcile,
        data: { reason: 'schedule' },
        opts: { removeOnComplete: { count: 10 }, removeOnFail: { count: 50 } },
      },
    );
  }
}
