/**
 * Pure rules of e-mail/webhook retries: how long to wait after the n-th failed attempt and when a
 * delivery is too old to keep trying. Kept free of I/O so the worker, the reconciler and the tests
 * agree on one definition.
 */
export interface DeliveryRetryPolicy {
  /** Delay after the first failed attempt. */
  backoffMs: number;
  /** No delay grows beyond this (a night-long outage is retried every few minutes, not every few days). */
  backoffMaxMs: number;
  /** A delivery older than this (since created, or since an admin's 重新发送) is abandoned. */
  maxAgeMs: number;
}

/** `backoffMs · 2^(failures-1)`, capped at `backoffMaxMs`; `failures` counts this one (≥ 1). */
export function deliveryBackoffMs(failures: number, policy: DeliveryRetryPolicy): number {
  const n = Math.max(1, Math.floor(failures));
  // 2^n overflows to Infinity long before it matters; Math.min keeps the cap exact.
  return Math.min(policy.backoffMaxMs, policy.backoffMs * 2 ** Math.min(n - 1, 60));
}

/** True once the delivery's retry window (from `since`) has passed. */
export function deliveryExpired(sinceMs: number, nowMs: number, policy: DeliveryRetryPolicy): boolean {
  return nowMs - sinceMs >= policy.maxAgeMs;
}

export type FailureStep = { kind: 'retry'; delayMs: number } | { kind: 'abandon' };

/**
 * After a failed attempt: retry after the backoff, unless the window is over (now, or before the next
 * attempt would run: waiting past the cut-off only to give up would hide the failure longer).
 */
export function afterFailure(
  failures: number,
  sinceMs: number,
  nowMs: number,
  policy: DeliveryRetryPolicy,
): FailureStep {
  if (deliveryExpired(sinceMs, nowMs, policy)) return { kind: 'abandon' };
  const delayMs = deliveryBackoffMs(failures, policy);
  // The last retry runs at the cut-off rather than being skipped: the window is a promise to try until then.
  const untilCutOff = sinceMs + policy.maxAgeMs - nowMs;
  return { kind: 'retry', delayMs: Math.max(0, Math.min(delayMs, untilCutOff)) };
}
