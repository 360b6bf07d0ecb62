import { expectedReminders, type ReminderRule } from '@duban/domain';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { Clock } from '../infra/queue/clock';
import { JobRegistry } from '../infra/queue/job.registry';
import { JobName, JobOutcome, type SendReminderJob } from '../infra/queue/queue.catalogue';
import { QueueService } from '../infra/queue/queue.service';
import { RetryAtError, WorkerHost } from '../infra/queue/worker.host';
import { DeliveryService } from '../notifications/delivery.service';
import { NotificationFanOutService } from '../notifications/notification-fanout.service';
import { ReminderPolicyService } from './reminder-policy.service';
import { finishedCounterKey, ReminderReconciler } from './reminder.reconciler';
import { ReminderScheduler } from './reminder.scheduler';
import { ReminderTaskSource } from './reminder-task.source';

const REPEATING_RULES: ReadonlySet<ReminderRule> = new Set(['overdue_urge', 'report_overdue_urge']);

/** Thin job handlers of the worker: each calls one service and returns an explicit outcome. */
@Injectable()
export class ReminderJobs implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ReminderJobs');
  private watchdog: NodeJS.Timeout | null = null;

  constructor(
    private readonly registry: JobRegistry,
    private readonly host: WorkerHost,
    private readonly tasks: ReminderTaskSource,
    private readonly fanOut: NotificationFanOutService,
    private readonly deliveries: DeliveryService,
    private readonly reconciler: ReminderReconciler,
    private readonly scheduler: ReminderScheduler,
    private readonly clock: Clock,
    private readonly policies: ReminderPolicyService,
    private readonly queues: QueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register(JobName.SendReminder, async (job) => {
      const outcome = await this.sendReminder(job);
      // Counted for readiness (expected jobs = queued + finished since the last reconcile); never fails the job.
      await this.queues.redis.incr(finishedCounterKey(this.queues.prefix)).catch(() => undefined);
      return outcome;
    });
    this.registry.register(JobName.DeliverEmail, (job) => this.deliveries.deliver(job.deliveryId));
    this.registry.register(JobName.DeliverWebhook, (job) => this.deliveries.deliver(job.deliveryId));
    this.registry.register(JobName.Reconcile, async () => {
      await this.reconciler.reconcile();
      return JobOutcome.Success;
    });
    this.host.onStart(async () => {
      await this.reconciler.ensureSchedule();
      // A failed start-up pass (e.g. PostgreSQL still starting) must not stop the worker: the
      // scheduled reconciler retries, and jobs already in Redis keep running.
      await this.reconciler.reconcile().catch((error: unknown) => {
        this.logger.error(
          `start-up reconcile failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
      // The job scheduler lives in Redis too: if Redis loses its data, re-install it and reconcile at once.
      const every = Math.min(this.config.queue.reconcileEveryMs, 30_000);
      this.watchdog = setInterval(() => void this.checkScheduler(), every);
      this.watchdog.unref();
    });
  }

  onApplicationShutdown(): void {
    if (this.watchdog) clearInterval(this.watchdog);
  }

  private async checkScheduler(): Promise<void> {
    try {
      if (await this.reconciler.scheduleInstalled()) return;
      this.logger.warn(
        'the reconcile job scheduler is gone (Redis lost its data?): re-installing it and reconciling now',
      );
      await this.reconciler.ensureSchedule();
      await this.reconciler.reconcile();
    } catch (error) {
      this.logger.error(`scheduler check failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * Never early: a job woken before its virtual due time goes back to sleep. Then the task is
   * re-read: a reminder its current state no longer calls for (done, new deadline, reassigned)
   * is skipped, so a stale job that escaped removal is harmless.
   */
  async sendReminder(job: SendReminderJob): Promise<JobOutcome> {
    const dueMs = Date.parse(job.dueAt);
    const nowMs = this.clock.nowMs();
    if (nowMs < dueMs) throw new RetryAtError(Date.now() + this.clock.realDelayUntil(dueMs));
    const task = await this.tasks.load(job.taskId);
    if (!task) return JobOutcome.Skipped;
    const reminder = expectedReminders(task, await this.policies.current(), new Date(nowMs)).find(
      (r) => r.key === job.key,
    );
    if (!reminder) return JobOutcome.Skipped;
    // Same key, later time (the send time was changed): wait for the new one.
    const currentDueMs = Date.parse(reminder.dueAt);
    if (nowMs < currentDueMs) throw new RetryAtError(Date.now() + this.clock.realDelayUntil(currentDueMs));
    const sent = await this.fanOut.fanOut(reminder, task);
    // Repeating rules (催办 every few days) schedule their next occurrence as soon as one goes out.
    if (REPEATING_RULES.has(reminder.rule)) await this.scheduler.syncMany([task]);
    return sent ? JobOutcome.Success : JobOutcome.Skipped;
  }
}
