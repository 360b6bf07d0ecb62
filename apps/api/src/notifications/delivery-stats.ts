import type { Redis } from 'ioredis';

/**
 * Delivery attempts per 5-second bucket in Redis (`<prefix>:deliveries:stats:<bucket>`, hash with
 * `ok` and `fail`), expiring on their own: readiness reads the failure rate of the last minutes
 * without a query over the deliveries table. Real time, not the application clock: it measures the
 * servers, not the reminders.
 */
const BUCKET_MS = 5_000;
const KEEP_MS = 60 * 60_000;

function bucketKey(prefix: string, bucket: number): string {
  return `${prefix}:deliveries:stats:${bucket}`;
}

export async function recordDeliveryAttempt(redis: Redis, prefix: string, ok: boolean): Promise<void> {
  const key = bucketKey(prefix, Math.floor(Date.now() / BUCKET_MS));
  await redis
    .multi()
    .hincrby(key, ok ? 'ok' : 'fail', 1)
    .pexpire(key, KEEP_MS)
    .exec();
}

export interface DeliveryStats {
  ok: number;
  fail: number;
}

export async function readDeliveryStats(
  redis: Redis,
  prefix: string,
  windowMs: number,
): Promise<DeliveryStats> {
  const last = Math.floor(Date.now() / BUCKET_MS);
  const first = Math.floor((Date.now() - windowMs) / BUCKET_MS) + 1;
  const pipeline = redis.pipeline();
  for (let b = first; b <= last; b++) pipeline.hmget(bucketKey(prefix, b), 'ok', 'fail');
  const replies = (await pipeline.exec()) ?? [];
  const stats: DeliveryStats = { ok: 0, fail: 0 };
  for (const [error, value] of replies) {
    if (error || !Array.isArray(value)) continue;
    stats.ok += Number(value[0] ?? 0);
    stats.fail += Number(value[1] ?? 0);
  }
  return stats;
}

/**
 * "The server accepted this delivery": written when the "mark sent" update kept failing, so that the
 * retried job marks the row sent instead of sending again (the row and the mailbox agree once the
 * database is back).
 */
export function acceptedKey(prefix: string, deliveryId: string): string {
  return `${prefix}:deliveries:accepted:${deliveryId}`;
}
