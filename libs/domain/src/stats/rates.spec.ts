import { describe, expect, it } from 'vitest';
import { formatRate, isOpenForStats, onTimeRate, overdueRate } from './rates';

describe('rates', () => {
  it('divides overdue by the tasks and on-time by the tasks that are due', () => {
    const counts = { total: 48, done: 10, onTime: 7, overdue: 31 };
    expect(overdueRate(counts)).toBe(0.6458);
    expect(onTimeRate(counts)).toBe(0.1707);
    expect(formatRate(0.6458)).toBe('64.6%');
  });

  it('is 0 without a denominator', () => {
    expect(overdueRate({ total: 0, done: 0, onTime: 0, overdue: 0 })).toBe(0);
    expect(onTimeRate({ total: 5, done: 0, onTime: 0, overdue: 0 })).toBe(0);
  });

  it('treats terminated as closed and an unknown status as open', () => {
    expect(isOpenForStats('terminated')).toBe(false);
    expect(isOpenForStats('done')).toBe(false);
    expect(isOpenForStats('in_progress')).toBe(true);
    expect(isOpenForStats('something_new')).toBe(true);
  });
});
