import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isIP } from 'node:net';
import { parseSsoConfig, type SsoConfig } from './sso-config';
import { parseObservabilityConfig, type ObservabilityConfig } from './observability-config';

/**
 * The API's configuration, validated once at start-up from the environment into a typed, grouped
 * object. This is the ONLY module that reads `process.env`; everything else injects `APP_CONFIG`
 * (or calls `getConfig()` outside Nest). Tests call `configureForTests()` / `resetConfig()`.
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

type Env = Record<string, string | undefined>;

/** Deep-partial overrides, as tests pass them. */
export type AppConfigOverrides = {
  [K in keyof AppConfig]?: AppConfig[K] extends object ? Partial<AppConfig[K]> : AppConfig[K];
};

class ConfigError extends Error {}

function str(env: Env, key: string, fallback?: string): string {
  const value = env[key]?.trim();
  if (value) return value;
  if (fallback !== undefined) return fallback;
  throw new ConfigError(`${key} is required (see .env.example)`);
}

function int(env: Env, key: string, fallback: number, min = 0): number {
  const raw = env[key]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) {
    throw new ConfigError(`${key} must be an integer ≥ ${min}, got "${raw}"`);
  }
  return Number(raw);
}

/** A finite number (may be negative or fractional), at least `min`. */
function num(env: Env, key: string, fallback: number, min = -Infinity): number {
  const raw = env[key]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min)
    throw new ConfigError(`${key} must be a number ≥ ${min}, got "${raw}"`);
  return value;
}

function bool(env: Env, key: string, fallback: boolean): boolean {
  const raw = env[key]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${key} must be true or false, got "${raw}"`);
}

function storageKind(env: Env): 'disk' | 's3' {
  const raw = str(env, 'EVIDENCE_STORAGE', 'disk').toLowerCase();
  if (raw !== 'disk' && raw !== 's3')
    throw new ConfigError(`EVIDENCE_STORAGE must be disk or s3, got "${raw}"`);
  return raw;
}

function url(env: Env, key: string, fallback: string, protocols: string[]): string {
  const value = str(env, key, fallback);
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(`${key} is not a valid URL: "${value}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${key} must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  }
  return value;
}

/**
 * Secrets that were ever shipped in a file of this repository (example files, old defaults). A
 * token signed with one of them can be minted by anyone, so they are refused outside tests; a unit
 * test scans the repository for JWT_SECRET assignments and fails when one is missing here.
 */
export const PUBLISHED_JWT_SECRETS: readonly string[] = [
  'change-me-to-a-long-random-string',
  'duban-dev-secret-change-me',
  'integration-test-secret',
  'secret',
  'changeme',
  'change-me',
];

/** Minimum JWT_SECRET length: 32 characters (the generated one is 64 base64url characters, 48 bytes). */
export const MIN_JWT_SECRET_LENGTH = 32;

function parseTrustProxy(raw: string | undefined): string[] {
  return parseCidrList('TRUST_PROXY', raw);
}

/** A comma-separated list of IP addresses or CIDRs (an address alone is a /32 or /128). */
function parseCidrList(key: string, raw: string | undefined): string[] {
  const entries = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const maxBits = family === 6 ? 128 : 32;
    const badBits = bits !== undefined && (!/^\d+$/.test(bits) || Number(bits) > maxBits);
    if (family === 0 || badBits || extra !== undefined) {
      throw new ConfigError(`${key} must list IP addresses or CIDRs (comma-separated), got "${entry}"`);
    }
  }
  return entries;
}

