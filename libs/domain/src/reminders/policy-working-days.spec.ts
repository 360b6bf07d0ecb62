import { describe, expect, it } from 'vitest';

import { NATIONAL_DAY_2026 } from '../calendar/testing/national-day-2026';
import { WorkingDayCalendar } from '../calendar/working-days';
import { DEFAULT_REMINDER_POLICY, expectedReminders } from './policy';
import type { ReminderPolicy, ReminderTaskState } from './types';

/** 国庆节 2026 as announced (calendar/testing); days off are shifted to working days. */
const SHIFT: ReminderPolicy = {
  ...DEFAULT_REMINDER_POLICY,
  nonWorkingDays: 'shift',
  calendar: new WorkingDayCalendar(NATIONAL_DAY_2026),
};

function task(deadline: string | null, overrides: Partial<ReminderTaskState> = {}): ReminderTaskState {
  return {
    id: 't1',
    status: 'in_progress',
    deadline,
    leadDepartmentIds: ['A'],
    participantDepartmentIds: [],
    lastReportAt: null,
    createdAt: '2026-06-01T00:00:00.000Z',
    ...overrides,
  };
}

function compact(policy: ReminderPolicy, state: ReminderTaskState, now: string): string[] {
  return expectedReminders(state, policy, new Date(now)).map((r) => `${r.dueDate} ${r.rule} ${r.dayOffset}`);
}

describe('expectedReminders on days off', () => {
  it('sends reminders ahead of a holiday deadline on the last working day before it, once', () => {
    // Deadline Thursday 10-01 (国庆节): 7 days before is Thursday 09-24 (a working day); 1 day before
    // and the day itself fall on the holiday or just before it and both land on Wednesday 09-30.
    expect(compact(SHIFT, task('2026-10-01'), '2026-09-20T00:00:00Z')).toEqual([
      '2026-09-24 deadline_approaching -7',
      '2026-09-30 deadline_today -1',
      '2026-10-08 overdue_urge 7',
      '2026-10-08 overdue_escalation 7',
    ]);
  });

  it('moves 催办 and escalations after a deadline to the next working day, without doubling them', () => {
    // Deadline Wednesday 09-30: 催办 D+1 (10-01) and D+4 (10-04) both fall in the holiday → one on 10-08.
    const got = compact(SHIFT, task('2026-09-30'), '2026-10-02T00:00:00Z');
    expect(got).toEqual(['2026-10-08 overdue_urge 8', '2026-10-08 overdue_escalation 8']);
  });

  it('keeps calendar days under `keep`', () => {
    const keep: ReminderPolicy = { ...SHIFT, nonWorkingDays: 'keep' };
    expect(compact(keep, task('2026-09-30'), '2026-10-02T00:00:00Z')).toEqual([
      '2026-10-01 overdue_urge 1',
      '2026-10-04 overdue_urge 4',
      '2026-10-07 overdue_escalation 7',
    ]);
  });

  it('treats weekends as days off without a calendar', () => {
    const weekends: ReminderPolicy = { ...DEFAULT_REMINDER_POLICY, nonWorkingDays: 'shift' };
    // Deadline Monday 2026-12-07: the day-before reminder (Sunday) moves to Friday 12-04.
    const got = compact(weekends, task('2026-12-07'), '2026-12-01T00:00:00Z');
    expect(got).toContain('2026-12-04 deadline_approaching -3');
    expect(got).toContain('2026-12-07 deadline_today 0');
  });

  it('shifts the report requests of undated tasks too', () => {
    // Created 06-01 → report due 07-01, requested 7 days before on 06-24 (a Wednesday: unchanged).
    const undated = compact(SHIFT, task(null), '2026-06-10T00:00:00Z');
    expect(undated[0]).toBe('2026-06-24 report_requested -7');
  });
});
