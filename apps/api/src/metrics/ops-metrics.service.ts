import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge } from 'prom-client';
import type { DataSource } from 'typeorm';
import { readDeliveryStats } from '../notifications/delivery-stats';
import {
  deliveryCountsByChannelAndStatus,
  reminderLatenessSince,
  remindersSentTotal,
} from '../notifications/notification-metrics.queries';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { MetricsRegistry } from '../infra/metrics/metrics.registry';
import { Clock } from '../infra/queue/clock';
import { liveWorkers } from '../infra/queue/heartbeat';
import { QueueName } from '../infra/queue/queue.catalogue';
import { QueueService } from '../infra/queue/queue.service';

/** Reminder lateness is summarised over the reminders sent in this last stretch (application clock). */
const LATENESS_WINDOW_MS = 60 * 60_000;
/** The delivery attempt counters of the last minutes (Redis buckets shared with readiness). */
const ATTEMPTS_WINDOW_MS = 5 * 60_000;

/**
 * Operational gauges read at scrape time from their sources — BullMQ counts, worker heartbeats in
 * Redis, the notifications tables — so neither the reminder nor the delivery code carries metric
 * calls, and every API instance reports the same (shared) figures. Per-process figures (HTTP,
 * imports, event loop) are in MetricsRegistry.
 */
@Injectable()
export class OpsMetricsService implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly queues: QueueService,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const registers = [this.metrics.registry];
    const { queues, dataSource, clock } = this;
    const heartbeatTtlMs = this.config.queue.heartbeatTtlMs;

    new Gauge({
      name: 'duban_queue_jobs',
      help: 'BullMQ jobs per queue and state (waiting, delayed, active, failed, completed kept)',
      labelNames: ['queue', 'state'] as const,
      registers,
      async collect() {
        this.reset();
        for (const name of Object.values(QueueName)) {
          const counts = await queues.counts(name);
          for (const [state, n] of Object.entries(counts) as [string, number][])
            this.set({ queue: name, state }, n);
        }
      },
    });

    new Gauge({
      name: 'duban_workers_live',
      help: 'Worker processes whose heartbeat has not expired',
      registers,
      async collect() {
        this.set((await liveWorkers(queues.redis, queues.prefix)).length);
      },
    });
    new Gauge({
      name: 'duban_worker_heartbeat_age_seconds',
      help: `Seconds since each live worker's last heartbeat (a worker vanishes after ${heartbeatTtlMs / 1000} s)`,
      labelNames: ['worker'] as const,
      registers,
      async collect() {
        this.reset();
        for (const beat of await liveWorkers(queues.redis, queues.prefix)) {
          this.set({ worker: beat.id }, Math.max(0, (Date.now() - Date.parse(beat.beatAt)) / 1000));
        }
      },
    });

    new Gauge({
      name: 'duban_reminders_sent_total',
      help: 'Reminders that went out since the start (one per reminder and recipient; monotonic)',
      registers,
      async collect() {
        this.set(await remindersSentTotal(dataSource));
      },
    });
    new Gauge({
      name: 'duban_reminder_lateness_seconds',
      help: 'Lateness (sent − due) of the reminders sent in the last hour: p50, p99, max',
      labelNames: ['quantile'] as const,
      registers,
      async collect() {
        this.reset();
        const lateness = await reminderLatenessSince(
          dataSource,
          new Date(clock.nowMs() - LATENESS_WINDOW_MS),
        );
        if (lateness.p50 !== null) this.set({ quantile: '0.5' }, lateness.p50);
        if (lateness.p99 !== null) this.set({ quantile: '0.99' }, lateness.p99);
        if (lateness.max !== null) this.set({ quantile: '1' }, lateness.max);
      },
    });

    new Gauge({
      name: 'duban_deliveries',
      help: 'Delivery rows (inbox, e-mail, webhook) by status: pending, failed (retrying), sent, abandoned',
      labelNames: ['channel', 'status'] as const,
      registers,
      async collect() {
        this.reset();
        for (const row of await deliveryCountsByChannelAndStatus(dataSource)) {
          this.set({ channel: row.channel, status: row.status }, row.count);
        }
      },
    });
    new Gauge({
      name: 'duban_delivery_attempts_recent',
      help: 'E-mail/webhook delivery attempts in the last 5 minutes, by result (ok, fail)',
      labelNames: ['result'] as const,
      registers,
      async collect() {
        const stats = await readDeliveryStats(queues.redis, queues.prefix, ATTEMPTS_WINDOW_MS);
        this.set({ result: 'ok' }, stats.ok);
        this.set({ result: 'fail' }, stats.fail);
      },
    });
  }
}
