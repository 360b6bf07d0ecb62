import { afterEach, describe, expect, it, vi } from 'vitest';
import { Clock } from './clock';

describe(Clock.name, () => {
  afterEach(() => vi.useRealTimers());

  it('shifts by the offset and runs `scale` times faster from the anchor', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const sut = new Clock({ offsetMs: 5_000, scale: 60, anchorMs: 1_000_000 });
    expect(sut.nowMs()).toBe(1_005_000);
    vi.advanceTimersByTime(1_000);
    expect(sut.nowMs()).toBe(1_000_000 + 60_000 + 5_000);
  });

  it('converts a virtual instant into a real delay, rounding up and never negative', () => {
    vi.useFakeTimers({ now: 0 });
    const sut = new Clock({ offsetMs: 0, scale: 3_600, anchorMs: 0 });
    expect(sut.realDelayUntil(3_600_000)).toBe(1_000);
    expect(sut.realDelayUntil(3_600_001)).toBe(1_001);
    expect(sut.realDelayUntil(-5)).toBe(0);
  });

  it('refuses a non-positive scale', () => {
    expect(() => new Clock({ offsetMs: 0, scale: 0, anchorMs: 0 })).toThrow(RangeError);
  });
});
