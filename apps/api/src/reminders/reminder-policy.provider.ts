import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from '@duban/domain';
import type { Provider } from '@nestjs/common';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';

export const REMINDER_POLICY = Symbol('REMINDER_POLICY');

export const reminderPolicyProvider: Provider = {
  provide: REMINDER_POLICY,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): ReminderPolicy => ({ ...DEFAULT_REMINDER_POLICY, ...config.reminders }),
};
