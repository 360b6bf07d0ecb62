import { Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Clock } from './clock';
import { JobRegistry } from './job.registry';
import { QueueService, REDIS } from './queue.service';
import { createRedis } from './redis';

/** Redis connection, typed queues, the job registry and the clock: shared by the API and the worker. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createRedis(config.redis.url, 'producer'),
    },
    { provide: Clock, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new Clock(config.clock) },
    QueueService,
    JobRegistry,
  ],
  exports: [REDIS, Clock, QueueService, JobRegistry],
})
export class QueueModule {}
