/**
 * Structured logs and Prometheus metrics of the real API: every request leaves one JSON line with
 * its request id (honoured or generated, and returned), the user once authenticated, route, status
 * and duration, and never a password, token or secret; /metrics refuses anonymous scrapers and,
 * with METRICS_TOKEN, serves the HTTP, queue, reminder, delivery, worker and import metrics.
 */
import { readFileSync } from 'node:fs';
import type { DestinationStream } from 'pino';
import { recordImportDuration } from '../../../apps/api/src/infra/metrics/metrics.registry';
import { createTestApp, loginAs, seedDepartments, TEST_PASSWORD, type TestApp } from '../support/harness';

const METRICS_TOKEN = 'it-metrics-token-0123456789';

interface LogRecord {
  level: string;
  msg?: string;
  reqId?: string;
  userId?: string;
  method?: string;
  route?: string;
  path?: string;
  status?: number;
  durationMs?: number;
  service?: string;
  context?: string;
}

const lines: string[] = [];
const capture: DestinationStream = { write: (line: string) => void lines.push(line) };
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({
    config: { observability: { logLevel: 'debug', logFormat: 'json', metricsToken: METRICS_TOKEN } },
    logDestination: capture,
  });
  await seedDepartments(t);
});
afterAll(() => t.close());

function records(): LogRecord[] {
  return lines.map((line) => JSON.parse(line) as LogRecord);
}

function requestLine(reqId: string): LogRecord | undefined {
  return records().find((r) => r.msg === 'request' && r.reqId === reqId);
}

/** The response is sent before onResponse runs: wait for the line. */
async function waitForRequestLine(reqId: string): Promise<LogRecord> {
  for (let i = 0; i < 50; i++) {
    const line = requestLine(reqId);
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no request line for ${reqId}`);
}

describe('structured logs', () => {
  it('writes every line as JSON, Nest start-up lines included, with the service name', () => {
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
    expect(records().some((r) => r.service === 'api' && typeof r.context === 'string')).toBe(true);
  });

  it('honours a well-formed X-Request-Id, returns it, and logs method, route template, status, duration', async () => {
    const res = await t.request('GET', '/api/tasks/00000000-0000-4000-8000-000000000000', {
      headers: { 'x-request-id': 'probe-1234' },
    });
    expect(res.headers.get('x-request-id')).toBe('probe-1234');
    const line = await waitForRequestLine('probe-1234');
    expect(line).toMatchObject({ level: 'info', method: 'GET', route: '/api/tasks/:id', status: res.status });
    expect(line.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('replaces an unacceptable X-Request-Id (spaces, newlines: log injection) with a generated one', async () => {
    const res = await t.request('GET', '/api/health/live', { headers: { 'x-request-id': 'a b\tc' } });
    const id = res.headers.get('x-request-id') ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await waitForRequestLine(id)).route).toBe('/api/health/live');
  });

  it('names the user of an authenticated request and never logs the password, the token or the secret', async () => {
    const token = await loginAs(t, 'supervisor');
    const login = await t.request<{ accessToken: string }>('POST', '/api/auth/login', {
      body: { username: 'it-supervisor', password: TEST_PASSWORD },
      headers: { 'x-request-id': 'login-1' },
    });
    expect(login.status).toBe(200);
    const me = await t.request<{ id: string }>('GET', '/api/me', {
      token,
      headers: { 'x-request-id': 'me-1', cookie: 'duban_queues=cookie-secret-value' },
    });
    expect(me.status).toBe(200);
    expect((await waitForRequestLine('me-1')).userId).toBe(me.body.id);
    expect((await waitForRequestLine('login-1')).route).toBe('/api/auth/login');
    const everything = lines.join('\n');
    for (const secret of [
      TEST_PASSWORD,
      token,
      login.body.accessToken,
      'cookie-secret-value',
      t.config.auth.jwtSecret,
    ]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('redacts secrets that code passes to a logger, in fields and in message text', async () => {
    const { Logger } = await import('@nestjs/common');
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlLXZhbHVl';
    new Logger('Probe').warn({ msg: 'login attempt', password: 'hunter2-pass', user: { token: 'tok-999' } });
    new Logger('Probe').error(`upstream said Authorization: Bearer ${token}`);
    const everything = lines.join('\n');
    expect(everything).toContain('login attempt');
    expect(everything).toContain('[REDACTED]');
    for (const secret of ['hunter2-pass', 'tok-999', token]) expect(everything).not.toContain(secret);
  });
});

describe('/metrics', () => {
  it('refuses a scraper without the token, or with a wrong one', async () => {
    const anonymous = await t.request<{ code: string }>('GET', '/metrics');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toContain('Bearer');
    const wrong = await t.request('GET', '/metrics', { token: 'it-metrics-token-0123456780' });
    expect(wrong.status).toBe(401);
  });

  it('serves every metric name of the dashboard after some traffic', async () => {
    recordImportDuration('extract', 0.42);
    await t.request('GET', '/api/health/live');
    await t.request('GET', '/api/tasks', { token: await loginAs(t, 'supervisor') });
    const res = await t.request<string>('GET', '/metrics', { token: METRICS_TOKEN });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = res.body;
    expect(text).toMatch(
      /duban_http_request_duration_seconds_count\{route="\/api\/tasks",method="GET",status="200"\} [1-9]/,
    );
    for (const name of [
      'duban_import_duration_seconds_count{stage="extract"} 1',
      'duban_queue_jobs{queue="reminders",state="waiting"}',
      'duban_queue_jobs{queue="deliveries",state="failed"}',
      'duban_workers_live',
      'duban_worker_heartbeat_age_seconds',
      'duban_reminders_sent_total',
      'duban_reminder_lateness_seconds',
      'duban_deliveries',
      'duban_delivery_attempts_recent{result="fail"}',
      'duban_process_resident_memory_bytes',
      'duban_nodejs_eventloop_lag_seconds',
    ]) {
      expect(text, name).toContain(name);
    }
    // Every series the Grafana dashboard queries is exported (histograms by their base name).
    const dashboard = readFileSync('docs/grafana/duban.json', 'utf8');
    const used = new Set(
      [...dashboard.matchAll(/\bduban_[a-z0-9_]+/g)].map((m) => m[0].replace(/_(bucket|count|sum)$/, '')),
    );
    expect(used.size).toBeGreaterThan(10);
    for (const name of used) expect(text, name).toMatch(new RegExp(`^# TYPE ${name} `, 'm'));
    // A scrape leaves no request labelled by a user-chosen path.
    await t.request('GET', '/api/no-such-route-xyz');
    const after = await t.request<string>('GET', '/metrics', { token: METRICS_TOKEN });
    expect(after.body).not.toContain('no-such-route-xyz');
  });
});

describe('/metrics without METRICS_TOKEN', () => {
  it('refuses everyone (not public by default)', async () => {
    const bare = await createTestApp({ config: { observability: { metricsToken: null } } });
    try {
      const res = await bare.request('GET', '/metrics', { token: 'anything-at-all-1234' });
      expect(res.status).toBe(403);
    } finally {
      await bare.close();
    }
  });
});
