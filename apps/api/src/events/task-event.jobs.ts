import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { JobRegistry } from '../infra/queue/job.registry';
import { JobName, JobOutcome, QueueName } from '../infra/queue/queue.catalogue';
import { QueueService } from '../infra/queue/queue.service';
import { WorkerHost } from '../infra/queue/worker.host';
import { TaskEventListener } from './task-event-listener';
import { TaskEventRelay } from './task-event-relay';

export const EVENTS_DRAIN_SCHEDULER_ID = 'events-drain';
/** How often a worker checks that the poll's job scheduler still exists in Redis. */
const SCHEDULER_CHECK_MS = 30_000;

/**
 * In the worker: the outbox is drained as soon as a commit NOTIFYs (the listener), and by the
 * `events.drain` job every EVENTS_POLL_EVERY_MS (a BullMQ job scheduler), which also prunes old events.
 */
@Injectable()
export class TaskEventJobs implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(TaskEventJobs.name);
  private listener: TaskEventListener | null = null;
  private watchdog: NodeJS.Timeout | null = null;

  constructor(
    private readonly registry: JobRegistry,
    private readonly host: WorkerHost,
    private readonly relay: TaskEventRelay,
    private readonly queues: QueueService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register(JobName.DrainEvents, async () => {
      await this.relay.kick();
      await this.relay.prune();
      return JobOutcome.Success;
    });
    this.host.onStart(async () => {
      await this.ensureSchedule();
      this.listener = new TaskEventListener(
        this.dataSource,
        this.config.database.url,
        () => void this.relay.kick(),
      );
      await this.listener.start();
      this.watchdog = setInterval(() => void this.checkSchedule(), SCHEDULER_CHECK_MS);
      this.watchdog.unref();
    });
  }

  /** Before the database closes: stop listening and let the batch in flight finish. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.watchdog) clearInterval(this.watchdog);
    await this.listener?.stop();
    await this.relay.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.beforeApplicationShutdown();
  }

  private async ensureSchedule(): Promise<void> {
    await this.queues.get(QueueName.Events).upsertJobScheduler(
      EVENTS_DRAIN_SCHEDULER_ID,
      { every: this.config.events.pollEveryMs },
      {
        name: JobName.DrainEvents,
        data: { reason: 'schedule' },
        opts: { removeOnComplete: { count: 10 }, removeOnFail: { count: 50 } },
      },
    );
  }

  private async checkSchedule(): Promise<void> {
    try {
      const installed = await this.queues.get(QueueName.Events).getJobScheduler(EVENTS_DRAIN_SCHEDULER_ID);
      if (!installed) await this.ensureSchedule();
    } catch (error) {
      this.logger.warn(`events poll check failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
