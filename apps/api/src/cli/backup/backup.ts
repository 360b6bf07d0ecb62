import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EVIDENCE_KEY, type BackupBlobStore } from './blob-store';
import {
  latestMigration,
  publicTableCount,
  resetPublicSchema,
  serverMajorVersion,
  tableRowCounts,
  withClient,
} from '../../infra/database/catalogue';
import { pgDump, pgRestore, toolMajorVersion } from './postgres-tools';

export const MANIFEST_FILE = 'manifest.json';
const DUMP_FILE = 'database.dump';
const EVIDENCE_DIR = 'evidence';

/** Written last, so a directory with a manifest holds a complete backup. */
export interface BackupManifest {
  format: 'duban-backup';
  formatVersion: 1;
  appVersion: string;
  createdAt: string;
  database: {
    file: string;
    sha256: string;
    bytes: number;
    serverVersion: string;
    pgDumpVersion: string;
    pgDumpMajor: number;
    /** The newest migration of the dumped schema. */
    migration: string | null;
    /** Rows per table at dump time (the dump is one snapshot; counts are read right after it). */
    tables: Record<string, number>;
  };
  evidence: {
    store: string;
    dir: string;
    files: number;
    bytes: number;
    /** Every object and its size; its sha256 is its key (content-addressed), checked on both sides. */
    objects: { key: string; bytes: number }[];
  };
}

export class BackupError extends Error {}

/** Passes bytes through while hashing them. */
class Hasher extends Transform {
  readonly hash = createHash('sha256');
  bytes = 0;
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    callback(null, chunk);
  }
}

async function sha256OfFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hasher = new Hasher();
  await pipeline(createReadStream(path), hasher, async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) void chunk;
  });
  return { sha256: hasher.hash.digest('hex'), bytes: hasher.bytes };
}

function contentHash(key: string): string {
  const match = EVIDENCE_KEY.exec(key);
  if (!match?.[2]) throw new BackupError(`invalid evidence key ${key}`);
  return match[2];
}

