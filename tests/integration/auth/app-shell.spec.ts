import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiErrorDto } from '@duban/domain';
import { createTestApp, type TestApp } from '../support/harness';

describe('built web app and API side by side', () => {
  let t: TestApp;
  let dist: string;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'duban-web-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>督办</title><app-root></app-root>');
    writeFileSync(join(dist, 'main.js'), 'console.log("web")');
    t = await createTestApp({ config: { web: { distDir: dist } } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html at / and for client-side routes (SPA fallback)', async () => {
    for (const path of ['/', '/tasks/123', '/login']) {
      const res = await t.request<string>('GET', path);
      expect(res.status, path).toBe(200);
      expect(res.body).toContain('<app-root>');
    }
  });

  it('serves static assets', async () => {
    const res = await t.request<string>('GET', '/main.js');
    expect(res.status).toBe(200);
    expect(String(res.body)).toContain('console.log');
  });

  it('keeps unknown /api paths as JSON 404s', async () => {
    const res = await t.request<ApiErrorDto>('GET', '/api/no-such-route');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
    expect((await t.request('GET', '/api/health')).status).toBe(200);
  });
});
