import type { ObservabilityConfig } from './observability-config';
import type { SsoConfig } from './sso-config';

/**
 * The API's configuration, validated once at start-up from the environment into a typed, grouped
 * object (parsed in app-config.ts, section by section: server-config, files-config, delivery-config).
 */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  database: { url: string; logging: boolean };
  redis: { url: string; prefix: string };
  http: {
    host: string;
    port: number;
    /** Proxies whose X-Forwarded-For is believed (addresses or CIDRs); empty = the socket address. */
    trustProxy: string[];
    /** SIGTERM: how long new requests get 503 SERVER_DRAINING (balancer re-routes) before the port closes. */
    shutdownGraceMs: number;
    /** SIGTERM: the longest in-flight requests may run before the process stops anyway. */
    shutdownTimeoutMs: number;
  };
  auth: {
    jwtSecret: string;
    /** True when no JWT_SECRET was configured outside production: a random one lives for this process. */
    jwtSecretEphemeral: boolean;
    /** Absolute lifetime of a session (and of its token), in seconds. */
    tokenTtl: number;
    /** A session unused for this long (seconds) ends: the sliding part of the session. */
    sessionIdleSeconds: number;
    /** Login attempts allowed per window and client address. */
    loginRateLimit: number;
    loginRateWindowMs: number;
    /** Failed logins of one username before its growing lock-out starts. */
    loginFailuresBeforeLock: number;
    /** Upper bound of that lock-out (ms). */
    loginLockMaxMs: number;
  };
  evidence: {
    dir: string;
    /** Where evidence content lives: the local disk (dir) or an S3-compatible bucket (s3). */
    storage: 'disk' | 's3';
    s3: {
      endpoint: string | null;
      bucket: string;
      region: string;
      accessKeyId: string | null;
      secretAccessKey: string | null;
      forcePathStyle: boolean;
    };
    maxBytes: number;
    /** Total bytes of evidence one task may hold, and one department across its tasks. */
    taskQuotaBytes: number;
    departmentQuotaBytes: number;
  };
  /** Uploads above maxBytes are refused (413); extraction runs in up to `threads` worker threads. */
  import: { maxBytes: number; previewTtlMinutes: number; threads: number };
  app: { baseUrl: string };
  /** OpenID Connect single sign-on (infra/config/sso-config.ts). */
  sso: SsoConfig;
  /** Where `seed` writes the one-time passwords of the accounts it creates (mode 0600). */
  seed: { credentialsFile: string };
  web: { distDir: string };
  /**
   * The task-event outbox (task_events), drained by the worker: woken at once by a PostgreSQL NOTIFY sent
   * with each commit, and polled every `pollEveryMs` (a BullMQ job scheduler) as the safety net.
   */
  events: { pollEveryMs: number; batchSize: number; retentionDays: number };
  /** Reminder and delivery queues (BullMQ): retries, retention, concurrency, reconciler period. */
  queue: {
    attempts: number;
    backoffMs: number;
    removeOnCompleteCount: number;
    removeOnFailCount: number;
    concurrency: number;
    deliveryConcurrency: number;
    reconcileEveryMs: number;
    lockDurationMs: number;
    stalledIntervalMs: number;
    /** How long a worker's heartbeat key lives; it is refreshed every third of that. */
    heartbeatTtlMs: number;
  };
  /**
   * E-mail and webhook deliveries: retried with capped exponential backoff until they succeed or
   * reach `maxAgeMs` (then `abandoned`); `markSentRetryMs` bounds the in-job retry of the "mark
   * sent" update after the SMTP server or webhook accepted.
   */
  deliveries: {
    maxAgeMs: number;
    backoffMs: number;
    backoffMaxMs: number;
    markSentRetryMs: number;
  };
  /** Readiness thresholds of GET /api/health. */
  health: {
    /** When false, the worker-side checks (heartbeat, reconcile scheduler, reminder jobs) are skipped. */
    requireWorker: boolean;
    /** Reminder jobs missing (expected by the last reconcile, neither queued nor sent) before readiness fails. */
    missingJobsMax: number;
    /** Delivery failure rate (0..1) over `deliveryWindowMs` above which readiness fails. */
    deliveryFailureRate: number;
    deliveryWindowMs: number;
    /** Fewer delivery attempts than this in the window never fail readiness. */
    deliveryMinAttempts: number;
  };
  /** The application clock: tests and benchmarks shift it (offset) or speed it up (scale from anchor). */
  clock: { offsetMs: number; scale: number; anchorMs: number };
  reminders: {
    sendAtLocalTime: string;
    graceMs: number;
    maxLatenessMs: number;
    /** Reminders falling on a weekend or public holiday: moved to a working day (`shift`) or sent anyway. */
    nonWorkingDays: 'shift' | 'keep';
    /** Working days the 主办 lead has to acknowledge (签收) a newly assigned task. */
    signoffWithinWorkingDays: number;
  };
  /** SMTP for e-mail reminders; null URL = e-mail channel off. */
  mail: {
    smtpUrl: string | null;
    from: string;
    /** Pooled SMTP connections per worker process. */
    poolMaxConnections: number;
    /** Messages per second per worker (0 = unlimited), for servers that throttle. */
    rateLimitPerSecond: number;
  };
  webhooks: {
    timeoutMs: number;
    /** Private or loopback ranges (CIDRs) webhooks may reach: intranet receivers, tests. None by default. */
    allowPrivate: string[];
  };
  /** Traffic light of tasks: yellow window before a deadline, and staleness of undated tasks (days). */
  tasks: { yellowWithinDays: number; staleAfterDays: number };
  /** Logs (level, json/pretty) and the /metrics bearer token. */
  observability: ObservabilityConfig;
  /** 督查通报: deliver last month's into the supervisors' inbox from the worker (off by default in tests). */
  bulletins: { monthly: boolean };
}

/** Deep-partial overrides, as tests pass them. */
export type AppConfigOverrides = {
  [K in keyof AppConfig]?: AppConfig[K] extends object ? Partial<AppConfig[K]> : AppConfig[K];
};
