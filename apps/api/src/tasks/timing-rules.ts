import { Inject, type Provider } from '@nestjs/common';
import { DEFAULT_TIMING_RULES, type TimingRules } from '@duban/domain';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';

/**
 * The overdue / traffic-light thresholds (`config.tasks` over the domain's defaults). "Now" is the
 * application Clock (infra/clock), shared with reminders; rules never read the system clock.
 */
export const TIMING_RULES = Symbol('TIMING_RULES');
export const InjectTimingRules = (): ParameterDecorator => Inject(TIMING_RULES);

export const timingRulesProvider: Provider = {
  provide: TIMING_RULES,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): TimingRules => ({ ...DEFAULT_TIMING_RULES, ...config.tasks }),
};
