import { WorkingDayCalendar } from '../calendar/working-days';
import type { RecurrencePeriod } from '../extractor/types';
import type { ReminderPolicy, ReminderRecipient, ReminderRule } from './types';

/**
 * The day arithmetic every reminder series shares. Days are day numbers (days since 1970-01-01 of a
 * local calendar date), so series never meet time zones except in `sendInstant` / `localMidnight`.
 */
export const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const WEEKDAYS_ONLY = WorkingDayCalendar.weekdaysOnly();

/** Moves reminder days off weekends and holidays as the policy says (identity under `keep`). */
export interface DayShift {
  /** For reminders ahead of a deadline: the last working day on or before `day`. */
  before(day: number): number;
  /** For everything else: the first working day on or after `day`. */
  after(day: number): number;
}

export function dayShift(policy: ReminderPolicy): DayShift {
  if (policy.nonWorkingDays !== 'shift') return { before: (day) => day, after: (day) => day };
  const calendar = policy.calendar ?? WEEKDAYS_ONLY;
  return {
    before: (day) => calendar.shiftDayNumber(day, -1),
    after: (day) => calendar.shiftDayNumber(day, 1),
  };
}

export function dayNumber(date: string): number {
  const match = DATE_RE.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`not a calendar date: ${date}`);
  return ms / DAY_MS;
}

/** `dayNumber`, or null for a string that is not a calendar date (stored data we must not fail on). */
export function dayNumberOrNull(date: string): number | null {
  try {
    return dayNumber(date);
  } catch {
    return null;
  }
}

export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Local calendar date of an instant under the policy's UTC offset. */
export function localDateOf(instantMs: number, policy: Pick<ReminderPolicy, 'utcOffsetMinutes'>): string {
  return new Date(instantMs + policy.utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The instant (ms) at which a reminder falling on `day` (a day number) goes out. */
export function sendInstant(day: number, policy: ReminderPolicy): number {
  const match = TIME_RE.exec(policy.sendAtLocalTime);
  if (!match) throw new RangeError(`sendAtLocalTime must be HH:MM, got ${policy.sendAtLocalTime}`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return day * DAY_MS + (minutes - policy.utcOffsetMinutes) * 60_000;
}

/** The instant (ms) at which local day `day` begins: reminders about a deadline make no sense after it. */
export function localMidnight(day: number, policy: ReminderPolicy): number {
  return day * DAY_MS - policy.utcOffsetMinutes * 60_000;
}

/** One reminder a series calls for, before it is checked against `now` and given its key. */
export interface Candidate {
  rule: ReminderRule;
  recipients: ReminderRecipient[];
  day: number;
  deadlineDay: number;
  /** ms; null = late-sendable for ever (the notification table still sends it once) */
  expiresAt: number | null;
  /** The 阶段节点 phrase(s) a milestone reminder is about. */
  milestone?: string;
  /** The period of a recurring duty's report reminders. */
  recurrence?: RecurrencePeriod;
}

export function departments(ids: readonly string[]): ReminderRecipient[] {
  return [...new Set(ids)].map((departmentId) => ({ kind: 'department' as const, departmentId }));
}
