import { describe, expect, it } from 'vitest';

import { DEFAULT_REMINDER_POLICY, expectedReminders, recurringReportDueDate, reportDueDate } from './policy';
import type { ExpectedReminder, ReminderPolicy, ReminderTaskState } from './types';

/** Calendar days (no shifting) so the dates below read as written; 09:00 +08:00 = 01:00Z. */
const POLICY: ReminderPolicy = { ...DEFAULT_REMINDER_POLICY, nonWorkingDays: 'keep' };

function task(overrides: Partial<ReminderTaskState> = {}): ReminderTaskState {
  return {
    id: 't1',
    status: 'in_progress',
    deadline: '2026-12-31',
    leadDepartmentIds: ['A'],
    participantDepartmentIds: ['B'],
    lastReportAt: null,
    createdAt: '2026-01-05T02:00:00.000Z',
    milestones: [
      { date: '2026-06-30', text: '6月底前完成试点' },
      { date: '2026-09-30', text: '9月底前全面推开' },
    ],
    ...overrides,
  };
}

const line = (r: ExpectedReminder): string =>
  `${r.dueDate} ${r.recipient.kind === 'supervisors' ? 'SUP' : r.recipient.departmentId} ${r.rule} ${r.deadline}${r.milestone ? ` ${r.milestone}` : ''}`;

function milestoneLines(state: ReminderTaskState, now: string, policy: ReminderPolicy = POLICY): string[] {
  return expectedReminders(state, policy, new Date(now))
    .filter((r) => r.rule.startsWith('milestone_'))
    .map(line);
}

describe('milestone reminders (阶段节点)', () => {
  it('reminds lead and participants 3 days before each step and on its day, naming the step', () => {
    expect(milestoneLines(task(), '2026-06-01T00:00:00.000Z')).toEqual([
      '2026-06-27 A milestone_approaching 2026-06-30 6月底前完成试点',
      '2026-06-27 B milestone_approaching 2026-06-30 6月底前完成试点',
      '2026-06-30 A milestone_today 2026-06-30 6月底前完成试点',
      '2026-06-30 B milestone_today 2026-06-30 6月底前完成试点',
      '2026-09-27 A milestone_approaching 2026-09-30 9月底前全面推开',
      '2026-09-27 B milestone_approaching 2026-09-30 9月底前全面推开',
      '2026-09-30 A milestone_today 2026-09-30 9月底前全面推开',
      '2026-09-30 B milestone_today 2026-09-30 9月底前全面推开',
    ]);
  });

  it('keeps the deadline series as it was: milestones only add reminders', () => {
    const withSteps = expectedReminders(task(), POLICY, new Date('2026-06-01T00:00:00.000Z'));
    const without = expectedReminders(task({ milestones: [] }), POLICY, new Date('2026-06-01T00:00:00.000Z'));
    expect(withSteps.filter((r) => !r.rule.startsWith('milestone_'))).toEqual(without);
    expect(without.some((r) => r.milestone !== undefined)).toBe(false);
  });

  it('drops a step once its day has ended; a missed step reminder is still sent late the same day', () => {
    expect(milestoneLines(task(), '2026-06-30T10:00:00.000Z')[0]).toBe(
      '2026-06-30 A milestone_today 2026-06-30 6月底前完成试点',
    );
    expect(milestoneLines(task(), '2026-07-01T00:00:00.000Z')[0]).toBe(
      '2026-09-27 A milestone_approaching 2026-09-30 9月底前全面推开',
    );
  });

  it('ignores steps on or after the deadline (the deadline reminders cover them) and when submitted or done', () => {
    const late = task({ milestones: [{ date: '2026-12-31', text: '年底前完成' }] });
    expect(milestoneLines(late, '2026-06-01T00:00:00.000Z')).toEqual([]);
    expect(milestoneLines(task({ status: 'submitted' }), '2026-06-01T00:00:00.000Z')).toEqual([]);
    expect(milestoneLines(task({ status: 'done' }), '2026-06-01T00:00:00.000Z')).toEqual([]);
  });

  it('joins two steps on the same day into one reminder per department', () => {
    const twin = task({
      milestones: [
        { date: '2026-06-30', text: '完成摸底' },
        { date: '2026-06-30', text: '形成方案' },
      ],
    });
    expect(milestoneLines(twin, '2026-06-01T00:00:00.000Z')).toEqual([
      '2026-06-27 A milestone_approaching 2026-06-30 完成摸底；形成方案',
      '2026-06-27 B milestone_approaching 2026-06-30 完成摸底；形成方案',
      '2026-06-30 A milestone_today 2026-06-30 完成摸底；形成方案',
      '2026-06-30 B milestone_today 2026-06-30 完成摸底；形成方案',
    ]);
  });

  it('follows the policy: no milestone reminders with an empty milestoneBeforeDays', () => {
    expect(
      milestoneLines(task(), '2026-06-01T00:00:00.000Z', { ...POLICY, milestoneBeforeDays: [] }),
    ).toEqual([]);
  });

  it('moves a step reminder falling on a day off to the working day before it under shift', () => {
    // 2026-06-27 is a Saturday: the 3-day reminder goes out on Friday the 26th.
    const shifted = milestoneLines(task(), '2026-06-01T00:00:00.000Z', {
      ...POLICY,
      nonWorkingDays: 'shift',
    });
    expect(shifted[0]).toBe('2026-06-26 A milestone_approaching 2026-06-30 6月底前完成试点');
  });

  it('skips a step whose date is not a calendar date instead of failing the whole task', () => {
    const broken = task({
      milestones: [{ date: '2026-02-30', text: '坏日期' }, ...(task().milestones ?? [])],
    });
    expect(milestoneLines(broken, '2026-06-01T00:00:00.000Z')).toHaveLength(8);
  });
});

