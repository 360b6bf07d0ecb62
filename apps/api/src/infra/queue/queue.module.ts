import { Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ClockModule } from '../clock/clock.module';
import { JobRegistry } from './job.registry';
import { QueueService, REDIS } from './queue.service';
import { createRedis } from './redis';

/** Redis connection, typed queues, the job registry and the clock: shared by the API and the worker. */
@Global()
@Module({
  imports: [ClockModule],
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createRedis(config.redis.url, 'producer'),
    },
    QueueService,
    JobRegistry,
  ],
  exports: [REDIS, ClockModule, QueueService, JobRegistry],
})
export class QueueModule {}
