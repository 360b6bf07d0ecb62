import { describe, expect, it } from 'vitest';

import { DEFAULT_REMINDER_POLICY, expectedReminders, localDateOf, reminderKey } from './policy';
import type { ExpectedReminder, ReminderPolicy, ReminderTaskState } from './types';

/** These cases pin the rules in calendar days; day-off shifting has its own spec (policy-working-days.spec.ts). */
const CALENDAR_DAYS: ReminderPolicy = { ...DEFAULT_REMINDER_POLICY, nonWorkingDays: 'keep' };

function task(overrides: Partial<ReminderTaskState> = {}): ReminderTaskState {
  return {
    id: 't1',
    status: 'in_progress',
    deadline: '2026-03-20',
    leadDepartmentIds: ['A'],
    participantDepartmentIds: ['B'],
    lastReportAt: null,
    createdAt: '2026-01-05T02:00:00.000Z',
    ...overrides,
  };
}

/** Compact form: `${dueAt} ${recipient} ${rule}` — readable in a table. */
function compact(reminders: ExpectedReminder[]): string[] {
  return reminders.map(
    (r) => `${r.dueAt} ${r.recipient.kind === 'supervisors' ? 'SUP' : r.recipient.departmentId} ${r.rule}`,
  );
}

describe('expectedReminders', () => {
  describe('a dated task (deadline 2026-03-20, lead A, participant B), 09:00 +08:00 = 01:00Z', () => {
    /** The task's whole series, in order; most cases expect the part of it that is still due. */
    const SERIES = [
      '2026-03-13T01:00:00.000Z A deadline_approaching',
      '2026-03-13T01:00:00.000Z B deadline_approaching',
      '2026-03-19T01:00:00.000Z A deadline_approaching',
      '2026-03-19T01:00:00.000Z B deadline_approaching',
      '2026-03-20T01:00:00.000Z A deadline_today',
      '2026-03-20T01:00:00.000Z B deadline_today',
      '2026-03-21T01:00:00.000Z A overdue_urge',
      '2026-03-27T01:00:00.000Z SUP overdue_escalation',
    ];
    /** The series from the reminders due at `dueAt` on (the earlier ones superseded or too late to send). */
    const seriesFrom = (dueAt: string): string[] => SERIES.filter((line) => line >= dueAt);
    const cases: { name: string; now: string; expected: string[] }[] = [
      {
        name: 'well before: the whole pre-deadline series, the first 催办 and the escalation',
        now: '2026-03-01T00:00:00.000Z',
        expected: SERIES,
      },
      {
        name: 'one second before 09:00 local on D-1: the 7-day one is more than 3 days late, dropped',
        now: '2026-03-19T00:59:59.000Z',
        expected: seriesFrom('2026-03-19T01:00:00.000Z'),
      },
      {
        name: '7-day one missed by 2 days: still late-sendable',
        now: '2026-03-15T01:00:00.000Z',
        expected: SERIES,
      },
      {
        name: 'evening of D-1 (20:00 local): D-1 reminder still late-sendable until D 09:00',
        now: '2026-03-19T12:00:00.000Z',
        expected: seriesFrom('2026-03-19T01:00:00.000Z'),
      },
      {
        name: 'exactly D 09:00 local: D-1 superseded, today due now',
        now: '2026-03-20T01:00:00.000Z',
        expected: seriesFrom('2026-03-20T01:00:00.000Z'),
      },
      {
        name: 'local midnight after D (16:00Z): "due today" is pointless now',
        now: '2026-03-20T16:00:00.000Z',
        expected: seriesFrom('2026-03-21T01:00:00.000Z'),
      },
      {
        name: 'overdue by 5 days: latest 催办 (D+4) and the next (D+7), escalation at D+7',
        now: '2026-03-25T02:00:00.000Z',
        expected: [
          '2026-03-24T01:00:00.000Z A overdue_urge',
          '2026-03-27T01:00:00.000Z A overdue_urge',
          '2026-03-27T01:00:00.000Z SUP overdue_escalation',
        ],
      },
      {
        name: 'overdue by 3 weeks: a missed escalation is still sent late, once',
        now: '2026-04-10T00:00:00.000Z',
        expected: [
          '2026-03-27T01:00:00.000Z SUP overdue_escalation',
          '2026-04-08T01:00:00.000Z A overdue_urge',
          '2026-04-11T01:00:00.000Z A overdue_urge',
        ],
      },
    ];
    it.each(cases)('$name', ({ now, expected }) => {
      expect(compact(expectedReminders(task(), CALENDAR_DAYS, new Date(now)))).toEqual(expected);
    });
  });

  it('gives a terminated task nothing, even when overdue', () => {
    const now = new Date('2026-03-25T00:00:00Z');
    expect(expectedReminders(task({ status: 'in_progress' }), DEFAULT_REMINDER_POLICY, now)).not.toEqual([]);
    expect(expectedReminders(task({ status: 'terminated' }), DEFAULT_REMINDER_POLICY, now)).toEqual([]);
  });

  it('gives a done task nothing, even when overdue', () => {
    expect(
      expectedReminders(task({ status: 'done' }), CALENDAR_DAYS, new Date('2026-03-25T00:00:00Z')),
    ).toEqual([]);
    expect(
      expectedReminders(
        task({ status: 'done', deadline: null }),
        CALENDAR_DAYS,
        new Date('2026-03-25T00:00:00Z'),
      ),
    ).toEqual([]);
  });

  it('stops reminding departments once they have submitted, but keeps the escalation', () => {
    expect(
      compact(
        expectedReminders(task({ status: 'submitted' }), CALENDAR_DAYS, new Date('2026-03-01T00:00:00Z')),
      ),
    ).toEqual(['2026-03-27T01:00:00.000Z SUP overdue_escalation']);
  });

  it('reminds a department named as both lead and participant once', () => {
    const got = expectedReminders(
      task({ leadDepartmentIds: ['A'], participantDepartmentIds: ['A', 'C'] }),
      CALENDAR_DAYS,
      new Date('2026-03-19T02:00:00Z'),
    );
    expect(compact(got).filter((line) => line.includes('deadline_today'))).toEqual([
      '2026-03-20T01:00:00.000Z A deadline_today',
      '2026-03-20T01:00:00.000Z C deadline_today',
    ]);
  });

  it('sends 催办 to the participants when no lead is named', () => {
    const got = expectedReminders(
      task({ leadDepartmentIds: [] }),
      CALENDAR_DAYS,
      new Date('2026-03-21T00:00:00Z'),
    );
    expect(compact(got).filter((line) => line.includes('overdue_urge'))).toEqual([
      '2026-03-21T01:00:00.000Z B overdue_urge',
    ]);
  });

  describe('time zone edges', () => {
    it('puts 09:00 Shanghai on the previous UTC evening when sending at 00:30', () => {
      const policy: ReminderPolicy = { ...CALENDAR_DAYS, sendAtLocalTime: '00:30' };
      const got = expectedReminders(
        task({ deadline: '2026-01-01' }),
        policy,
        new Date('2025-12-25T00:00:00Z'),
      );
      const today = got.find((r) => r.rule === 'deadline_today' && r.recipient.kind === 'department');
      expect(today?.dueAt).toBe('2025-12-31T16:30:00.000Z');
      expect(today?.dueDate).toBe('2026-01-01');
      expect(today?.key).toBe('t1:dept-A:deadline_today:2026-01-01');
    });

    it('counts days across a year and a leap day in local dates', () => {
      const dates = (deadline: string, now: string): string[] =>
        expectedReminders(task({ deadline, participantDepartmentIds: [] }), CALENDAR_DAYS, new Date(now)).map(
          (r) => `${r.dueDate}/${r.dayOffset}`,
        );
      expect(dates('2028-03-01', '2028-02-01T00:00:00Z')).toEqual([
        '2028-02-23/-7',
        '2028-02-29/-1',
        '2028-03-01/0',
        '2028-03-02/1',
        '2028-03-08/7',
      ]);
      expect(dates('2027-01-03', '2026-12-01T00:00:00Z')).toEqual([
        '2026-12-27/-7',
        '2027-01-02/-1',
        '2027-01-03/0',
        '2027-01-04/1',
        '2027-01-10/7',
      ]);
    });

    it('is 07:30 local on the deadline day at 23:30Z the day before: D-1 still late-sendable, today ahead', () => {
      const got = expectedReminders(
        task({ deadline: '2026-01-01', participantDepartmentIds: [] }),
        CALENDAR_DAYS,
        new Date('2025-12-31T23:30:00Z'),
      );
      expect(compact(got)).toEqual([
        '2025-12-31T01:00:00.000Z A deadline_approaching',
        '2026-01-01T01:00:00.000Z A deadline_today',
        '2026-01-02T01:00:00.000Z A overdue_urge',
        '2026-01-08T01:00:00.000Z SUP overdue_escalation',
      ]);
    });

    it('reads local dates with the +08:00 offset', () => {
      expect(localDateOf(Date.parse('2026-03-19T15:59:59Z'), CALENDAR_DAYS)).toBe('2026-03-19');
      expect(localDateOf(Date.parse('2026-03-19T16:00:00Z'), CALENDAR_DAYS)).toBe('2026-03-20');
    });
  });

  describe('a task without a date', () => {
    // Created 04:00 local on 03-02: the first report falls due 30 days later, on 04-01.
    const ongoing = task({ deadline: null, createdAt: '2026-03-01T20:00:00.000Z' });

    it('asks the lead department (only) for its report a week ahead, then escalates like a deadline', () => {
      expect(compact(expectedReminders(ongoing, CALENDAR_DAYS, new Date('2026-03-10T00:00:00Z')))).toEqual([
        '2026-03-25T01:00:00.000Z A report_requested',
        '2026-04-02T01:00:00.000Z A report_overdue_urge',
        '2026-04-08T01:00:00.000Z SUP report_overdue_escalation',
      ]);
    });

    it('moves the whole series when a report comes in', () => {
      const reported = { ...ongoing, lastReportAt: '2026-03-28T03:00:00.000Z' };
      expect(compact(expectedReminders(reported, CALENDAR_DAYS, new Date('2026-03-28T04:00:00Z')))).toEqual([
        '2026-04-20T01:00:00.000Z A report_requested',
        '2026-04-28T01:00:00.000Z A report_overdue_urge',
        '2026-05-04T01:00:00.000Z SUP report_overdue_escalation',
      ]);
    });
  });

  describe('edits change exactly what is expected', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    const keys = (state: ReminderTaskState): string[] =>
      expectedReminders(state, CALENDAR_DAYS, now).map((r) => r.key);

    it('an extension replaces every key (they carry the due date)', () => {
      const before = keys(task());
      const after = keys(task({ deadline: '2026-04-30' }));
      expect(after.filter((k) => before.includes(k))).toEqual([]);
      expect(after).toHaveLength(before.length);
    });

    it('a reassignment swaps the departments', () => {
      const after = keys(task({ leadDepartmentIds: ['C'] }));
      expect(after.some((k) => k.includes(':dept-A:'))).toBe(false);
      expect(after).toContain('t1:dept-C:overdue_urge:2026-03-21');
      expect(after).toContain('t1:dept-B:deadline_today:2026-03-20');
    });

    it('is deterministic and has unique keys', () => {
      expect(keys(task())).toEqual(keys(task()));
      expect(new Set(keys(task())).size).toBe(keys(task()).length);
      expect(reminderKey('t1', { kind: 'supervisors' }, 'overdue_escalation', '2026-03-27')).toBe(
        't1:supervisors:overdue_escalation:2026-03-27',
      );
    });
  });

  it('rejects a malformed deadline', () => {
    expect(() => expectedReminders(task({ deadline: '2026-02-30' }), CALENDAR_DAYS)).toThrow(RangeError);
  });
});
