import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportJobDto } from '@duban/domain';
import { inject } from 'vitest';
import { createTestApp, loginAs, seedDepartments, truncateAll, type TestApp } from '../support/harness';
import { ensureBundle, startApi, type ApiService } from '../support/processes';
import { upload, waitForImportJob } from './import-jobs';

const ROOT = new URL('../../..', import.meta.url).pathname;
const CORPUS = ['000_b2e2599482101c52.txt', '001_dc3bc84186c37e13.txt', '003_8fd585837068af36.txt'];
/**
 * Generous bounds: extraction on the event loop held every request for the whole extraction (2.5 s per
 * 1.9 MB; this 8 MiB file takes ≥ 3 s on an idle machine), so any ping near that fails. The single-worst
 * ping gets more room than the p99 because this shared 2-core host also schedules other processes.
 */
const P99_PING_MS = 500;
/** File size; DUBAN_IMPORT_PING_MB=20 measures the 20 MB case (the API's limit is raised to match). */
const SIZE_MB = Number(process.env['DUBAN_IMPORT_PING_MB'] ?? '8');
const MAX_PING_MS = 1500;

/** The corpus texts, repeated up to about `bytes` (whole texts only, so the UTF-8 stays valid; copies get sameAs). */
function largeDocument(bytes: number): Buffer {
  const texts = CORPUS.map((f) => readFileSync(join(ROOT, 'corpus', f)));
  const parts: Buffer[] = [];
  let size = 0;
  for (let i = 0; ; i++) {
    const text = texts[i % texts.length] as Buffer;
    if (size + text.length + 2 > bytes) break;
    parts.push(text, Buffer.from('\n\n'));
    size += text.length + 2;
  }
  return Buffer.concat(parts);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/**
 * The import goes to the built API in its own process (same database and Redis prefix as the in-process
 * app that seeds and logs in): the test's own work (building 8 MiB of multipart, parsing the preview)
 * must not run on the event loop whose responsiveness is measured.
 */
describe('a large import runs off the event loop', () => {
  let t: TestApp;
  let api: ApiService;
  let supervisor: string;

  beforeAll(async () => {
    ensureBundle();
    t = await createTestApp();
    await truncateAll();
    await seedDepartments(t);
    supervisor = await loginAs(t, 'supervisor');
    api = await startApi('api', {
      DATABASE_URL: inject('databaseUrl'),
      REDIS_PREFIX: inject('redisPrefix'),
      JWT_SECRET: t.config.auth.jwtSecret,
      EVIDENCE_DIR: inject('evidenceDir'),
      HEALTH_REQUIRE_WORKER: 'false',
      ...(SIZE_MB > 10 ? { IMPORT_MAX_BYTES: String(SIZE_MB * 1024 * 1024) } : {}),
    });
  });
  afterAll(async () => {
    await api?.stop();
    await t?.close();
  });

  it('keeps /api/health/live answering while a multi-megabyte file is extracted, with progress', async () => {
    const bytes = largeDocument(SIZE_MB * 1024 * 1024);
    const latencies: number[] = [];
    let importing = true;
    const pinger = (async () => {
      while (importing) {
        const started = performance.now();
        const res = await fetch(`${api.baseUrl}/api/health/live`);
        await res.arrayBuffer();
        latencies.push(performance.now() - started);
        expect(res.status).toBe(200);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();

    const started = performance.now();
    const accepted = await fetch(`${api.baseUrl}/api/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${supervisor}` },
      body: upload(bytes, 'large.txt'),
    }).then(async (res) => ({ status: res.status, body: (await res.json()) as ImportJobDto }));
    const acceptedMs = performance.now() - started;
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ status: 'queued', sizeBytes: bytes.length, preview: null });
    const seen: ImportJobDto[] = [];
    const job = await waitForImportJob(api.baseUrl, supervisor, accepted.body.id, (j) => seen.push(j));
    importing = false;
    await pinger;

    expect(job.error).toBeNull();
    expect(job.status).toBe('ready');
    expect(job.preview?.measures.length).toBeGreaterThan(1000);
    expect(job.durationMs).toBeGreaterThan(0);
    // Progress was visible part-way: some poll saw extraction under way with a partial percentage.
    expect(seen.some((j) => j.status === 'extracting' && j.percent > 0 && j.percent < 90)).toBe(true);

    const sorted = [...latencies].sort((a, b) => a - b);
    const figures = {
      pings: sorted.length,
      p50: percentile(sorted, 50).toFixed(1),
      p99: percentile(sorted, 99).toFixed(1),
      max: (sorted.at(-1) ?? NaN).toFixed(1),
    };
    console.log(
      `import of ${(bytes.length / 1024 / 1024).toFixed(1)} MiB: accepted in ${acceptedMs.toFixed(0)} ms, ` +
        `ready in ${job.durationMs} ms; /api/health/live during it: ${JSON.stringify(figures)} ms`,
    );
    expect(sorted.length).toBeGreaterThan(20);
    expect(percentile(sorted, 99)).toBeLessThan(P99_PING_MS);
    expect(sorted.at(-1)).toBeLessThan(MAX_PING_MS);
  });
});