async function isEmptyDir(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

export interface BackupOptions {
  databaseUrl: string;
  store: BackupBlobStore;
  dir: string;
  appVersion: string;
  log?: (line: string) => void;
}

/**
 * `duban backup <dir>`: the database (pg_dump, custom format) and then every evidence object into an
 * empty or new directory, and a manifest with versions, row counts and checksums. Evidence is copied
 * after the dump so that every file the dumped rows name is in the backup (a later upload only adds
 * an unreferenced file).
 */
export async function runBackup(options: BackupOptions): Promise<BackupManifest> {
  const log = options.log ?? (() => undefined);
  if (!(await isEmptyDir(options.dir)))
    throw new BackupError(`${options.dir} is not empty: choose a new directory`);
  // Owner-only: the dump holds password hashes and session rows, the evidence is confidential.
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  await chmod(options.dir, 0o700);
  await mkdir(join(options.dir, EVIDENCE_DIR), { mode: 0o700 });
  const pgDumpVersion = await toolMajorVersion('pg_dump');
  const server = await withClient(options.databaseUrl, serverMajorVersion);
  if (pgDumpVersion.major < server.major) {
    throw new BackupError(
      `pg_dump ${pgDumpVersion.major} cannot dump a PostgreSQL ${server.major} server: install postgresql-client-${server.major}`,
    );
  }
  const dumpPath = join(options.dir, DUMP_FILE);
  log(`database: pg_dump ${pgDumpVersion.major} of PostgreSQL ${server.text} …`);
  await pgDump(options.databaseUrl, dumpPath);
  await chmod(dumpPath, 0o600);
  const [dump, tables, migration] = await Promise.all([
    sha256OfFile(dumpPath),
    withClient(options.databaseUrl, tableRowCounts),
    withClient(options.databaseUrl, latestMigration),
  ]);
  log(`database: ${(dump.bytes / 1024 / 1024).toFixed(1)} MiB, ${Object.keys(tables).length} tables`);

  const objects: { key: string; bytes: number }[] = [];
  for await (const key of options.store.list()) {
    const target = join(options.dir, EVIDENCE_DIR, key);
    await mkdir(join(target, '..'), { recursive: true });
    const hasher = new Hasher();
    await pipeline(options.store.get(key), hasher, createWriteStream(target, { flags: 'wx' }));
    if (hasher.hash.digest('hex') !== contentHash(key)) {
      throw new BackupError(`evidence ${key} does not match its content hash: the store is damaged`);
    }
    objects.push({ key, bytes: hasher.bytes });
  }
  const evidenceBytes = objects.reduce((sum, o) => sum + o.bytes, 0);
  log(
    `evidence: ${objects.length} files, ${(evidenceBytes / 1024 / 1024).toFixed(1)} MiB from ${options.store.description}`,
  );

  const manifest: BackupManifest = {
    format: 'duban-backup',
    formatVersion: 1,
    appVersion: options.appVersion,
    createdAt: new Date().toISOString(),
    database: {
      file: DUMP_FILE,
      sha256: dump.sha256,
      bytes: dump.bytes,
      serverVersion: server.text,
      pgDumpVersion: pgDumpVersion.text,
      pgDumpMajor: pgDumpVersion.major,
      migration,
      tables,
    },
    evidence: {
      store: options.store.description,
      dir: EVIDENCE_DIR,
      files: objects.length,
      bytes: evidenceBytes,
      objects,
    },
  };
  await writeFile(join(options.dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, {
    mode: 0o600,
  });
  return manifest;
}

export async function readManifest(dir: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    throw new BackupError(`${dir} holds no ${MANIFEST_FILE}: not a (complete) Duban backup`);
  }
  const manifest = JSON.parse(text) as BackupManifest;
  if (manifest.format !== 'duban-backup' || manifest.formatVersion !== 1) {
    throw new BackupError(`${dir}/${MANIFEST_FILE} is not a Duban backup of format 1`);
  }
  return manifest;
}

/** Every checksum of the backup, before anything is restored. */
async function verifyBackup(dir: string, manifest: BackupManifest): Promise<void> {
  const dump = await sha256OfFile(join(dir, manifest.database.file));
  if (dump.sha256 !== manifest.database.sha256)
    throw new BackupError(`${manifest.database.file}: checksum mismatch`);
  for (const object of manifest.evidence.objects) {
    const file = await sha256OfFile(join(dir, manifest.evidence.dir, object.key));
    if (file.sha256 !== contentHash(object.key) || file.bytes !== object.bytes) {
      throw new BackupError(`evidence ${object.key}: checksum or size mismatch`);
    }
  }
}

export interface RestoreOptions {
  databaseUrl: string;
  store: BackupBlobStore;
  dir: string;
  /** Replace a database that already has tables (drops its public schema first). */
  force: boolean;
  log?: (line: string) => void;
}

export interface RestoreResult {
  manifest: BackupManifest;
  evidenceWritten: number;
  evidenceAlreadyPresent: number;
}

/**
 * `duban restore <dir>`: checks every checksum and the tool versions, refuses a database that has
 * tables (unless `force`), restores the dump in one transaction, writes the evidence objects the store
 * lacks, and compares the restored row counts with the manifest.
 */
export async function runRestore(options: RestoreOptions): Promise<RestoreResult> {
  const log = options.log ?? (() => undefined);
  const manifest = await readManifest(options.dir);
  const pgRestoreVersion = await toolMajorVersion('pg_restore');
  if (pgRestoreVersion.major < manifest.database.pgDumpMajor) {
    throw new BackupError(
      `pg_restore ${pgRestoreVersion.major} cannot read a dump of pg_dump ${manifest.database.pgDumpMajor}: install postgresql-client-${manifest.database.pgDumpMajor}`,
    );
  }
  await verifyBackup(options.dir, manifest);
  log(`backup of ${manifest.createdAt} verified (${manifest.evidence.files} evidence files)`);

  await withClient(options.databaseUrl, async (client) => {
    const tables = await publicTableCount(client);
    if (tables > 0 && !options.force) {
      throw new BackupError(
        `the target database has ${tables} tables: restore needs an empty database (or --force to replace it)`,
      );
    }
    if (tables > 0) {
      log('--force: dropping the existing public schema');
      await resetPublicSchema(client);
    }
  });
  log('database: pg_restore …');
  await pgRestore(options.databaseUrl, join(options.dir, manifest.database.file));

  let evidenceWritten = 0;
  let evidenceAlreadyPresent = 0;
  for (const object of manifest.evidence.objects) {
    if (await options.store.has(object.key)) {
      evidenceAlreadyPresent++;
      continue;
    }
    await options.store.put(
      object.key,
      createReadStream(join(options.dir, manifest.evidence.dir, object.key)),
    );
    evidenceWritten++;
  }
  log(
    `evidence: ${evidenceWritten} written, ${evidenceAlreadyPresent} already present in ${options.store.description}`,
  );

  const counts = await withClient(options.databaseUrl, tableRowCounts);
  const mismatched = Object.entries(manifest.database.tables).filter(([table, n]) => counts[table] !== n);
  if (mismatched.length > 0) {
    throw new BackupError(
      `restored row counts differ from the manifest: ${mismatched.map(([t, n]) => `${t} ${counts[t] ?? 'missing'}≠${n}`).join(', ')}`,
    );
  }
  return { manifest, evidenceWritten, evidenceAlreadyPresent };
}
