import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { JOB_QUEUE, QueueName, type JobName, type JobPayloads } from './queue.catalogue';
import { bullPrefix } from './redis';

export const REDIS = Symbol('REDIS');

export interface JobRequest<N extends JobName> {
  name: N;
  payload: JobPayloads[N];
  /** Deterministic id: adding a job whose id already exists is a no-op. */
  jobId: string;
  /** Real milliseconds from now. */
  delay?: number;
}

export interface QueueCounts {
  waiting: number;
  delayed: number;
  active: number;
  failed: number;
  completed: number;
}

/** BullMQ limits how many jobs one addBulk sends in a single Lua call; chunks keep memory flat too. */
const BULK_CHUNK = 1000;

/** The one way producers talk to BullMQ: typed payloads, default retry and retention policy. */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();
  readonly prefix: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) readonly redis: Redis,
  ) {
    this.prefix = bullPrefix(config.redis.prefix);
  }

  get(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.redis,
        prefix: this.prefix,
        defaultJobOptions: this.defaultJobOptions(),
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  all(): Queue[] {
    return Object.values(QueueName).map((name) => this.get(name));
  }

  defaultJobOptions(): JobsOptions {
    const { attempts, backoffMs, removeOnCompleteCount, removeOnFailCount } = this.config.queue;
    return {
      attempts,
      backoff: { type: 'exponential', delay: backoffMs },
      removeOnComplete: { count: removeOnCompleteCount },
      removeOnFail: { count: removeOnFailCount },
    };
  }

  async add<N extends JobName>(request: JobRequest<N>): Promise<void> {
    await this.addBulk([request]);
  }

  /** Adds jobs (any mix of names) in chunks; returns how many were submitted. */
  async addBulk(requests: readonly JobRequest<JobName>[]): Promise<number> {
    const byQueue = new Map<QueueName, JobRequest<JobName>[]>();
    for (const request of requests) {
      const queue = JOB_QUEUE[request.name];
      const list = byQueue.get(queue) ?? [];
      list.push(request);
      byQueue.set(queue, list);
    }
    for (const [queueName, list] of byQueue) {
      const queue = this.get(queueName);
      for (let i = 0; i < list.length; i += BULK_CHUNK) {
        await queue.addBulk(
          list.slice(i, i + BULK_CHUNK).map((r) => ({
            name: r.name,
            data: r.payload,
            opts: { jobId: r.jobId, delay: r.delay && r.delay > 0 ? r.delay : undefined },
          })),
        );
      }
    }
    return requests.length;
  }

  /**
   * Like `addBulk`, but a job id held by a FINISHED job runs again: a failed job is retried (attempts
   * reset), a completed one removed and re-added. Jobs still waiting, delayed or active are left alone.
   * For jobs whose handler is idempotent (it re-checks its row), when the row says "not done".
   */
  async ensureJobs(requests: readonly JobRequest<JobName>[]): Promise<{ added: number; revived: number }> {
    let revived = 0;
    for (let i = 0; i < requests.length; i += BULK_CHUNK) {
      const chunk = requests.slice(i, i + BULK_CHUNK);
      const states = await Promise.all(chunk.map((r) => this.get(JOB_QUEUE[r.name]).getJobState(r.jobId)));
      const again = await Promise.all(
        chunk.map(async (r, k) => {
          const queue = this.get(JOB_QUEUE[r.name]);
          if (states[k] === 'failed') {
            const job = await queue.getJob(r.jobId);
            // Another process may have retried it meanwhile: then it is running, which is all we want.
            await job
              ?.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true })
              .catch(() => undefined);
            return true;
          }
          if (states[k] === 'completed') {
            await queue.remove(r.jobId);
            return true;
          }
          return false;
        }),
      );
      revived += again.filter(Boolean).length;
      await this.addBulk(chunk.filter((_, k) => states[k] !== 'failed'));
    }
    return { added: requests.length, revived };
  }

  /** Removes a job if it is not being processed; true when it is gone. */
  async remove(queueName: QueueName, jobId: string): Promise<boolean> {
    const removed = await this.get(queueName).remove(jobId);
    return removed === 1;
  }

  async counts(queueName: QueueName): Promise<QueueCounts> {
    const c = await this.get(queueName).getJobCounts('waiting', 'delayed', 'active', 'failed', 'completed');
    return {
      waiting: c.waiting ?? 0,
      delayed: c.delayed ?? 0,
      active: c.active ?? 0,
      failed: c.failed ?? 0,
      completed: c.completed ?? 0,
    };
  }

  // Shutdown phase, not destroy: requests and jobs still draining (before-shutdown) may enqueue.
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
    // The connection is ours (created by QueueModule), so it is closed here, after the queues.
    await this.redis.quit().catch(() => undefined);
  }
}
