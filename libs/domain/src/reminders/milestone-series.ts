import type { RecurrencePeriod } from '../extractor/types';
import {
  DAY_MS,
  dayNumber,
  dayNumberOrNull,
  localDateOf,
  localMidnight,
  sendInstant,
  type Candidate,
  type DayShift,
} from './reminder-days';
import type { ReminderPolicy, ReminderRecipient, ReminderTaskState } from './types';

/**
 * 阶段节点: each step dated before the deadline in force is announced to the lead and participant
 * departments `milestoneBeforeDays` before its day (0 = on the day). A step has no 催办 or escalation
 * of its own: the deadline's series chases the task, and a step only tells the departments what is
 * due next. Steps on or after the deadline are the deadline's business; a stored date that is not a
 * calendar date is skipped, never fatal for the task's other reminders.
 */
export function milestoneSeries(
  state: ReminderTaskState,
  deadlineDay: number,
  everyone: ReminderRecipient[],
  policy: ReminderPolicy,
  shift: DayShift,
): Candidate[] {
  if (state.status === 'submitted' || !state.milestones?.length) return [];
  // Two steps on one day are one reminder naming both (their keys would collide otherwise).
  const byDay = new Map<number, string[]>();
  for (const step of state.milestones) {
    const day = dayNumberOrNull(step.date);
    if (day === null || day >= deadlineDay) continue;
    byDay.set(day, [...(byDay.get(day) ?? []), step.text.trim() || step.date]);
  }
  const days = [...new Set(policy.milestoneBeforeDays)].filter((b) => b >= 0).sort((a, b) => b - a);
  const out: Candidate[] = [];
  for (const [stepDay, phrases] of [...byDay].sort((a, b) => a[0] - b[0])) {
    const milestone = phrases.join('；');
    days.forEach((before, index) => {
      const day = shift.before(stepDay - before);
      const next = days[index + 1];
      const nextDay = next === undefined ? null : shift.before(stepDay - next);
      if (nextDay !== null && nextDay <= day) return;
      out.push({
        rule: before === 0 ? 'milestone_today' : 'milestone_approaching',
        recipients: everyone,
        day,
        deadlineDay: stepDay,
        expiresAt: nextDay === null ? localMidnight(stepDay + 1, policy) : sendInstant(nextDay, policy),
        milestone,
      });
    });
  }
  return out;
}

const MONTHS_PER_PERIOD: Readonly<Record<RecurrencePeriod, number>> = {
  month: 1,
  quarter: 3,
  'half-year': 6,
  year: 12,
};

/** The last day (day number) of the period of `period` that contains the UTC date of `day`. */
function periodEnd(day: number, months: number): number {
  const date = new Date(day * DAY_MS);
  const endMonth = Math.floor(date.getUTCMonth() / months) * months + months;
  // Day 0 of the month after the period is the period's last day.
  return Date.UTC(date.getUTCFullYear(), endMonth, 0) / DAY_MS;
}

/**
 * When a recurring duty's next report falls due ('YYYY-MM-DD'): at the end of a period (month, quarter,
 * half-year, year), never the fixed `reportIntervalDays`. After a report, the first period end at least
 * half a period later: a report sent just after a quarter closed is that quarter's report, so the next
 * one is due when the current quarter ends. A new duty owes its first report at the end of the period
 * it was created in, unless less than `reportReminderBeforeDays` (at least a day) of it is left.
 */
export function recurringReportDueDate(
  state: Pick<ReminderTaskState, 'lastReportAt' | 'createdAt' | 'recurrence'>,
  policy: Pick<ReminderPolicy, 'utcOffsetMinutes' | 'reportReminderBeforeDays'>,
): string | null {
  if (!state.recurrence) return null;
  const months = MONTHS_PER_PERIOD[state.recurrence];
  const anchorMs = Date.parse(state.lastReportAt ?? state.createdAt);
  if (Number.isNaN(anchorMs)) throw new RangeError('lastReportAt/createdAt is not a valid instant');
  const anchorDay = dayNumber(localDateOf(anchorMs, policy));
  const gapDays =
    state.lastReportAt !== null
      ? Math.floor((months * 365) / 24)
      : Math.max(1, policy.reportReminderBeforeDays);
  return new Date(periodEnd(anchorDay + gapDays, months) * DAY_MS).toISOString().slice(0, 10);
}
