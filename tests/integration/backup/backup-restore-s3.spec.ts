/**
 * `duban backup` / `restore` with evidence in an S3-compatible bucket (EVIDENCE_STORAGE=s3, here a
 * real s3rver): objects are listed and copied out of the bucket into the backup, and restored into
 * another bucket, from which the restored API serves the same bytes.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBackupCommand, runRestoreCommand } from '../../../apps/api/src/cli/backup-command';
import { readManifest } from '../../../apps/api/src/cli/backup/backup';
import { tableRowCounts, withClient } from '../../../apps/api/src/infra/database/catalogue';
import type { AppConfig } from '../../../apps/api/src/infra/config/app-config';
import { dropScratchDatabase } from '../../../apps/api/src/infra/database/scratch-database';
import { createTestApp, importFixture, loginAs, type TestApp } from '../support/harness';
import { pdfUpload } from './evidence-upload';
import { TestS3Server } from '../support/s3-server';

let s3: TestS3Server;
let source: TestApp;
let work: string;
let restoredName: string;
let restoredUrl: string;
const uploads: { id: string; content: Buffer }[] = [];

beforeAll(async () => {
  s3 = await TestS3Server.start();
  source = await createTestApp({ config: { evidence: { storage: 's3', s3: s3.config() } } });
  work = await mkdtemp(join(tmpdir(), 'duban-backup-s3-it-'));
  restoredName = `duban_it_restore_s3_${randomBytes(4).toString('hex')}`;
  const url = new URL(source.config.database.url);
  url.pathname = `/${restoredName}`;
  restoredUrl = url.toString();

  const corpus = await readFile('corpus/002_a8d5c490817db3bf.txt', 'utf8');
  await importFixture(source, corpus, '002_a8d5c490817db3bf.txt');
  const leads = await source.dataSource.query<{ task_id: string; name: string }[]>(
    `SELECT a.task_id, d.name FROM task_assignments a JOIN departments d ON d.id = a.department_id
      WHERE a.role = 'lead' ORDER BY a.task_id LIMIT 2`,
  );
  for (const [i, lead] of leads.entries()) {
    const token = await loginAs(source, 'officer', lead.name);
    const content = Buffer.concat([
      Buffer.from(`%PDF-1.4\n% s3 ${i}\n`),
      randomBytes(4096 + i),
      Buffer.from('\n%%EOF\n'),
    ]);
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
  await s3?.stop();
});

describe('backup and restore with evidence in S3', () => {
  it('copies the bucket into the backup and restores it into another bucket the restored API serves', async () => {
    expect(await s3.keys()).toHaveLength(2);
    const backupDir = join(work, 'backup');
    expect(await runBackupCommand(source.config, [backupDir])).toBe(0);
    const manifest = await readManifest(backupDir);
    expect(manifest.evidence.files).toBe(2);

    const otherBucket: AppConfig['evidence'] = {
      ...source.config.evidence,
      s3: { ...s3.config(), bucket: `${s3.bucket}-restored` },
    };
    const restoreConfig: AppConfig = {
      ...source.config,
      database: { ...source.config.database, url: restoredUrl },
      evidence: otherBucket,
    };
    expect(await runRestoreCommand(restoreConfig, [backupDir])).toBe(0);
    expect(await withClient(restoredUrl, tableRowCounts)).toEqual(
      await withClient(source.config.database.url, tableRowCounts),
    );

    const restored = await createTestApp({
      config: { database: { url: restoredUrl }, evidence: otherBucket },
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
});
