import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { JobName, QueueName } from '../infra/queue/queue.catalogue';
import { QueueService } from '../infra/queue/queue.service';
import { NotificationFanOutService } from '../notifications/notification-fanout.service';
import { ReminderScheduler } from './reminder.scheduler';
import { ReminderTaskSource } from './reminder-task.source';

export const RECONCILE_SCHEDULER_ID = 'reminders-reconcile';
const FAILED_RETRY_BATCH = 1000;

export interface ReconcileResult {
  tasks: number;
  scheduled: number;
  removed: number;
  deliveriesRequeued: number;
  /** Reminder jobs that had failed every attempt (e.g. PostgreSQL down) and were retried. */
  failedRetried: number;
  ms: number;
}

/**
 * Recomputes every open task's reminders from PostgreSQL and re-creates missing jobs (existing ids
 * are no-ops), then re-enqueues e-mail/webhook deliveries still pending. Runs at worker start and
 * on a BullMQ job scheduler, so a Redis that lost its data is refilled without losing a reminder.
 */
@Injectable()
export class ReminderReconciler {
  private readonly logger = new Logger(ReminderReconciler.name);

  constructor(
    private readonly tasks: ReminderTaskSource,
    private readonly scheduler: ReminderScheduler,
    private readonly fanOut: NotificationFanOutService,
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
      failedRetried: 0,
      ms: 0,
    };
    for await (const page of this.tasks.openTasks()) {
      // Fresh: a policy change made in another process applies to this whole pass.
      const synced = await this.scheduler.syncMany(page, [], { freshPolicy: true });
      result.tasks += synced.tasks;
      result.scheduled += synced.scheduled;
      result.removed += synced.removed;
    }
    result.deliveriesRequeued = await this.fanOut.requeuePendingDeliveries();
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
    result.ms = Date.now() - started;
    this.logger.log(
      `reconciled ${result.tasks} open tasks: ${result.scheduled} reminder jobs ensured, ${result.removed} stale removed, ` +
        `${result.deliveriesRequeued} pending deliveries ensured, ${result.failedRetried} failed retried (${result.ms} ms)`,
    );
    return result;
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
