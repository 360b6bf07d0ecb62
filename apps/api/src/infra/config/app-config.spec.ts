import { configureForTests, getConfig, parseConfig, resetConfig } from './app-config';

describe('parseConfig', () => {
  it('applies defaults that work on this machine', () => {
    const config = parseConfig({});
    expect(config.database.url).toBe('postgres://postgres@127.0.0.1:5432/duban');
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(config.http.port).toBe(3000);
    expect(config.evidence.maxBytes).toBe(20 * 1024 * 1024);
    expect(config.seed.password).toBeNull();
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

  it('refuses the development JWT secret in production', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(parseConfig({ NODE_ENV: 'production', JWT_SECRET: 's3cret-value' }).auth.jwtSecret).toBe(
      's3cret-value',
    );
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
