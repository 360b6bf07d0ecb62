import { describe, expect, it } from 'vitest';

import { NATIONAL_DAY_2026 } from '../calendar/testing/national-day-2026';
import { WorkingDayCalendar } from '../calendar/working-days';
import { DEFAULT_REMINDER_POLICY, expectedReminders, reminderKey } from './policy';
import type { ReminderPolicy, ReminderTaskState } from './types';

/** 国庆节 2026 as announced (calendar/testing); days off are shifted to working days. */
const POLICY: ReminderPolicy = {
  ...DEFAULT_REMINDER_POLICY,
  nonWorkingDays: 'shift',
  calendar: new WorkingDayCalendar(NATIONAL_DAY_2026),
};

/** An undated task far from any report due date, so only the signoff rules show. */
function task(overrides: Partial<ReminderTaskState> = {}): ReminderTaskState {
  return {
    id: 't1',
    status: 'not_started',
    deadline: null,
    leadDepartmentIds: ['A', 'B'],
    participantDepartmentIds: ['C'],
    lastReportAt: null,
    createdAt: '2026-06-01T02:00:00.000Z',
    mainLeadDepartmentId: 'A',
    // Monday 2026-06-01, 10:00 local.
    awaitingSignoffSince: '2026-06-01T02:00:00.000Z',
    ...overrides,
  };
}

function signoff(state: ReminderTaskState, now: string, policy: ReminderPolicy = POLICY): string[] {
  return expectedReminders(state, policy, new Date(now))
    .filter((r) => r.rule.startsWith('task.signoff'))
    .map(
      (r) =>
        `${r.dueAt} ${r.recipient.kind === 'supervisors' ? 'SUP' : r.recipient.departmentId} ${r.rule} ${r.deadline}`,
    );
}

