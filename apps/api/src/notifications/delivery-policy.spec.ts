import { describe, expect, it } from 'vitest';
import { afterFailure, deliveryBackoffMs, deliveryExpired } from './delivery-policy';

const policy = { backoffMs: 2000, backoffMaxMs: 600_000, maxAgeMs: 3 * 86_400_000 };

describe('delivery retry policy', () => {
  it('doubles the delay per failure and caps it', () => {
    expect([1, 2, 3, 4].map((n) => deliveryBackoffMs(n, policy))).toEqual([2000, 4000, 8000, 16000]);
    expect(deliveryBackoffMs(9, policy)).toBe(512_000);
    expect(deliveryBackoffMs(10, policy)).toBe(600_000);
    expect(deliveryBackoffMs(5000, policy)).toBe(600_000);
    expect(deliveryBackoffMs(0, policy)).toBe(2000);
  });

  it('keeps trying for the whole window: a night-long outage is retried, not lost', () => {
    const since = 0;
    let now = since;
    let failures = 0;
    for (;;) {
      const step = afterFailure(++failures, since, now, policy);
      if (step.kind === 'abandon') break;
      now += step.delayMs;
    }
    // Attempts until the cut-off, never beyond it, and the gap never exceeds the cap.
    expect(now).toBe(policy.maxAgeMs);
    expect(failures).toBeGreaterThan(400);
  });

  it('abandons at the cut-off and shortens the last wait to it', () => {
    expect(deliveryExpired(0, policy.maxAgeMs - 1, policy)).toBe(false);
    expect(deliveryExpired(0, policy.maxAgeMs, policy)).toBe(true);
    expect(afterFailure(3, 0, policy.maxAgeMs, policy)).toEqual({ kind: 'abandon' });
    expect(afterFailure(20, 0, policy.maxAgeMs - 1000, policy)).toEqual({ kind: 'retry', delayMs: 1000 });
    // An admin's 重新发送 restarts the window from then.
    expect(afterFailure(1, 10 * policy.maxAgeMs, 10 * policy.maxAgeMs + 5, policy)).toEqual({
      kind: 'retry',
      delayMs: 2000,
    });
  });
});
