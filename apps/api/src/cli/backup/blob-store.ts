import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * What backup and restore need of an evidence store: list its content keys, read one, write one.
 * The local disk store is below; an object store (S3) plugs in by implementing the same three
 * methods over its bucket (ListObjectsV2, GetObject, PutObject), chosen in `evidenceStoreFor`.
 */
export interface BackupBlobStore {
  /** A short description for messages and the manifest, e.g. `disk:/var/lib/duban/evidence`. */
  readonly description: string;
  list(): AsyncIterable<string>;
  get(key: string): Readable;
  /** Writes a complete object (never a half-written one under its key). */
  put(key: string, source: Readable): Promise<void>;
  has(key: string): Promise<boolean>;
}

/** Evidence keys are content addresses: `<first two hex digits>/<sha256>`. */
export const EVIDENCE_KEY = /^([0-9a-f]{2})\/([0-9a-f]{64})$/;

/** The content-addressed directory of the disk evidence store (`EVIDENCE_DIR`). */
export class DiskBlobStore implements BackupBlobStore {
  readonly description: string;

  constructor(private readonly dir: string) {
    this.description = `disk:${dir}`;
  }

  async *list(): AsyncIterable<string> {
    let prefixes: string[];
    try {
      prefixes = (await readdir(this.dir)).filter((name) => /^[0-9a-f]{2}$/.test(name)).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const prefix of prefixes) {
      for (const name of (await readdir(join(this.dir, prefix))).sort()) {
        const key = `${prefix}/${name}`;
        // Temporary uploads (.tmp) and anything else that is not a content name are not evidence.
        if (EVIDENCE_KEY.test(key) && name.startsWith(prefix)) yield key;
      }
    }
  }

  get(key: string): Readable {
    return createReadStream(this.pathOf(key));
  }

  async put(key: string, source: Readable): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.${randomUUID()}.part`;
    try {
      await pipeline(source, createWriteStream(temp, { flags: 'wx' }));
      await rename(temp, target);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }

  async has(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch {
      return false;
    }
  }

  private pathOf(key: string): string {
    if (!EVIDENCE_KEY.test(key)) throw new Error(`invalid evidence key ${key}`);
    return join(this.dir, key);
  }
}