describe('expectedReminders: 签收', () => {
  it('reminds the 主办 lead on the last day of the window and tells the 督查室 the next working day', () => {
    // Assigned Monday 06-01; two working days: Tuesday, Wednesday 06-03 ends the window.
    expect(signoff(task(), '2026-06-01T03:00:00Z')).toEqual([
      '2026-06-03T01:00:00.000Z A task.signoff_due 2026-06-03',
      '2026-06-04T01:00:00.000Z SUP task.signoff_overdue 2026-06-03',
    ]);
  });

  it('keys them like every reminder (task, recipient, rule, day)', () => {
    const [due] = expectedReminders(task(), POLICY, new Date('2026-06-01T03:00:00Z')).filter(
      (r) => r.rule === 'task.signoff_due',
    );
    expect(due.key).toBe(
      reminderKey('t1', { kind: 'department', departmentId: 'A' }, 'task.signoff_due', '2026-06-03'),
    );
    expect(due.key).toBe('t1:dept-A:task.signoff_due:2026-06-03');
  });

  it('counts working days: a window over a weekend and the 国庆 holiday', () => {
    // Thursday 06-04 + 2 working days = Monday 06-08; escalation Tuesday 06-09.
    expect(signoff(task({ awaitingSignoffSince: '2026-06-04T02:00:00Z' }), '2026-06-04T03:00:00Z')).toEqual([
      '2026-06-08T01:00:00.000Z A task.signoff_due 2026-06-08',
      '2026-06-09T01:00:00.000Z SUP task.signoff_overdue 2026-06-08',
    ]);
    // Wednesday 09-30 + 2 working days = Friday 10-09 (10-01…10-07 off); escalation on the worked Saturday 10-10.
    expect(signoff(task({ awaitingSignoffSince: '2026-09-30T02:00:00Z' }), '2026-09-30T03:00:00Z')).toEqual([
      '2026-10-09T01:00:00.000Z A task.signoff_due 2026-10-09',
      '2026-10-10T01:00:00.000Z SUP task.signoff_overdue 2026-10-09',
    ]);
  });

  it('counts the day of assignment in local time (Asia/Shanghai)', () => {
    // 2026-06-01T17:00Z is already Tuesday 06-02 01:00 local: the window ends Thursday 06-04.
    expect(signoff(task({ awaitingSignoffSince: '2026-06-01T17:00:00Z' }), '2026-06-01T18:00:00Z')).toEqual([
      '2026-06-04T01:00:00.000Z A task.signoff_due 2026-06-04',
      '2026-06-05T01:00:00.000Z SUP task.signoff_overdue 2026-06-04',
    ]);
  });

  it('follows the configured window', () => {
    const five: ReminderPolicy = { ...POLICY, signoffWithinWorkingDays: 5 };
    expect(signoff(task(), '2026-06-01T03:00:00Z', five)).toEqual([
      '2026-06-08T01:00:00.000Z A task.signoff_due 2026-06-08',
      '2026-06-09T01:00:00.000Z SUP task.signoff_overdue 2026-06-08',
    ]);
  });

  it('counts working days under `keep` too (the window is defined in working days)', () => {
    const keep: ReminderPolicy = { ...POLICY, nonWorkingDays: 'keep' };
    expect(
      signoff(task({ awaitingSignoffSince: '2026-06-04T02:00:00Z' }), '2026-06-04T03:00:00Z', keep),
    ).toEqual([
      '2026-06-08T01:00:00.000Z A task.signoff_due 2026-06-08',
      '2026-06-09T01:00:00.000Z SUP task.signoff_overdue 2026-06-08',
    ]);
  });

  it('drops the reminder once its day has ended, keeps the escalation until it is sent', () => {
    expect(signoff(task(), '2026-06-03T16:30:00Z')).toEqual([
      '2026-06-04T01:00:00.000Z SUP task.signoff_overdue 2026-06-03',
    ]);
    // Weeks later the escalation is still owed (sent once, late; the notification table dedupes it).
    expect(signoff(task(), '2026-07-01T00:00:00Z')).toEqual([
      '2026-06-04T01:00:00.000Z SUP task.signoff_overdue 2026-06-03',
    ]);
  });

  it('goes to the 主办 lead, not the co-lead nor the participants', () => {
    expect(signoff(task({ mainLeadDepartmentId: 'B' }), '2026-06-01T03:00:00Z')[0]).toContain(
      ' B task.signoff_due',
    );
    // Without an explicit 主办, the first lead signs.
    expect(signoff(task({ mainLeadDepartmentId: undefined }), '2026-06-01T03:00:00Z')[0]).toContain(
      ' A task.signoff_due',
    );
  });

  it('gives a signed-off task no signoff reminders', () => {
    expect(signoff(task({ awaitingSignoffSince: null }), '2026-06-01T03:00:00Z')).toEqual([]);
    expect(signoff(task({ awaitingSignoffSince: undefined }), '2026-06-01T03:00:00Z')).toEqual([]);
  });

  it('stops chasing 签收 once the task is submitted or closed', () => {
    for (const status of ['submitted', 'done', 'terminated'] as const) {
      expect(signoff(task({ status }), '2026-06-01T03:00:00Z')).toEqual([]);
    }
    for (const status of ['in_progress', 'returned'] as const) {
      expect(signoff(task({ status }), '2026-06-01T03:00:00Z')).toHaveLength(2);
    }
  });

  it('leaves the other rules as they are', () => {
    const dated = task({ deadline: '2026-06-30' });
    const without = expectedReminders(
      { ...dated, awaitingSignoffSince: null },
      POLICY,
      new Date('2026-06-01T03:00:00Z'),
    );
    const withSignoff = expectedReminders(dated, POLICY, new Date('2026-06-01T03:00:00Z'));
    expect(withSignoff.filter((r) => !r.rule.startsWith('task.signoff'))).toEqual(without);
  });

  it('refuses an impossible instant', () => {
    expect(() => expectedReminders(task({ awaitingSignoffSince: 'soon' }), POLICY, new Date())).toThrow(
      RangeError,
    );
  });
});
