import type { AppConfig } from '../infra/config/app-config';
import { ensureDatabase } from '../infra/database/scratch-database';
import { BackupError, runBackup, runRestore } from './backup/backup';
import { createObjectStore } from '../evidence/storage/object-store-factory';
import { DiskBlobStore, type BackupBlobStore } from './backup/blob-store';
import { ObjectStoreBlobStore } from './backup/object-store-blob-store';

/** The schema of a backup is named by its newest migration; this is the application's own release. */
const APP_VERSION = '0.1.0';

/** The evidence store of this deployment (EVIDENCE_STORAGE), seen through the backup interface. */
export function evidenceStoreFor(config: AppConfig): BackupBlobStore {
  if (config.evidence.storage === 's3') return new ObjectStoreBlobStore(createObjectStore(config.evidence));
  return new DiskBlobStore(config.evidence.dir);
}

const log = (line: string): void => console.log(line);

export async function runBackupCommand(config: AppConfig, args: string[]): Promise<number> {
  const [dir] = args;
  if (!dir || args.length !== 1) {
    console.error('Usage: backup <dir>   (a new or empty directory)');
    return 2;
  }
  try {
    const manifest = await runBackup({
      databaseUrl: config.database.url,
      store: evidenceStoreFor(config),
      dir,
      appVersion: APP_VERSION,
      log,
    });
    const rows = Object.values(manifest.database.tables).reduce((a, b) => a + b, 0);
    log(`Backup written to ${dir}: ${rows} rows, ${manifest.evidence.files} evidence files (manifest.json).`);
    return 0;
  } catch (error) {
    if (error instanceof BackupError) {
      console.error(`backup: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

export async function runRestoreCommand(config: AppConfig, args: string[]): Promise<number> {
  const force = args.includes('--force');
  const rest = args.filter((a) => a !== '--force');
  const [dir] = rest;
  if (!dir || rest.length !== 1) {
    console.error('Usage: restore <dir> [--force]   (--force replaces a database that has tables)');
    return 2;
  }
  try {
    if (await ensureDatabase(config.database.url)) log('Created the database.');
    const result = await runRestore({
      databaseUrl: config.database.url,
      store: evidenceStoreFor(config),
      dir,
      force,
      log,
    });
    log(
      `Restored the backup of ${result.manifest.createdAt} (schema ${result.manifest.database.migration ?? 'none'}); row counts match the manifest.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof BackupError) {
      console.error(`restore: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
