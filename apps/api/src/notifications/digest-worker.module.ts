import {
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { JobRegistry } from '../infra/queue/job.registry';
import { JobName, JobOutcome, QueueName } from '../infra/queue/queue.catalogue';
import { QueueService } from '../infra/queue/queue.service';
import { TasksModule } from '../tasks/tasks.module';
import { DigestService } from './digest.service';
import { NotificationsCoreModule } from './notifications-core.module';

export const DIGEST_SCHEDULER_ID = 'notifications-daily-digest';
/** When the daily digest goes out (Asia/Shanghai): before the working day, after the 09:00 reminders of the day before. */
export const DIGEST_LOCAL_TIME = '08:30';

/** `HH:MM` → the cron pattern of that minute every day. */
export function digestCron(localTime: string): string {
  const [hours, minutes] = localTime.split(':').map(Number);
  return `${minutes} ${hours} * * *`;
}

/** How often each worker checks that the schedule still exists (Redis may have lost its data). */
const SCHEDULE_CHECK_MS = 30_000;

/**
 * In the worker: the digest job's handler and its BullMQ job scheduler (cron at DIGEST_LOCAL_TIME,
 * Asia/Shanghai). Every worker upserts the same scheduler id, so there is one schedule however many
 * run; the digest key makes even a doubled run send one e-mail per user and day. Like the reconciler's,
 * the schedule lives in Redis: each worker re-installs it when it is gone.
 */
@Injectable()
class DigestJobs implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DigestJobs');
  private watchdog: NodeJS.Timeout | null = null;

  constructor(
    private readonly registry: JobRegistry,
    private readonly queues: QueueService,
    private readonly digests: DigestService,
  ) {}

  onModuleInit(): void {
    this.registry.register(JobName.SendDigests, async () => {
      const run = await this.digests.sendAll();
      return run.digests > 0 ? JobOutcome.Success : JobOutcome.Skipped;
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.install();
    this.watchdog = setInterval(() => void this.ensureInstalled(), SCHEDULE_CHECK_MS);
    this.watchdog.unref();
  }

  onApplicationShutdown(): void {
    if (this.watchdog) clearInterval(this.watchdog);
  }

  private async ensureInstalled(): Promise<void> {
    try {
      if ((await this.queues.get(QueueName.Maintenance).getJobScheduler(DIGEST_SCHEDULER_ID)) !== undefined)
        return;
      this.logger.warn('the daily digest scheduler is gone (Redis lost its data?): re-installing it');
      await this.install();
    } catch (error) {
      this.logger.error(`digest scheduler check failed: ${String(error)}`);
    }
  }

  private async install(): Promise<void> {
    await this.queues
      .get(QueueName.Maintenance)
      .upsertJobScheduler(
        DIGEST_SCHEDULER_ID,
        { pattern: digestCron(DIGEST_LOCAL_TIME), tz: 'Asia/Shanghai' },
        {
          name: JobName.SendDigests,
          data: { reason: 'schedule' },
          opts: { removeOnComplete: { count: 10 }, removeOnFail: { count: 50 } },
        },
      )
      .catch((error: unknown) => {
        // Redis away at start: the watchdog installs it once Redis answers.
        this.logger.error(`digest scheduler not installed: ${String(error)}`);
      });
  }
}

@Module({
  imports: [NotificationsCoreModule, TasksModule],
  providers: [DigestService, DigestJobs],
})
export class DigestWorkerModule {}
