import { hostname } from 'node:os';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DelayedError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { clearBeat, publishBeat, type WorkerBeat } from './heartbeat';
import { JobRegistry } from './job.registry';
import { QueueName, type JobOutcome } from './queue.catalogue';
import { QueueService } from './queue.service';
import { checkRedisEvictionPolicy, createRedis } from './redis';

/** Thrown by a handler that was woken too early: the host puts the job back until `realAtMs`. */
export class RetryAtError extends Error {
  constructor(readonly realAtMs: number) {
    super(`not due until ${new Date(realAtMs).toISOString()}`);
  }
}

/** Callbacks run once the workers consume (e.g. the reconciler's start-up pass). */
export const WORKER_STARTUP_TASKS = Symbol('WORKER_STARTUP_TASKS');

/**
 * Consumes every queue in this process (the worker entry point only). Refuses to start when a
 * job has no handler; stateless, so any number of worker processes may share one Redis.
 */
@Injectable()
export class WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private readonly workers: Worker[] = [];
  /** Workers block on Redis: their own connection, without the producers' fail-fast limit. */
  private connection: Redis | null = null;
  private readonly startup: (() => Promise<void>)[] = [];
  private readonly id = `${hostname()}-${process.pid}`;
  private readonly startedAt = new Date().toISOString();
  private readonly concurrency: Record<string, number> = {};
  private beatTimer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: JobRegistry,
    private readonly queues: QueueService,
  ) {}

  /** Registers work to run once, after the workers start (order of registration). */
  onStart(task: () => Promise<void>): void {
    this.startup.push(task);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.registry.assertComplete();
    const connection = createRedis(this.config.redis.url, 'consumer');
    this.connection = connection;
    await checkRedisEvictionPolicy(connection, this.logger);
    const { concurrency, deliveryConcurrency, lockDurationMs, stalledIntervalMs } = this.config.queue;
    for (const name of Object.values(QueueName)) {
      this.concurrency[name] =
        name === QueueName.Deliveries
          ? deliveryConcurrency
          : name === QueueName.Maintenance || name === QueueName.Events
            ? 1
            : concurrency;
      const worker = new Worker(name, (job, token) => this.process(job, token), {
        connection,
        prefix: this.queues.prefix,
        // Recorded on each job as processedBy: shows which process sent what.
        name: this.id,
        concurrency: this.concurrency[name],
        // Short lock, renewed every half of it while the job runs (BullMQ's lockRenewTime default):
        // a long job keeps its lock, a killed worker's jobs come back within lock + 2 stalled checks.
        lockDuration: lockDurationMs,
        stalledInterval: stalledIntervalMs,
        maxStalledCount: 5,
      });
      worker.on('failed', (job, error) => {
        this.logger.warn(
          `${job?.name ?? '?'} ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`,
        );
      });
      worker.on('error', (error) => this.logger.error(`worker ${name}: ${error.message}`));
      this.workers.push(worker);
    }
    await Promise.all(this.workers.map((w) => w.waitUntilReady()));
    await this.beat();
    const every = Math.max(100, Math.floor(this.config.queue.heartbeatTtlMs / 3));
    this.beatTimer = setInterval(() => void this.beat(), every);
    this.beatTimer.unref();
    for (const task of this.startup) await task();
    this.logger.log(`consuming ${Object.values(QueueName).join(', ')} (prefix ${this.queues.prefix})`);
  }

  /** Readiness counts live workers by these keys; a missed beat (Redis away) is simply retried. */
  private async beat(): Promise<void> {
    const beat: WorkerBeat = {
      id: this.id,
      host: hostname(),
      pid: process.pid,
      startedAt: this.startedAt,
      beatAt: new Date().toISOString(),
      concurrency: this.concurrency,
    };
    await publishBeat(this.queues.redis, this.queues.prefix, beat, this.config.queue.heartbeatTtlMs).catch(
      (error: unknown) =>
        this.logger.warn(`heartbeat failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  private async process(job: Job, token?: string): Promise<JobOutcome> {
    const handler = this.registry.handler(job.name);
    try {
      return await handler(job.data as never, {
        jobId: job.id ?? '',
        attemptsMade: job.attemptsMade,
        attempts: job.opts.attempts ?? 1,
      });
    } catch (error) {
      if (error instanceof RetryAtError) {
        await job.moveToDelayed(error.realAtMs, token);
        throw new DelayedError();
      }
      throw error;
    }
  }

  /**
   * SIGTERM drain, before anything closes (database, producers' Redis, SMTP): stop taking jobs and let
   * the active ones finish (BullMQ `worker.close()` waits for them), so a rolling restart loses none.
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.beatTimer) clearInterval(this.beatTimer);
    const active = this.workers.length;
    await Promise.all(this.workers.map((w) => w.close()));
    this.workers.length = 0;
    await clearBeat(this.queues.redis, this.queues.prefix, this.id).catch(() => undefined);
    if (active) this.logger.log(`worker ${this.id} drained: active jobs finished, consumers closed`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.beforeApplicationShutdown();
    await this.connection?.quit().catch(() => undefined);
  }
}
