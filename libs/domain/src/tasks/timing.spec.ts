import { describe, expect, it } from 'vitest';
import type { TaskStatus } from '../api/task-vocabulary';
import {
  completedOnTime,
  completionVerdict,
  daysBetween,
  deadlineEnd,
  isIsoDate,
  isOverdue,
  shanghaiDate,
  trafficLight,
  type TaskTimingInput,
} from './timing';

const at = (iso: string) => new Date(iso);

function task(overrides: Partial<TaskTimingInput> = {}): TaskTimingInput {
  return {
    status: 'in_progress',
    deadline: '2026-06-30',
    createdAt: at('2026-01-01T00:00:00Z'),
    lastReportAt: null,
    ...overrides,
  };
}

describe('deadline instants in Asia/Shanghai', () => {
  it('ends a deadline day at 24:00 +08:00', () => {
    expect(deadlineEnd('2026-06-30').toISOString()).toBe('2026-06-30T16:00:00.000Z');
    expect(deadlineEnd('2026-12-31').toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('reads the Shanghai calendar date, which runs 8 hours ahead of UTC', () => {
    expect(shanghaiDate(at('2026-06-30T15:59:59Z'))).toBe('2026-06-30');
    expect(shanghaiDate(at('2026-06-30T16:00:00Z'))).toBe('2026-07-01');
  });

  it('rejects impossible dates', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026/06/30')).toBe(false);
    expect(() => deadlineEnd('2026-13-01')).toThrow(RangeError);
  });

  it('counts calendar days', () => {
    expect(daysBetween('2026-06-23', '2026-06-30')).toBe(7);
    expect(daysBetween('2026-06-30', '2026-06-23')).toBe(-7);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
  });
});

describe('overdue', () => {
  it('is not overdue during the last second of the deadline day in Shanghai', () => {
    expect(isOverdue(task(), at('2026-06-30T15:59:59.999Z'))).toBe(false);
  });

  it('is overdue from 24:00 Shanghai time', () => {
    expect(isOverdue(task(), at('2026-06-30T16:00:00Z'))).toBe(true);
  });

  it('still counts a submitted task that is not yet approved', () => {
    expect(isOverdue(task({ status: 'submitted' }), at('2026-07-02T00:00:00Z'))).toBe(true);
  });

  it('never counts a done task or an undated one', () => {
    expect(isOverdue(task({ status: 'done' }), at('2027-01-01T00:00:00Z'))).toBe(false);
    expect(isOverdue(task({ status: 'terminated' }), at('2027-01-01T00:00:00Z'))).toBe(false);
    expect(isOverdue(task({ deadline: null }), at('2027-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('traffic light', () => {
  it.each<[string, string]>([
    ['2026-06-30T16:00:00Z', 'red'],
    ['2026-06-30T15:00:00Z', 'yellow'],
    ['2026-06-22T16:00:00Z', 'yellow'], // 06-23 in Shanghai: 7 days left
    ['2026-06-22T15:59:59Z', 'green'], // still 06-22 in Shanghai: 8 days left
  ])('at %s a task due 2026-06-30 is %s', (now, light) => {
    expect(trafficLight(task(), at(now))).toBe(light);
  });

  it('honours a configured yellow window', () => {
    const now = at('2026-06-10T00:00:00Z');
    expect(trafficLight(task(), now, { yellowWithinDays: 7, staleAfterDays: 30 })).toBe('green');
    expect(trafficLight(task(), now, { yellowWithinDays: 30, staleAfterDays: 30 })).toBe('yellow');
  });

  it.each<TaskStatus>(['done', 'terminated'])('shows %s tasks green even past the deadline', (status) => {
    expect(trafficLight(task({ status }), at('2027-01-01T00:00:00Z'))).toBe('green');
  });

  describe('undated tasks, judged on progress reports', () => {
    const undated = (lastReportAt: Date | null) =>
      task({ deadline: null, createdAt: at('2026-01-01T00:00:00Z'), lastReportAt });

    it('is green with a recent report', () => {
      expect(trafficLight(undated(at('2026-03-01T00:00:00Z')), at('2026-03-20T00:00:00Z'))).toBe('green');
    });

    it('turns yellow after 30 days without a report', () => {
      expect(trafficLight(undated(at('2026-03-01T00:00:00Z')), at('2026-03-31T00:00:00Z'))).toBe('green');
      expect(trafficLight(undated(at('2026-03-01T00:00:00Z')), at('2026-03-31T00:00:01Z'))).toBe('yellow');
    });

    it('falls back to the creation date before any report', () => {
      expect(trafficLight(undated(null), at('2026-01-20T00:00:00Z'))).toBe('green');
      expect(trafficLight(undated(null), at('2026-02-15T00:00:00Z'))).toBe('yellow');
    });

    it('is never red', () => {
      expect(trafficLight(undated(null), at('2030-01-01T00:00:00Z'))).toBe('yellow');
    });

    it('honours a configured staleness window', () => {
      expect(
        trafficLight(undated(null), at('2026-01-20T00:00:00Z'), { yellowWithinDays: 7, staleAfterDays: 10 }),
      ).toBe('yellow');
    });
  });
});

describe('completion on time', () => {
  it('meets a deadline completed before 24:00 Shanghai on the day', () => {
    expect(completedOnTime(at('2026-06-30T15:59:59Z'), '2026-06-30')).toBe(true);
    expect(completedOnTime(at('2026-06-30T16:00:00Z'), '2026-06-30')).toBe(false);
  });

  it('has no verdict without a deadline', () => {
    expect(completedOnTime(at('2026-06-30T00:00:00Z'), null)).toBeNull();
  });

  it('judges against both the extended and the original deadline', () => {
    expect(
      completionVerdict({
        completedAt: at('2026-08-01T00:00:00Z'),
        deadline: '2026-09-30',
        originalDeadline: '2026-06-30',
      }),
    ).toEqual({ completedOnTime: true, completedOnTimeOriginal: false });
  });

  it('has no original verdict when there was no extension', () => {
    expect(
      completionVerdict({
        completedAt: at('2026-06-01T00:00:00Z'),
        deadline: '2026-06-30',
        originalDeadline: null,
      }),
    ).toEqual({ completedOnTime: true, completedOnTimeOriginal: null });
  });

  it('has no verdict before completion', () => {
    expect(
      completionVerdict({ completedAt: null, deadline: '2026-06-30', originalDeadline: '2026-05-30' }),
    ).toEqual({
      completedOnTime: null,
      completedOnTimeOriginal: null,
    });
  });
});
