/**
 * The API's configuration, validated once at start-up from the environment into a typed, grouped
 * object (`AppConfig`, app-config.schema.ts). This is the ONLY module that reads `process.env`; everything
 * else injects `APP_CONFIG` (or calls `getConfig()` outside Nest). Tests call `configureForTests()` / `resetConfig()`.
 */
import { existsSync } from 'node:fs';
import type { AppConfig, AppConfigOverrides } from './app-config.schema';
import { parseDeliverySections } from './delivery-config';
import { attemptInto, bool, ConfigError, str, type Env } from './env-readers';
import { parseFileSections } from './files-config';
import { parseObservabilityConfig } from './observability-config';
import { parseServerSections } from './server-config';
import { parseSsoConfig } from './sso-config';

export type { AppConfig, AppConfigOverrides } from './app-config.schema';
export { MIN_JWT_SECRET_LENGTH, PUBLISHED_JWT_SECRETS } from './server-config';

/** Parses and validates an environment; throws one error listing every problem. */
export function parseConfig(env: Env): AppConfig {
  const errors: string[] = [];
  const attempt = attemptInto(errors);
  const nodeEnv = attempt(() => {
    const value = str(env, 'NODE_ENV', 'development');
    if (value !== 'development' && value !== 'production' && value !== 'test') {
      throw new ConfigError(`NODE_ENV must be development, production or test, got "${value}"`);
    }
    return value;
  }, 'development' as const);
  // Sections in this order, so that the problems are listed in the order they always were.
  const server = parseServerSections(env, nodeEnv, attempt, errors);
  const files = parseFileSections(env, attempt);
  const delivery = parseDeliverySections(env, attempt);
  const sso = parseSsoConfig(
    env,
    env['APP_BASE_URL']?.trim() || 'http://localhost:3000',
    nodeEnv === 'production',
    errors,
  );
  const observability = parseObservabilityConfig(env, errors);
  const config: AppConfig = {
    env: nodeEnv,
    ...server,
    ...files,
    ...delivery,
    sso,
    observability,
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
