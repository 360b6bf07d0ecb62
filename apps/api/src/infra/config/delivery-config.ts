import type { AppConfig } from './app-config.schema';
import { bool, ConfigError, int, num, parseCidrList, str, url, type Attempt, type Env } from './env-readers';

export type DeliverySections = Pick<
  AppConfig,
  'events' | 'queue' | 'deliveries' | 'health' | 'clock' | 'reminders' | 'mail' | 'webhooks' | 'tasks'
>;

/** The worker's side: task events, queues, deliveries and their readiness thresholds, the clock, reminders, mail, webhooks, task lights. */
export function parseDeliverySections(env: Env, attempt: Attempt): DeliverySections {
  return {
    events: {
      pollEveryMs: attempt(() => int(env, 'EVENTS_POLL_EVERY_MS', 5_000, 100), 5_000),
      batchSize: attempt(() => int(env, 'EVENTS_BATCH_SIZE', 500, 1), 500),
      retentionDays: attempt(() => int(env, 'EVENTS_RETENTION_DAYS', 30, 1), 30),
    },
    queue: {
      attempts: attempt(() => int(env, 'QUEUE_ATTEMPTS', 8, 1), 8),
      backoffMs: attempt(() => int(env, 'QUEUE_BACKOFF_MS', 2000, 1), 2000),
      removeOnCompleteCount: attempt(() => int(env, 'QUEUE_KEEP_COMPLETED', 1000), 1000),
      removeOnFailCount: attempt(() => int(env, 'QUEUE_KEEP_FAILED', 5000), 5000),
      // Reminder jobs running at once per worker; they are sent in batches (one statement for all of
      // them), so more at once means fewer, larger batches rather than more database load.
      concurrency: attempt(() => int(env, 'QUEUE_CONCURRENCY', 100, 1), 100),
      // Deliveries mostly wait on the SMTP pool or a receiver: many at once cost little CPU.
      deliveryConcurrency: attempt(() => int(env, 'QUEUE_DELIVERY_CONCURRENCY', 50, 1), 50),
      reconcileEveryMs: attempt(() => int(env, 'REMINDER_RECONCILE_EVERY_MS', 5 * 60_000, 1000), 5 * 60_000),
      // A killed worker's jobs come back after the lock expires plus up to two stalled checks (BullMQ
      // marks candidates on one pass and moves them on the next): 5 s + 2 × 2 s stays under 10 s.
      lockDurationMs: attempt(() => int(env, 'QUEUE_LOCK_DURATION_MS', 5_000, 1000), 5_000),
      stalledIntervalMs: attempt(() => int(env, 'QUEUE_STALLED_INTERVAL_MS', 2_000, 500), 2_000),
      heartbeatTtlMs: attempt(() => int(env, 'WORKER_HEARTBEAT_TTL_MS', 6_000, 300), 6_000),
    },
    deliveries: {
      maxAgeMs: attempt(() => int(env, 'DELIVERY_MAX_AGE_MS', 3 * 86_400_000, 1000), 3 * 86_400_000),
      backoffMs: attempt(() => int(env, 'DELIVERY_BACKOFF_MS', 2_000, 10), 2_000),
      backoffMaxMs: attempt(() => int(env, 'DELIVERY_BACKOFF_MAX_MS', 10 * 60_000, 10), 10 * 60_000),
      markSentRetryMs: attempt(() => int(env, 'DELIVERY_MARK_SENT_RETRY_MS', 60_000), 60_000),
    },
    health: {
      requireWorker: attempt(() => bool(env, 'HEALTH_REQUIRE_WORKER', true), true),
      missingJobsMax: attempt(() => int(env, 'HEALTH_MISSING_JOBS_MAX', 100), 100),
      deliveryFailureRate: attempt(() => {
        const value = num(env, 'HEALTH_DELIVERY_FAILURE_RATE', 0.5, 0);
        if (value > 1) throw new ConfigError(`HEALTH_DELIVERY_FAILURE_RATE must be ≤ 1, got "${value}"`);
        return value;
      }, 0.5),
      deliveryWindowMs: attempt(() => int(env, 'HEALTH_DELIVERY_WINDOW_MS', 120_000, 1000), 120_000),
      deliveryMinAttempts: attempt(() => int(env, 'HEALTH_DELIVERY_MIN_ATTEMPTS', 10, 1), 10),
    },
    clock: {
      offsetMs: attempt(() => num(env, 'CLOCK_OFFSET_MS', 0), 0),
      scale: attempt(() => num(env, 'CLOCK_SCALE', 1, Number.MIN_VALUE), 1),
      anchorMs: attempt(() => num(env, 'CLOCK_ANCHOR_MS', Date.now()), Date.now()),
    },
    reminders: {
      sendAtLocalTime: attempt(() => {
        const value = str(env, 'REMINDER_SEND_AT', '09:00');
        if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value))
          throw new ConfigError(`REMINDER_SEND_AT must be HH:MM, got "${value}"`);
        return value;
      }, '09:00'),
      graceMs: attempt(() => int(env, 'REMINDER_GRACE_MS', 60_000), 60_000),
      maxLatenessMs: attempt(() => int(env, 'REMINDER_MAX_LATENESS_MS', 3 * 86_400_000), 3 * 86_400_000),
      nonWorkingDays: attempt(() => {
        const value = str(env, 'REMINDER_NON_WORKING_DAYS', 'shift');
        if (value !== 'shift' && value !== 'keep')
          throw new ConfigError(`REMINDER_NON_WORKING_DAYS must be shift or keep, got "${value}"`);
        return value;
      }, 'shift' as const),
      signoffWithinWorkingDays: attempt(() => {
        const value = int(env, 'SIGNOFF_WITHIN_WORKING_DAYS', 2);
        if (value > 30) throw new ConfigError(`SIGNOFF_WITHIN_WORKING_DAYS must be at most 30, got ${value}`);
        return value;
      }, 2),
    },
    mail: {
      smtpUrl: env['SMTP_URL']?.trim()
        ? attempt(() => url(env, 'SMTP_URL', '', ['smtp:', 'smtps:']), null)
        : null,
      from: attempt(() => str(env, 'MAIL_FROM', '督办系统 <duban@localhost>'), ''),
      poolMaxConnections: attempt(() => int(env, 'SMTP_POOL_MAX_CONNECTIONS', 5, 1), 5),
      rateLimitPerSecond: attempt(() => int(env, 'SMTP_RATE_LIMIT_PER_SECOND', 0), 0),
    },
    webhooks: {
      timeoutMs: attempt(() => int(env, 'WEBHOOK_TIMEOUT_MS', 5000, 100), 5000),
      allowPrivate: attempt(() => parseCidrList('WEBHOOK_ALLOW_PRIVATE', env['WEBHOOK_ALLOW_PRIVATE']), []),
    },
    tasks: {
      yellowWithinDays: attempt(() => int(env, 'TASK_YELLOW_WITHIN_DAYS', 7), 7),
      staleAfterDays: attempt(() => int(env, 'TASK_STALE_AFTER_DAYS', 30, 1), 30),
    },
  };
}
