import { Inject, type Provider } from '@nestjs/common';
import { DEFAULT_TIMING_RULES, type TimingRules } from '@duban/domain';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { Clock } from '../infra/queue/clock';

/**
 * The workflow's "now" is the application clock (shared with reminders, so tests and the benchmark
 * can shift it); rules never read the system clock. Provided here too, so the task modules do not
 * need the Redis-backed queue module.
 */
export const TASK_CLOCK = Symbol('TASK_CLOCK');
export const InjectTaskClock = (): ParameterDecorator => Inject(TASK_CLOCK);

export const TIMING_RULES = Symbol('TIMING_RULES');
export const InjectTimingRules = (): ParameterDecorator => Inject(TIMING_RULES);

export const taskClockProviders: Provider[] = [
  { provide: TASK_CLOCK, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new Clock(config.clock) },
  {
    provide: TIMING_RULES,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig): TimingRules => ({ ...DEFAULT_TIMING_RULES, ...config.tasks }),
  },
];
