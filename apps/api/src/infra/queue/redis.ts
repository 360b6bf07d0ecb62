import { Logger } from '@nestjs/common';
import IORedis, { type Redis } from 'ioredis';

/**
 * `consumer`: BullMQ workers need `maxRetriesPerRequest: null` (commands wait for Redis to return).
 * `producer`: the API and the scheduler fail fast instead, so an HTTP request never hangs on a Redis
 * outage (the reconciler catches up from PostgreSQL afterwards).
 */
export function createRedis(url: string, role: 'consumer' | 'producer' = 'consumer'): Redis {
  return new IORedis(url, {
    maxRetriesPerRequest: role === 'consumer' ? null : 2,
    enableReadyCheck: true,
    lazyConnect: false,
  });
}

/** BullMQ's key prefix from the app's Redis prefix ('duban:' → 'duban'). */
export function bullPrefix(prefix: string): string {
  return prefix.replace(/:+$/, '') || 'duban';
}

export interface RedisPolicyCheck {
  policy: string | null;
  ok: boolean;
}

/**
 * Delayed jobs live only in Redis: an evicting `maxmemory-policy` silently drops reminders (the
 * reconciler would re-create them, but late). Warn loudly unless the policy is `noeviction`.
 */
export async function checkRedisEvictionPolicy(
  redis: Redis,
  logger = new Logger('Redis'),
): Promise<RedisPolicyCheck> {
  let policy: string | null = null;
  try {
    const reply: unknown = await redis.config('GET', 'maxmemory-policy');
    if (Array.isArray(reply) && typeof reply[1] === 'string') policy = reply[1];
  } catch (error) {
    logger.warn(
      `cannot read maxmemory-policy (${error instanceof Error ? error.message : String(error)}); make sure it is noeviction`,
    );
    return { policy: null, ok: false };
  }
  const ok = policy === 'noeviction';
  if (!ok) {
    logger.warn(
      `!!! Redis maxmemory-policy is "${policy ?? 'unknown'}", not "noeviction": Redis may evict queued reminder jobs under memory pressure. ` +
        'Set `maxmemory-policy noeviction` (redis.conf or CONFIG SET). The reconciler restores lost jobs from PostgreSQL, but late. !!!',
    );
  }
  return { policy, ok };
}

/** Deletes every key under an app Redis prefix ('duban_it_x:' → 'duban_it_x:*'), e.g. after a test run. */
export async function deleteKeysWithPrefix(redis: Redis, prefix: string): Promise<number> {
  const pattern = `${bullPrefix(prefix)}:*`;
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) deleted += await redis.del(...keys);
  } while (cursor !== '0');
  return deleted;
}
