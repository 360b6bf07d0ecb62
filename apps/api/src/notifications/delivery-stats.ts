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

/** Attempts are written at most this long after they happened (readiness looks at minutes). */
const FLUSH_MS = 250;

/**
 * Counts attempts in memory and writes them per bucket every FLUSH_MS: one Redis transaction per
 * quarter second instead of one per e-mail. A failed write is dropped (statistics, not records).
 */
export class DeliveryStatsRecorder {
  private counts = new Map<number, DeliveryStats>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  record(ok: boolean): void {
    const bucket = Math.floor(Date.now() / BUCKET_MS);
    const stats = this.counts.get(bucket) ?? { ok: 0, fail: 0 };
    if (ok) stats.ok += 1;
    else stats.fail += 1;
    this.counts.set(bucket, stats);
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), FLUSH_MS);
      this.timer.unref();
    }
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const counts = this.counts;
    this.counts = new Map();
    if (counts.size === 0) return;
    const tx = this.redis.multi();
    for (const [bucket, stats] of counts) {
      const key = bucketKey(this.prefix, bucket);
      if (stats.ok > 0) tx.hincrby(key, 'ok', stats.ok);
      if (stats.fail > 0) tx.hincrby(key, 'fail', stats.fail);
      tx.pexpire(key, KEEP_MS);
    }
    await tx.exec().catch(() => undefined);
  }
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
