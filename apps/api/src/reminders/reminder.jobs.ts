import { expectedReminders, type ExpectedReminder, type ReminderRule } from '@duban/domain';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { Clock } from '../infra/queue/clock';
import { JobRegistry } from '../infra/queue/job.registry';
import { JobName, JobOutcome, type SendReminderJob } from '../infra/queue/queue.catalogue';
import { QueueService } from '../infra/queue/queue.service';
import { RetryAtError, WorkerHost } from '../infra/queue/worker.host';
import { DeliveryService } from '../notifications/delivery.service';
import { MicroBatcher } from '../notifications/micro-batcher';
import { NotificationFanOutService } from '../notifications/notification-fanout.service';
import { ReminderPolicyService } from './reminder-policy.service';
import { finishedCounterKey, ReminderReconciler } from './reminder.reconciler';
import { ReminderScheduler } from './reminder.scheduler';
import { ReminderTaskSource, type ReminderTask } from './reminder-task.source';

const REPEATING_RULES: ReadonlySet<ReminderRule> = new Set(['overdue_urge', 'report_overdue_urge']);

/** Thin job handlers of the worker: each calls one service and returns an explicit outcome. */
@Injectable()
export class ReminderJobs implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ReminderJobs');
  private watchdog: NodeJS.Timeout | null = null;
  /** Reminder jobs running at once in this worker, sent together (see `sendDue`). */
  private readonly batch = new MicroBatcher<SendReminderJob, JobOutcome | RetryAtError>(
    (jobs) => this.sendDue(jobs),
    { maxSize: 200, maxInFlight: 2 },
  );

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
      if (outcome instanceof RetryAtError) throw outcome;
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
   * Never early: a job woken before its virtual due time goes back to sleep. The rest goes through
   * the batch (`sendDue`): the worker runs many reminder jobs at once, and together they cost one
   * task query, one insert statement and one `addBulk`.
   */
  sendReminder(job: SendReminderJob): Promise<JobOutcome | RetryAtError> {
    const dueMs = Date.parse(job.dueAt);
    const nowMs = this.clock.nowMs();
    if (nowMs < dueMs)
      return Promise.resolve(new RetryAtError(Date.now() + this.clock.realDelayUntil(dueMs)));
    return this.batch.submit(job);
  }

  /**
   * The task of each job is re-read: a reminder its current state no longer calls for (done, new
   * deadline, reassigned) is skipped, so a stale job that escaped removal is harmless.
   */
  private async sendDue(jobs: SendReminderJob[]): Promise<(JobOutcome | RetryAtError)[]> {
    const nowMs = this.clock.nowMs();
    const tasks = new Map(
      (await this.tasks.loadMany([...new Set(jobs.map((j) => j.taskId))])).map((t) => [t.id, t]),
    );
    const policy = await this.policies.current();
    const outcomes: (JobOutcome | RetryAtError)[] = jobs.map(() => JobOutcome.Skipped);
    const due: { index: number; reminder: ExpectedReminder; task: ReminderTask }[] = [];
    const expectedByTask = new Map<string, ExpectedReminder[]>();
    jobs.forEach((job, index) => {
      const task = tasks.get(job.taskId);
      if (!task) return;
      let expected = expectedByTask.get(task.id);
      if (!expected) {
        expected = expectedReminders(task, policy, new Date(nowMs));
        expectedByTask.set(task.id, expected);
      }
      const reminder = expected.find((r) => r.key === job.key);
      if (!reminder) return;
      // Same key, later time (the send time was changed): wait for the new one.
      const currentDueMs = Date.parse(reminder.dueAt);
      if (nowMs < currentDueMs) {
        outcomes[index] = new RetryAtError(Date.now() + this.clock.realDelayUntil(currentDueMs));
        return;
      }
      due.push({ index, reminder, task });
    });
    const sent = await this.fanOut.fanOutMany(due);
    due.forEach((d, k) => (outcomes[d.index] = sent[k] ? JobOutcome.Success : JobOutcome.Skipped));
    // Repeating rules (催办 every few days) schedule their next occurrence as soon as one goes out.
    const repeating = new Map(
      due.filter((d, k) => sent[k] && REPEATING_RULES.has(d.reminder.rule)).map((d) => [d.task.id, d.task]),
    );
    if (repeating.size > 0) await this.scheduler.syncMany([...repeating.values()]);
    // Counted for readiness (expected jobs = queued + finished since the last reconcile); never fails the jobs.
    const finished = outcomes.filter((o) => !(o instanceof RetryAtError)).length;
    if (finished > 0)
      await this.queues.redis.incrby(finishedCounterKey(this.queues.prefix), finished).catch(() => undefined);
    return outcomes;
  }
}
