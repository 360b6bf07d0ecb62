import { periodChoiceOf, periodKey, previousMonth } from './period-choice';

describe('period-choice', () => {
  const now = new Date(2026, 11, 2);

  it('defaults to last month, also across a year', () => {
    expect(periodKey(previousMonth(now))).toBe('2026-11');
    expect(periodKey(previousMonth(new Date(2027, 0, 1)))).toBe('2026-12');
  });

  it('reads the URL keys back into the pickers', () => {
    expect(periodKey(periodChoiceOf('2026-Q4', now))).toBe('2026-Q4');
    expect(periodKey(periodChoiceOf('2026-10-01..2026-11-15', now))).toBe('2026-10-01..2026-11-15');
    expect(periodKey(periodChoiceOf('nonsense', now))).toBe('2026-11');
  });

  it('has no key for an incomplete custom range', () => {
    expect(periodKey({ ...previousMonth(now), kind: 'custom', from: '2026-10-01', to: '' })).toBeNull();
  });
});
