import type { ReminderSystemDto } from '@duban/domain/contract';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { HealthCheckFailure, HealthService } from '../health/health.service';
import { liveWorkers } from '../infra/queue/heartbeat';
import { QueueName } from '../infra/queue/queue.catalogue';
import { QueueService } from '../infra/queue/queue.service';
import { readDeliveryStats } from '../notifications/delivery-stats';
import { DeliveryRecoveryService } from '../notifications/delivery-recovery.service';
import { evaluateReadiness, type ReadinessResult, type ReadinessSnapshot } from './readiness';
import { finishedCounterKey, ReminderReconciler } from './reminder.reconciler';

/**
 * GET /api/admin/reminder-system: the contract's `ReminderSystemDto` (what the admin screen reads), with the
 * full readiness details and worker beats on top. The intersection makes the compiler hold the two together.
 */
export type ReminderSystemState = ReminderSystemDto &
  ReadinessResult & {
    workers: ReadinessSnapshot['workers'];
    lastReconcile: Awaited<ReturnType<ReminderReconciler['lastRecord']>>;
    /** E-mail/webhook rows by status (abandoned ones wait for an admin's 重新发送). */
    deliveries: Awaited<ReturnType<DeliveryRecoveryService['counts']>>;
  };

/**
 * Gathers the reminder system's state (Redis keys and counters, one GROUP BY on deliveries) and adds
 * it to GET /api/health as the `reminders` check; the admin screen reads the same state.
 */
@Injectable()
export class ReminderReadinessService implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: QueueService,
    private readonly reconciler: ReminderReconciler,
    private readonly deliveries: DeliveryRecoveryService,
    private readonly health: HealthService,
  ) {}

  onModuleInit(): void {
    this.health.register('reminders', async () => {
      const state = await this.state();
      const details = {
        ...state.details,
        deliveries: state.deliveries,
        workers: state.workers.map((w) => w.id),
      };
      const first = state.problems[0];
      if (first)
        throw new HealthCheckFailure(first.code, first.reason, { ...details, problems: state.problems });
      return details;
    });
  }

  async state(): Promise<ReminderSystemState> {
    const redis = this.queues.redis;
    const prefix = this.queues.prefix;
    const { health, queue } = this.config;
    const [workers, schedulerInstalled, lastReconcile, queued, finished, active, attempts, deliveries] =
      await Promise.all([
        liveWorkers(redis, prefix),
        this.reconciler.scheduleInstalled(),
        this.reconciler.lastRecord(),
        this.reconciler.queuedReminderJobs(),
        redis.get(finishedCounterKey(prefix)).then((v) => Number(v ?? 0)),
        Promise.all(
          Object.values(QueueName).map(
            async (name) => [name, (await this.queues.counts(name)).active] as const,
          ),
        ),
        readDeliveryStats(redis, prefix, health.deliveryWindowMs),
        this.deliveries.counts(),
      ]);
    const result = evaluateReadiness(
      {
        nowMs: Date.now(),
        workers,
        schedulerInstalled,
        lastReconcile: lastReconcile
          ? {
              atMs: Date.parse(lastReconcile.at),
              queuedAfter: lastReconcile.queuedAfter,
              finishedAtRecord: lastReconcile.finishedAtRecord,
            }
          : null,
        queuedReminderJobs: queued,
        finishedReminderJobs: finished,
        activeJobs: Object.fromEntries(active),
        deliveryAttempts: attempts,
      },
      { ...health, reconcileEveryMs: queue.reconcileEveryMs },
    );
    return { ...result, workers, lastReconcile, deliveries };
  }
}
