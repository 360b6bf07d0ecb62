import { availableParallelism } from 'node:os';
import { compare, hash } from 'bcrypt';

/**
 * bcrypt cost: 10 is the usual interactive-login trade-off (≈ 60 ms per check here).
 */
export const BCRYPT_ROUNDS = 10;

/**
 * Native bcrypt runs on libuv's thread pool, off the event loop; but on a small host a burst of
 * logins can still take every core and starve the loop of CPU. So at most `cores - 1` hashes run at
 * once (at least one): a login storm queues here while other requests keep a core.
 */
const MAX_CONCURRENT = Math.max(1, availableParallelism() - 1);

let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export function hashPassword(password: string): Promise<string> {
  return limited(() => hash(password, BCRYPT_ROUNDS));
}

export function checkPassword(password: string, passwordHash: string): Promise<boolean> {
  return limited(() => compare(password, passwordHash));
}
