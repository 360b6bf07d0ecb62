import {
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { TasksModule } from '../tasks/tasks.module';
import { BulletinsService } from './bulletins.service';

/** How often the worker checks whether last month's bulletin is still to be delivered. */
const CHECK_EVERY_MS = 10 * 60_000;

/**
 * In the worker: the monthly 督查通报 is delivered by the first check on or after the 1st (00:00
 * Shanghai); the notification key makes every later check, and every other worker, a no-op.
 */
@Injectable()
class MonthlyBulletinSchedule implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MonthlyBulletinSchedule.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly bulletins: BulletinsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.bulletins.monthly) return;
    const check = () =>
      this.bulletins.deliverMonthly().catch((error: unknown) => {
        this.logger.warn(`monthly bulletin not delivered yet: ${String(error)}`);
      });
    void check();
    this.timer = setInterval(() => void check(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

@Module({ imports: [TasksModule], providers: [BulletinsService, MonthlyBulletinSchedule] })
export class BulletinsWorkerModule {}
