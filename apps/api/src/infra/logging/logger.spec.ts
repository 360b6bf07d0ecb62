import { DEFAULT_OBSERVABILITY, parseObservabilityConfig } from '../config/observability-config';
import { metricsAuthorized } from '../metrics/metrics-endpoint';
import { createRootLogger, prettyLine, REDACTED, scrubSecrets } from './logger';

describe(scrubSecrets.name, () => {
  it('blanks bearer tokens, JWTs and secret query parameters inside text', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig-nature_value';
    expect(scrubSecrets(`Authorization: Bearer abc.def-ghi`)).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(scrubSecrets(`token ${jwt} refused`)).toBe(`token ${REDACTED} refused`);
    expect(scrubSecrets('/api/x?q=1&token=s3cr3t&page=2')).toBe(`/api/x?q=1&token=${REDACTED}&page=2`);
    expect(scrubSecrets('任务已办结')).toBe('任务已办结');
  });
});

describe(createRootLogger.name, () => {
  it('writes JSON with level names and redacts secret fields at any of three levels', () => {
    const lines: string[] = [];
    const logger = createRootLogger({ ...DEFAULT_OBSERVABILITY }, 'api', {
      write: (line: string) => void lines.push(line),
    });
    logger.info({ password: 'p1', body: { newPassword: 'p2', nested: { token: 't3' } } }, 'hello');
    logger.debug('not written at info');
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(record).toMatchObject({ level: 'info', service: 'api', msg: 'hello', password: REDACTED });
    expect(lines[0]).not.toMatch(/p1|p2|t3/);
  });
});

describe(prettyLine.name, () => {
  it('prints time, level, context, message and the other fields on one line', () => {
    const line = prettyLine(
      JSON.stringify({
        level: 'warn',
        time: '2026-01-02T03:04:05.678Z',
        context: 'Worker',
        msg: 'slow',
        ms: 12,
      }),
    );
    expect(line).toBe('03:04:05.678 WARN  [Worker] slow ms=12\n');
  });
});

describe(parseObservabilityConfig.name, () => {
  it('defaults to info JSON without a metrics token, and reports bad values', () => {
    const errors: string[] = [];
    expect(parseObservabilityConfig({}, errors)).toEqual(DEFAULT_OBSERVABILITY);
    expect(DEFAULT_OBSERVABILITY).toMatchObject({ logLevel: 'info', logFormat: 'json', metricsToken: null });
    parseObservabilityConfig(
      { LOG_LEVEL: 'loud', LOG_FORMAT: 'xml', METRICS_TOKEN: 'short', WORKER_METRICS_PORT: '70000' },
      errors,
    );
    expect(errors).toHaveLength(4);
  });
});

describe(metricsAuthorized.name, () => {
  it('accepts exactly `Bearer <token>` and nothing without a configured token', () => {
    expect(metricsAuthorized('Bearer 0123456789abcdef', '0123456789abcdef')).toBe(true);
    expect(metricsAuthorized('Bearer 0123456789abcdeg', '0123456789abcdef')).toBe(false);
    expect(metricsAuthorized('0123456789abcdef', '0123456789abcdef')).toBe(false);
    expect(metricsAuthorized(undefined, '0123456789abcdef')).toBe(false);
    expect(metricsAuthorized('Bearer ', null)).toBe(false);
  });
});