describe('recurring duties (每月 / 每季度 / 每半年 / 每年): the report falls due at the end of a period', () => {
  const recurring = (overrides: Partial<ReminderTaskState> = {}): ReminderTaskState =>
    task({ deadline: null, milestones: [], ...overrides });

  it.each([
    // A new duty: the end of the period it was created in, unless less than a week of it is left.
    ['quarter', null, '2026-02-10T02:00:00.000Z', '2026-03-31'],
    ['quarter', null, '2026-03-28T02:00:00.000Z', '2026-06-30'],
    ['month', null, '2026-02-10T02:00:00.000Z', '2026-02-28'],
    ['half-year', null, '2026-02-10T02:00:00.000Z', '2026-06-30'],
    ['year', null, '2026-09-10T02:00:00.000Z', '2026-12-31'],
    // After a report: the first period end at least half a period later (a report just after a quarter
    // closes is that quarter's report, so the next is due at the end of the current quarter).
    ['quarter', '2026-04-03T02:00:00.000Z', '2026-01-05T02:00:00.000Z', '2026-06-30'],
    ['quarter', '2026-03-25T02:00:00.000Z', '2026-01-05T02:00:00.000Z', '2026-06-30'],
    ['quarter', '2026-05-25T02:00:00.000Z', '2026-01-05T02:00:00.000Z', '2026-09-30'],
    ['month', '2026-01-31T02:00:00.000Z', '2026-01-05T02:00:00.000Z', '2026-02-28'],
    ['year', '2027-01-06T02:00:00.000Z', '2026-01-05T02:00:00.000Z', '2027-12-31'],
    ['year', '2026-12-20T02:00:00.000Z', '2026-01-05T02:00:00.000Z', '2027-12-31'],
  ] as const)('%s, last report %s, created %s → due %s', (period, lastReportAt, createdAt, due) => {
    const state = recurring({ recurrence: period, lastReportAt, createdAt });
    expect(recurringReportDueDate(state, POLICY)).toBe(due);
    const request = expectedReminders(state, POLICY, new Date('2026-01-01T00:00:00.000Z')).find(
      (r) => r.rule === 'report_requested',
    );
    expect(request?.deadline).toBe(due);
  });

  it('asks 7 days before the period ends, then chases and escalates like any report', () => {
    const state = recurring({ recurrence: 'quarter', createdAt: '2026-02-10T02:00:00.000Z' });
    expect(expectedReminders(state, POLICY, new Date('2026-03-01T00:00:00.000Z')).map(line)).toEqual([
      '2026-03-24 A report_requested 2026-03-31',
      '2026-04-01 A report_overdue_urge 2026-03-31',
      '2026-04-07 SUP report_overdue_escalation 2026-03-31',
    ]);
  });

  it('carries the period on the reminder so the message can say 每季度', () => {
    const state = recurring({ recurrence: 'quarter', createdAt: '2026-02-10T02:00:00.000Z' });
    const [first] = expectedReminders(state, POLICY, new Date('2026-03-01T00:00:00.000Z'));
    expect(first.recurrence).toBe('quarter');
  });

  it('without a period, a dateless task keeps the fixed report interval', () => {
    const state = recurring({ recurrence: null, createdAt: '2026-02-10T02:00:00.000Z' });
    const request = expectedReminders(state, POLICY, new Date('2026-02-11T00:00:00.000Z')).find(
      (r) => r.rule === 'report_requested',
    );
    expect(request?.deadline).toBe('2026-03-12');
    expect(request?.recurrence).toBeUndefined();
  });

  it('reportDueDate is the date the report reminders count from, with or without a period', () => {
    const fixed = recurring({ recurrence: null, createdAt: '2026-02-10T02:00:00.000Z' });
    expect(reportDueDate(fixed, POLICY)).toBe('2026-03-12');
    const quarterly = recurring({ recurrence: 'quarter', lastReportAt: '2026-04-03T02:00:00.000Z' });
    expect(reportDueDate(quarterly, POLICY)).toBe('2026-06-30');
  });
});
