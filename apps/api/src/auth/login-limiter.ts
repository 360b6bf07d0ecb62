import { Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../infra/config/app-config';
import { InjectConfig } from '../infra/config/config.module';
import type { TooManyRequestsError } from '../infra/http/domain-error';
import { authErrors } from './auth.errors';
import { QueueService } from '../infra/queue/queue.service';

/** Failed-login counters of one username are forgotten a day after the last failure. */
const FAILURE_MEMORY_MS = 24 * 3600 * 1000;

/**
 * Growing lock-out after `threshold` failures: 1 s, 2 s, 4 s … up to `maxMs` (pure, unit-tested).
 * 0 while under the threshold.
 */
export function lockoutMs(failures: number, threshold: number, maxMs: number): number {
  if (failures < threshold) return 0;
  return Math.min(maxMs, 1000 * 2 ** Math.min(30, failures - threshold));
}

/**
 * Login throttling in Redis (shared by every API instance): per client address, a fixed window of
 * LOGIN_RATE_LIMIT attempts; per username, a lock-out that doubles with each failure past
 * LOGIN_FAILURES_BEFORE_LOCK and ends on a successful login. The address is the socket's unless the
 * connection comes from a proxy listed in TRUST_PROXY, so a forged X-Forwarded-For changes nothing.
 * When Redis is unreachable logins are not throttled (logged): a Redis outage must not lock everyone out.
 */
@Injectable()
export class LoginLimiter {
  private readonly logger = new Logger('LoginLimiter');

  constructor(
    private readonly queues: QueueService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  private key(kind: 'ip' | 'fail' | 'lock', id: string): string {
    return `${this.config.redis.prefix}login:${kind}:${id}`;
  }

  /** Counts this attempt; throws 429 when the address or the username must wait. */
  async admit(clientIp: string, username: string): Promise<void> {
    const { loginRateLimit, loginRateWindowMs } = this.config.auth;
    const name = username.trim().toLowerCase();
    let result: [number, number, number];
    try {
      const ipKey = this.key('ip', clientIp);
      const replies = await this.queues.redis
        .multi()
        .set(ipKey, '0', 'PX', loginRateWindowMs, 'NX')
        .incr(ipKey)
        .pttl(ipKey)
        .pttl(this.key('lock', name))
        .exec();
      const values = (replies ?? []).map(([error, value]) => {
        if (error) throw error;
        return value;
      });
      result = [Number(values[1]), Number(values[2]), Number(values[3])];
    } catch (error) {
      this.logger.warn(`login throttle unavailable (Redis): ${(error as Error).message}`);
      return;
    }
    const [attempts, windowLeftMs, lockLeftMs] = result;
    if (lockLeftMs > 0) throw this.refusal(lockLeftMs);
    if (attempts > loginRateLimit) throw this.refusal(windowLeftMs > 0 ? windowLeftMs : loginRateWindowMs);
  }

  async recordFailure(username: string): Promise<void> {
    const { loginFailuresBeforeLock, loginLockMaxMs } = this.config.auth;
    const name = username.trim().toLowerCase();
    try {
      const failKey = this.key('fail', name);
      const failures = await this.queues.redis.incr(failKey);
      await this.queues.redis.pexpire(failKey, FAILURE_MEMORY_MS);
      const lock = lockoutMs(failures, loginFailuresBeforeLock, loginLockMaxMs);
      if (lock > 0) await this.queues.redis.set(this.key('lock', name), String(failures), 'PX', lock);
    } catch (error) {
      this.logger.warn(`could not record a failed login (Redis): ${(error as Error).message}`);
    }
  }

  async recordSuccess(username: string): Promise<void> {
    const name = username.trim().toLowerCase();
    await this.queues.redis.del(this.key('fail', name), this.key('lock', name)).catch(() => undefined);
  }

  private refusal(waitMs: number): TooManyRequestsError {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    return authErrors.loginThrottled(seconds);
  }
}
