import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from '@duban/domain';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { saveReminderPolicy, storedReminderPolicy } from './reminders.queries';

/** The fields admins may change (GET/PUT /api/admin/reminder-policy). */
export const EDITABLE_POLICY_FIELDS = [
  'sendAtLocalTime',
  'beforeDays',
  'milestoneBeforeDays',
  'overdueFirstAfterDays',
  'overdueEveryDays',
  'escalateAfterDays',
  'reportIntervalDays',
  'reportReminderBeforeDays',
  'nonWorkingDays',
  'signoffWithinWorkingDays',
] as const;
export type EditablePolicy = Pick<ReminderPolicy, (typeof EDITABLE_POLICY_FIELDS)[number]>;

/** Where the scheduler and the worker get the policy in force. */
export interface ReminderPolicySource {
  current(options?: { fresh?: boolean }): Promise<ReminderPolicy>;
}

/** Policy changes reach other processes within this long (the reconciler reads it fresh). */
const CACHE_MS = 5_000;

/**
 * The reminder policy in force: domain defaults, then the configuration (send time, grace,
 * lateness), then the admins' overrides stored in PostgreSQL.
 */
@Injectable()
export class ReminderPolicyService implements ReminderPolicySource {
  private cached: { policy: ReminderPolicy; until: number } | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
  ) {}

  defaults(): ReminderPolicy {
    return { ...DEFAULT_REMINDER_POLICY, ...this.config.reminders };
  }

  async current(options: { fresh?: boolean } = {}): Promise<ReminderPolicy> {
    if (!options.fresh && this.cached && this.cached.until > Date.now()) return this.cached.policy;
    const stored = await storedReminderPolicy<EditablePolicy>(this.dataSource);
    // The working-day calendar travels with the policy, so every caller shifts reminders off days off alike.
    const calendar = await this.calendars.current(options);
    const policy = { ...this.defaults(), ...pickEditable(stored ?? {}), calendar };
    this.cached = { policy, until: Date.now() + CACHE_MS };
    return policy;
  }

  async update(change: Partial<EditablePolicy>, actorId: string | null): Promise<ReminderPolicy> {
    const current = await this.current({ fresh: true });
    const next = pickEditable({ ...current, ...change });
    await saveReminderPolicy(this.dataSource, next, actorId);
    this.cached = null;
    return this.current({ fresh: true });
  }
}

function pickEditable(source: Partial<ReminderPolicy>): Partial<EditablePolicy> {
  const out: Partial<Record<keyof EditablePolicy, unknown>> = {};
  for (const field of EDITABLE_POLICY_FIELDS) if (source[field] !== undefined) out[field] = source[field];
  return out as Partial<EditablePolicy>;
}

/** The policy as admins see and edit it: plain data, without the calendar object the scheduler uses. */
export function policyWithoutCalendar(policy: ReminderPolicy): Omit<ReminderPolicy, 'calendar'> {
  const plain: Partial<ReminderPolicy> = { ...policy };
  delete plain.calendar;
  return plain as Omit<ReminderPolicy, 'calendar'>;
}