/** Parses and validates an environment; throws one error listing every problem. */
export function parseConfig(env: Env): AppConfig {
  const errors: string[] = [];
  const attempt = <T>(fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof ConfigError) {
        errors.push(error.message);
        return fallback;
      }
      throw error;
    }
  };
  const nodeEnv = attempt(() => {
    const value = str(env, 'NODE_ENV', 'development');
    if (value !== 'development' && value !== 'production' && value !== 'test') {
      throw new ConfigError(`NODE_ENV must be development, production or test, got "${value}"`);
    }
    return value;
  }, 'development' as const);
  const configuredSecret = env['JWT_SECRET']?.trim() ?? '';
  if (nodeEnv === 'production' && !configuredSecret) {
    errors.push('JWT_SECRET is required in production (npm start generates one into .env)');
  } else if (nodeEnv === 'production' && configuredSecret.length < MIN_JWT_SECRET_LENGTH) {
    errors.push(`JWT_SECRET must be at least ${MIN_JWT_SECRET_LENGTH} characters in production`);
  }
  if (nodeEnv !== 'test' && PUBLISHED_JWT_SECRETS.includes(configuredSecret)) {
    errors.push('JWT_SECRET is a value published in the repository: generate a private one');
  }
  const jwtSecretEphemeral = !configuredSecret;
  const jwtSecret = configuredSecret || randomBytes(48).toString('base64url');
  const config: AppConfig = {
    env: nodeEnv,
    database: {
      url: attempt(
        () =>
          url(env, 'DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/duban', ['postgres:', 'postgresql:']),
        '',
      ),
      logging: attempt(() => bool(env, 'DATABASE_LOGGING', false), false),
    },
    redis: {
      url: attempt(() => url(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']), ''),
      prefix: attempt(() => str(env, 'REDIS_PREFIX', 'duban:'), 'duban:'),
    },
    http: {
      // Loopback unless told otherwise: a container or a reverse proxy on another host sets HOST=0.0.0.0.
      host: attempt(() => str(env, 'HOST', '127.0.0.1'), '127.0.0.1'),
      port: attempt(() => int(env, 'PORT', 3000), 3000),
      trustProxy: attempt(() => parseTrustProxy(env['TRUST_PROXY']), []),
      shutdownGraceMs: attempt(() => int(env, 'SHUTDOWN_GRACE_MS', 1000), 1000),
      shutdownTimeoutMs: attempt(() => int(env, 'SHUTDOWN_TIMEOUT_MS', 25_000, 1000), 25_000),
    },
    auth: {
      jwtSecret,
      jwtSecretEphemeral,
      tokenTtl: attempt(() => int(env, 'TOKEN_TTL_SECONDS', 12 * 3600, 60), 12 * 3600),
      sessionIdleSeconds: attempt(() => int(env, 'SESSION_IDLE_SECONDS', 2 * 3600, 60), 2 * 3600),
      loginRateLimit: attempt(() => int(env, 'LOGIN_RATE_LIMIT', 10, 1), 10),
      loginRateWindowMs: attempt(() => int(env, 'LOGIN_RATE_WINDOW_MS', 60_000, 1000), 60_000),
      loginFailuresBeforeLock: attempt(() => int(env, 'LOGIN_FAILURES_BEFORE_LOCK', 5, 1), 5),
      loginLockMaxMs: attempt(() => int(env, 'LOGIN_LOCK_MAX_MS', 15 * 60_000, 1000), 15 * 60_000),
    },
    evidence: {
      dir: resolve(attempt(() => str(env, 'EVIDENCE_DIR', 'var/evidence'), 'var/evidence')),
      storage: attempt(() => storageKind(env), 'disk'),
      s3: {
        endpoint: env['S3_ENDPOINT']?.trim()
          ? attempt(() => url(env, 'S3_ENDPOINT', '', ['http:', 'https:']), null)
          : null,
        bucket: attempt(
          () => (storageKind(env) === 's3' ? str(env, 'S3_BUCKET') : str(env, 'S3_BUCKET', 'duban-evidence')),
          'duban-evidence',
        ),
        region: str(env, 'S3_REGION', 'us-east-1'),
        accessKeyId: env['S3_ACCESS_KEY_ID']?.trim() || null,
        secretAccessKey: env['S3_SECRET_ACCESS_KEY']?.trim() || null,
        forcePathStyle: attempt(() => bool(env, 'S3_FORCE_PATH_STYLE', false), false),
      },
      maxBytes: attempt(() => int(env, 'EVIDENCE_MAX_BYTES', 20 * 1024 * 1024, 1), 20 * 1024 * 1024),
      taskQuotaBytes: attempt(
        () => int(env, 'EVIDENCE_TASK_QUOTA_BYTES', 200 * 1024 * 1024, 1),
        200 * 1024 * 1024,
      ),
      departmentQuotaBytes: attempt(
        () => int(env, 'EVIDENCE_DEPARTMENT_QUOTA_BYTES', 5 * 1024 ** 3, 1),
        5 * 1024 ** 3,
      ),
    },
    import: {
      maxBytes: attempt(() => int(env, 'IMPORT_MAX_BYTES', 10 * 1024 * 1024, 1), 10 * 1024 * 1024),
      previewTtlMinutes: attempt(() => int(env, 'IMPORT_PREVIEW_TTL_MINUTES', 60, 1), 60),
      threads: attempt(() => int(env, 'IMPORT_THREADS', 1, 1), 1),
    },
    app: {
      baseUrl: attempt(() => url(env, 'APP_BASE_URL', 'http://localhost:3000', ['http:', 'https:']), ''),
    },
    seed: {
      credentialsFile: resolve(
        attempt(
          () => str(env, 'SEED_CREDENTIALS_FILE', 'var/initial-passwords.txt'),
          'var/initial-passwords.txt',
        ),
      ),
    },
    web: { distDir: resolve(attempt(() => str(env, 'WEB_DIST_DIR', 'dist/apps/web/browser'), '')) },
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
    sso: parseSsoConfig(
      env,
      env['APP_BASE_URL']?.trim() || 'http://localhost:3000',
      nodeEnv === 'production',
      errors,
    ),
    observability: parseObservabilityConfig(env, errors),
    bulletins: {
      monthly: attempt(() => bool(env, 'BULLETIN_MONTHLY', nodeEnv !== 'test'), nodeEnv !== 'test'),
    },
  };
  if (errors.length > 0) {
    throw new Error(`Invalid configuration:\n  - ${errors.join('\n  - ')}`);
  }
  return config;
}

let current: AppConfig | null = null;
let overrides: AppConfigOverrides = {};

function merge(base: AppConfig, extra: AppConfigOverrides): AppConfig {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const baseValue = (base as unknown as Record<string, unknown>)[key];
    out[key] =
      value && typeof value === 'object' && baseValue && typeof baseValue === 'object'
        ? { ...baseValue, ...value }
        : value;
  }
  return out as unknown as AppConfig;
}

/** Loads `.env` from the working directory (when present) into the environment, without overriding. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

/** The validated configuration (parsed on first call, then cached). */
export function getConfig(): AppConfig {
  current ??= merge(parseConfig(process.env), overrides);
  return current;
}

/** Test hook: replaces parts of the configuration for the rest of the process. */
export function configureForTests(extra: AppConfigOverrides): AppConfig {
  overrides = extra;
  current = null;
  return getConfig();
}

/** Test hook: forgets the cached configuration and overrides. */
export function resetConfig(): void {
  overrides = {};
  current = null;
}
