import { Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Clock } from '../queue/clock';

/**
 * The application clock, one instance per process (reminders, the workflow, the list's overdue and
 * traffic light, stats: tests and the benchmark shift it through `config.clock`). Global and free of
 * Redis, so a module graph without the queue (the task modules in a test) still has it; the queue
 * module imports it too, so every root that has the queue has the clock.
 */
@Global()
@Module({
  providers: [
    { provide: Clock, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new Clock(config.clock) },
  ],
  exports: [Clock],
})
export class ClockModule {}
