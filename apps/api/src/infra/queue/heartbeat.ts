import type { Redis } from 'ioredis';

/**
 * Worker heartbeats: each worker process keeps `<prefix>:workers:<id>` (JSON, expiring after the TTL)
 * and its id in the set `<prefix>:workers`. A key that expired means a dead (or frozen) worker;
 * readers drop its id from the set. A FLUSHALL removes both, and live workers re-create them on their
 * next beat.
 */
export interface WorkerBeat {
  id: string;
  host: string;
  pid: number;
  startedAt: string;
  beatAt: string;
  /** Jobs this worker runs at once, per queue: readiness compares the queues' active jobs with it. */
  concurrency: Record<string, number>;
}

const setKey = (prefix: string): string => `${prefix}:workers`;
const beatKey = (prefix: string, id: string): string => `${prefix}:workers:${id}`;

export async function publishBeat(
  redis: Redis,
  prefix: string,
  beat: WorkerBeat,
  ttlMs: number,
): Promise<void> {
  await redis
    .multi()
    .set(beatKey(prefix, beat.id), JSON.stringify(beat), 'PX', ttlMs)
    .sadd(setKey(prefix), beat.id)
    .exec();
}

export async function clearBeat(redis: Redis, prefix: string, id: string): Promise<void> {
  await redis.multi().del(beatKey(prefix, id)).srem(setKey(prefix), id).exec();
}

/** The workers whose heartbeat has not expired. */
export async function liveWorkers(redis: Redis, prefix: string): Promise<WorkerBeat[]> {
  const ids = await redis.smembers(setKey(prefix));
  if (ids.length === 0) return [];
  const values = await redis.mget(...ids.map((id) => beatKey(prefix, id)));
  const dead = ids.filter((_, i) => values[i] === null);
  if (dead.length > 0) await redis.srem(setKey(prefix), ...dead);
  return values.flatMap((v) => (v ? [JSON.parse(v) as WorkerBeat] : []));
}
