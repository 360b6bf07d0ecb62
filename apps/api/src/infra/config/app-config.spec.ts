import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  configureForTests,
  getConfig,
  MIN_JWT_SECRET_LENGTH,
  parseConfig,
  PUBLISHED_JWT_SECRETS,
  resetConfig,
} from './app-config';

const REPO = resolve(__dirname, '../../../../..');
const PRIVATE_SECRET = 'k'.repeat(MIN_JWT_SECRET_LENGTH);

/** Every literal JWT secret written in a tracked file: `JWT_SECRET=…`, `JWT_SECRET: '…'`, `jwtSecret: '…'`. */
function secretsWrittenInRepository(): string[] {
  const files = execFileSync('git', ['ls-files'], { cwd: REPO, encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.(ts|mts|js|mjs|sh|ya?ml|md|json)$|(^|\/)\.env[^/]*$|Dockerfile$/u.test(f));
  const found = new Set<string>();
  const pattern = /(?:JWT_SECRET\s*[=:]\s*|jwtSecret\s*:\s*)(['"]?)([^'"`\s$}{)]+)\1/gu;
  for (const file of files) {
    const text = readFileSync(join(REPO, file), 'utf8');
    for (const match of text.matchAll(pattern)) {
      const value = match[2] ?? '';
      // Identifiers (jwtSecret: config.x, JWT_SECRET: jwtSecret) are references, not values.
      if (match[1] === '' && !file.includes('.env') && !/[-=]/u.test(value)) continue;
      if (value.length > 0) found.add(value);
    }
  }
  return [...found];
}

describe('parseConfig', () => {
  it('applies defaults that work on this machine', () => {
    const config = parseConfig({});
    expect(config.database.url).toBe('postgres://postgres@127.0.0.1:5432/duban');
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(config.http.port).toBe(3000);
    expect(config.evidence.maxBytes).toBe(20 * 1024 * 1024);
    expect(config.http.host).toBe('127.0.0.1');
    expect(config.http.trustProxy).toEqual([]);
  });

  it('generates a per-process secret when none is configured outside production', () => {
    const a = parseConfig({});
    const b = parseConfig({});
    expect(a.auth.jwtSecretEphemeral).toBe(true);
    expect(a.auth.jwtSecret.length).toBeGreaterThanOrEqual(MIN_JWT_SECRET_LENGTH);
    expect(a.auth.jwtSecret).not.toBe(b.auth.jwtSecret);
    expect(parseConfig({ JWT_SECRET: PRIVATE_SECRET }).auth).toMatchObject({
      jwtSecret: PRIVATE_SECRET,
      jwtSecretEphemeral: false,
    });
  });

  it('parses TRUST_PROXY as addresses and CIDRs', () => {
    expect(parseConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).http.trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
    ]);
    expect(() => parseConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => parseConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
  });

  it('lists every invalid variable in one error', () => {
    const parse = () => parseConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', REDIS_URL: 'nope' });
    expect(parse).toThrow(/PORT must be an integer/);
    expect(parse).toThrow(/DATABASE_URL must use postgres/);
    expect(parse).toThrow(/REDIS_URL is not a valid URL/);
  });

  it("retries deliveries for 3 days and returns a killed worker's jobs within 10 s by default", () => {
    const { deliveries, queue, health, mail } = parseConfig({});
    expect(deliveries).toEqual({
      maxAgeMs: 3 * 86_400_000,
      backoffMs: 2000,
      backoffMaxMs: 600_000,
      markSentRetryMs: 60_000,
    });
    expect(queue.lockDurationMs + 2 * queue.stalledIntervalMs).toBeLessThan(10_000);
    expect(health.requireWorker).toBe(true);
    expect(mail.poolMaxConnections).toBe(5);
    expect(parseConfig({ HEALTH_REQUIRE_WORKER: 'false', SMTP_RATE_LIMIT_PER_SECOND: '20' })).toMatchObject({
      health: { requireWorker: false },
      mail: { rateLimitPerSecond: 20 },
    });
    expect(() => parseConfig({ HEALTH_DELIVERY_FAILURE_RATE: '1.5' })).toThrow(
      /HEALTH_DELIVERY_FAILURE_RATE/,
    );
    expect(() => parseConfig({ DELIVERY_MAX_AGE_MS: '10' })).toThrow(/DELIVERY_MAX_AGE_MS/);
  });

  it('moves reminders off weekends and public holidays unless told to keep calendar days', () => {
    expect(parseConfig({}).reminders.nonWorkingDays).toBe('shift');
    expect(parseConfig({ REMINDER_NON_WORKING_DAYS: 'keep' }).reminders.nonWorkingDays).toBe('keep');
    expect(() => parseConfig({ REMINDER_NON_WORKING_DAYS: 'skip' })).toThrow(/REMINDER_NON_WORKING_DAYS/);
  });

  it('refuses a missing or short secret in production', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
    expect(() => parseConfig({ NODE_ENV: 'production', JWT_SECRET: 's3cret-value' })).toThrow(/at least 32/);
    expect(parseConfig({ NODE_ENV: 'production', JWT_SECRET: PRIVATE_SECRET }).auth.jwtSecret).toBe(
      PRIVATE_SECRET,
    );
  });

  it('refuses every secret written anywhere in the repository, in production and development', () => {
    const written = secretsWrittenInRepository();
    // The scan must see the known ones, or it scans nothing.
    expect(written).toEqual(expect.arrayContaining(['integration-test-secret']));
    for (const value of [...written, ...PUBLISHED_JWT_SECRETS]) {
      const padded = { NODE_ENV: 'production', JWT_SECRET: value };
      expect(() => parseConfig(padded), value).toThrow(/JWT_SECRET/);
      if (PUBLISHED_JWT_SECRETS.includes(value)) {
        expect(() => parseConfig({ NODE_ENV: 'development', JWT_SECRET: value }), value).toThrow(/published/);
      }
    }
    // Long published values are refused for being published, not only for being short.
    expect(
      written.filter((v) => v.length >= MIN_JWT_SECRET_LENGTH && !PUBLISHED_JWT_SECRETS.includes(v)),
    ).toEqual([]);
  });
});

describe('configureForTests', () => {
  afterEach(() => resetConfig());

  it('overrides single fields of a group and keeps the rest', () => {
    configureForTests({ database: { url: 'postgres://postgres@127.0.0.1:5432/other' } });
    expect(getConfig().database.url).toBe('postgres://postgres@127.0.0.1:5432/other');
    expect(getConfig().database.logging).toBe(false);
  });
});
