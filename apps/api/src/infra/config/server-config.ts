import { randomBytes } from 'node:crypto';
import type { AppConfig } from './app-config.schema';
import { bool, int, parseCidrList, str, url, type Attempt, type Env } from './env-readers';

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

/** JWT_SECRET: required and long in production, never a published value outside tests; else a random one. */
function jwtSecret(
  env: Env,
  nodeEnv: AppConfig['env'],
  errors: string[],
): { jwtSecret: string; jwtSecretEphemeral: boolean } {
  const configuredSecret = env['JWT_SECRET']?.trim() ?? '';
  if (nodeEnv === 'production' && !configuredSecret) {
    errors.push('JWT_SECRET is required in production (npm start generates one into .env)');
  } else if (nodeEnv === 'production' && configuredSecret.length < MIN_JWT_SECRET_LENGTH) {
    errors.push(`JWT_SECRET must be at least ${MIN_JWT_SECRET_LENGTH} characters in production`);
  }
  if (nodeEnv !== 'test' && PUBLISHED_JWT_SECRETS.includes(configuredSecret)) {
    errors.push('JWT_SECRET is a value published in the repository: generate a private one');
  }
  return {
    jwtSecret: configuredSecret || randomBytes(48).toString('base64url'),
    jwtSecretEphemeral: !configuredSecret,
  };
}

export type ServerSections = Pick<AppConfig, 'database' | 'redis' | 'http' | 'auth'>;

/** Database, Redis, the HTTP listener and authentication (sessions, login limits, the JWT secret). */
export function parseServerSections(
  env: Env,
  nodeEnv: AppConfig['env'],
  attempt: Attempt,
  errors: string[],
): ServerSections {
  // Before the sections: the secret's problems are listed first, as they always were.
  const secret = jwtSecret(env, nodeEnv, errors);
  return {
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
      ...secret,
      tokenTtl: attempt(() => int(env, 'TOKEN_TTL_SECONDS', 12 * 3600, 60), 12 * 3600),
      sessionIdleSeconds: attempt(() => int(env, 'SESSION_IDLE_SECONDS', 2 * 3600, 60), 2 * 3600),
      loginRateLimit: attempt(() => int(env, 'LOGIN_RATE_LIMIT', 10, 1), 10),
      loginRateWindowMs: attempt(() => int(env, 'LOGIN_RATE_WINDOW_MS', 60_000, 1000), 60_000),
      loginFailuresBeforeLock: attempt(() => int(env, 'LOGIN_FAILURES_BEFORE_LOCK', 5, 1), 5),
      loginLockMaxMs: attempt(() => int(env, 'LOGIN_LOCK_MAX_MS', 15 * 60_000, 1000), 15 * 60_000),
    },
  };
}
