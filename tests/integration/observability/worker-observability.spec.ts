/**
 * The built worker logs JSON lines and, with WORKER_METRICS_PORT, serves its own /metrics behind the
 * same token; the API's /metrics sees it through its heartbeat.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { inject } from 'vitest';
import { ensureApiBuilt } from '../support/api-bundle';
import { createTestApp, type TestApp } from '../support/harness';

const ROOT = join(__dirname, '../../..');
const WORKER = join(ROOT, 'dist/apps/api/worker.js');
const TOKEN = 'it-worker-metrics-token-42';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

let worker: ChildProcess;
let t: TestApp;
const output: string[] = [];
let port = 0;

beforeAll(async () => {
  ensureApiBuilt(WORKER);
  port = await freePort();
  worker = spawn(process.execPath, [WORKER], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      TZ: 'UTC',
      NODE_ENV: 'test',
      DATABASE_URL: inject('databaseUrl'),
      REDIS_PREFIX: inject('redisPrefix'),
      EVIDENCE_DIR: inject('evidenceDir'),
      HOST: '127.0.0.1',
      WORKER_METRICS_PORT: String(port),
      METRICS_TOKEN: TOKEN,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output.push(chunk.toString());
      if (/worker \d+ started/.test(output.join(''))) resolve();
    };
    worker.stdout?.on('data', onData);
    worker.stderr?.on('data', onData);
    worker.once('exit', (code) => reject(new Error(`worker exited (${code}):\n${output.join('')}`)));
  });
  t = await createTestApp({ config: { observability: { metricsToken: TOKEN } } });
}, 240_000);

afterAll(async () => {
  await t?.close();
  if (worker && worker.exitCode === null) {
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.kill('SIGTERM');
    await exited;
  }
});

describe('worker observability', () => {
  it('writes JSON lines naming the worker service', () => {
    const lines = output.join('').split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      const record = JSON.parse(line) as { service?: string; level?: string };
      expect(record.service).toBe('worker');
      expect(typeof record.level).toBe('string');
    }
  });

  it('serves its own /metrics with the token only', async () => {
    const anonymous = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(anonymous.status).toBe(401);
    const scraped = await fetch(`http://127.0.0.1:${port}/metrics`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(scraped.status).toBe(200);
    const text = await scraped.text();
    expect(text).toContain('duban_process_resident_memory_bytes');
    expect(text).toMatch(/^# TYPE duban_import_duration_seconds histogram$/m);
  });

  it('is counted by the API through its heartbeat', async () => {
    const res = await t.request<string>('GET', '/metrics', { token: TOKEN });
    expect(res.body).toMatch(/^duban_workers_live [1-9]/m);
    expect(res.body).toMatch(/^duban_worker_heartbeat_age_seconds\{worker="[^"]+"\} \d/m);
  });
});
