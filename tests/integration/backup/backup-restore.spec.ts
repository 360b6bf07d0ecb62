/**
 * `duban backup` / `duban restore` round trip: an instance populated through the import service and
 * the API (a corpus document, progress reports, evidence uploads) is backed up, restored into a new
 * database and a new evidence directory, and compared table by table and file by file (downloads
 * through the restored API, byte for byte). Restore refuses a database that has tables unless
 * --force, and a backup whose checksums do not match.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBackupCommand, runRestoreCommand } from '../../../apps/api/src/cli/backup-command';
import { readManifest } from '../../../apps/api/src/cli/backup/backup';
import { tableRowCounts, withClient } from '../../../apps/api/src/infra/database/catalogue';
import type { AppConfig } from '../../../apps/api/src/infra/config/app-config';
import { dropScratchDatabase } from '../../../apps/api/src/infra/database/scratch-database';
import { createTestApp, importFixture, loginAs, type TestApp } from '../support/harness';
import { pdfUpload } from './evidence-upload';

const PDF = (n: number): Buffer =>
  Buffer.concat([
    Buffer.from(`%PDF-1.4\n% evidence ${n}\n`),
    randomBytes(2048 + n * 997),
    Buffer.from('\n%%EOF\n'),
  ]);

let source: TestApp;
let work: string;
let restoredUrl: string;
let restoredName: string;
const uploads: { id: string; content: Buffer }[] = [];

function configFor(base: AppConfig, databaseUrl: string, evidenceDir: string): AppConfig {
  return {
    ...base,
    database: { ...base.database, url: databaseUrl },
    evidence: { ...base.evidence, dir: evidenceDir },
  };
}

beforeAll(async () => {
  source = await createTestApp();
  work = await mkdtemp(join(tmpdir(), 'duban-backup-it-'));
  restoredName = `duban_it_restore_${randomBytes(4).toString('hex')}`;
  const url = new URL(source.config.database.url);
  url.pathname = `/${restoredName}`;
  restoredUrl = url.toString();

  const corpus = await readFile('corpus/002_a8d5c490817db3bf.txt', 'utf8');
  const imported = await importFixture(source, corpus, '002_a8d5c490817db3bf.txt');
  expect(imported.tasksCreated).toBeGreaterThan(5);
  const leads = await source.dataSource.query<{ task_id: string; name: string }[]>(
    `SELECT a.task_id, d.name FROM task_assignments a JOIN departments d ON d.id = a.department_id
      WHERE a.role = 'lead' ORDER BY a.task_id LIMIT 3`,
  );
  expect(leads).toHaveLength(3);
  for (const [i, lead] of leads.entries()) {
    const token = await loginAs(source, 'officer', lead.name);
    const progress = await source.request('POST', `/api/tasks/${lead.task_id}/progress`, {
      token,
      body: { text: `第${i + 1}次推进情况：已完成调研。` },
    });
    expect(progress.status).toBe(200);
    const content = PDF(i);
    const { body, contentType } = pdfUpload(`附件${i + 1}.pdf`, content);
    const upload = await source.request<{ id: string }>('POST', `/api/tasks/${lead.task_id}/evidence`, {
      token,
      body,
      headers: { 'content-type': contentType },
    });
    expect(upload.status).toBe(201);
    uploads.push({ id: upload.body.id, content });
  }
});

afterAll(async () => {
  await source?.close();
  await dropScratchDatabase(source.config.database.url, restoredName).catch(() => undefined);
  await rm(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('round-trips the populated instance: same rows per table, byte-identical evidence through the API', async () => {
    const backupDir = join(work, 'backup');
    expect(await runBackupCommand(source.config, [backupDir])).toBe(0);
    const manifest = await readManifest(backupDir);
    const sourceCounts = await withClient(source.config.database.url, tableRowCounts);
    expect(manifest.database.tables).toEqual(sourceCounts);
    expect(manifest.database.tables['tasks']).toBeGreaterThan(5);
    expect(manifest.database.tables['progress_reports']).toBe(3);
    expect(manifest.evidence.files).toBe(3);
    expect(manifest.database.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.database.migration).toMatch(/\d{13}$/);
    // Owner-only: password hashes, sessions and confidential files.
    expect((await stat(backupDir)).mode & 0o077).toBe(0);
    expect((await stat(join(backupDir, 'database.dump'))).mode & 0o077).toBe(0);

    const restoredEvidence = join(work, 'restored-evidence');
    expect(
      await runRestoreCommand(configFor(source.config, restoredUrl, restoredEvidence), [backupDir]),
    ).toBe(0);
    expect(await withClient(restoredUrl, tableRowCounts)).toEqual(sourceCounts);

    const restored = await createTestApp({
      config: {
        database: { url: restoredUrl },
        evidence: { dir: restoredEvidence },
      },
    });
    try {
      const token = await loginAs(restored, 'supervisor');
      for (const upload of uploads) {
        const download = await restored.request<Buffer>('GET', `/api/evidence/${upload.id}`, { token });
        expect(download.status).toBe(200);
        expect(Buffer.compare(download.body, upload.content)).toBe(0);
      }
    } finally {
      await restored.close();
    }
  });

  it('refuses a database that has tables, and replaces it with --force', async () => {
    const backupDir = join(work, 'backup');
    const config = configFor(source.config, restoredUrl, join(work, 'restored-evidence'));
    expect(await runRestoreCommand(config, [backupDir])).toBe(1);
    expect(await runRestoreCommand(config, [backupDir, '--force'])).toBe(0);
    expect(await withClient(restoredUrl, tableRowCounts)).toEqual(
      await withClient(source.config.database.url, tableRowCounts),
    );
  });

  it('refuses to write into a directory that is not empty', async () => {
    expect(await runBackupCommand(source.config, [join(work, 'backup')])).toBe(1);
  });

  it('refuses a backup whose evidence was altered, before touching the database', async () => {
    const backupDir = join(work, 'backup');
    const manifest = await readManifest(backupDir);
    const object = manifest.evidence.objects[0];
    if (!object) throw new Error('no evidence in the backup');
    const path = join(backupDir, manifest.evidence.dir, object.key);
    const original = await readFile(path);
    const altered = Buffer.from(original);
    altered[altered.length - 10] ^= 0xff;
    await writeFile(path, altered);
    const emptyName = `${restoredName}_b`;
    const url = new URL(restoredUrl);
    url.pathname = `/${emptyName}`;
    try {
      const config = configFor(source.config, url.toString(), join(work, 'other-evidence'));
      expect(await runRestoreCommand(config, [backupDir])).toBe(1);
      expect(
        await withClient(url.toString(), (c) =>
          c.query('SELECT 1 FROM pg_tables WHERE schemaname = $1', ['public']),
        ),
      ).toEqual([]);
    } finally {
      await writeFile(path, original);
      await dropScratchDatabase(source.config.database.url, emptyName).catch(() => undefined);
    }
  });
});
