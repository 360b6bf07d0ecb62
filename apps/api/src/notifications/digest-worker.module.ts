import {
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { JobRegistry } from '../infra/queue/job.registry';
import { JobName, JobOutcome, QueueName } from '../infra/queue/queue.catalogue';
import { QueueService } from '../infra/queue/queue.service';
import { TasksModule } from '../tasks/tasks.module';
import { DigestService } from './digest.service';
import { NotificationsCoreModule } from './notifications-core.module';

export const DIGEST_SCHEDULER_ID = 'notifications-daily-digest';

/** `HH:MM` → the cron pattern of that minute every day. */
export function digestCron(localTime: string): string {
  const [hours, minutes] = localTime.split(':').map(Number);
  return `${minutes} ${hours} * * *`;
}

/**
 * In the worker: the digest job's handler and its BullMQ job scheduler (cron at MAIL_DIGEST_AT,
 * Asia/Shanghai). Every worker upserts the same scheduler id, so there is one schedule however many
 * run; the digest key makes even a doubled run send one e-mail per user and day.
 */
@Injectable()
class DigestJobs implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('DigestJobs');

  constructor(
    private readonly registry: JobRegistry,
    private readonly queues: QueueService,
    private readonly digests: DigestService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register(JobName.SendDigests, async () => {
      const run = await this.digests.sendAll();
      return run.digests > 0 ? JobOutcome.Success : JobOutcome.Skipped;
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queues
      .get(QueueName.Maintenance)
      .upsertJobScheduler(
        DIGEST_SCHEDULER_ID,
        { pattern: digestCron(this.config.mail.digestAt), tz: 'Asia/Shanghai' },
        {
          name: JobName.SendDigests,
          data: { reason: 'schedule' },
          opts: { removeOnComplete: { count: 10 }, removeOnFail: { count: 50 } },
        },
      )
      .catch((error: unknown) => {
        // Redis away at start: the reconciler's watchdog brings Redis back; the next start re-installs.
        this.logger.error(`digest scheduler not installed: ${String(error)}`);
      });
  }
}

@Module({
  imports: [NotificationsCoreModule, TasksModule],
  providers: [DigestService, DigestJobs],
})
export class DigestWorkerModule {}
