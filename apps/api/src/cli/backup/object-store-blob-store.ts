import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EvidenceObjectStore } from '../../evidence/storage/object-store';
import type { BackupBlobStore } from './blob-store';

/**
 * Any evidence object store (S3 in production) seen through the backup interface: objects are
 * listed and read as they are, and written by staging to a local file first, as uploads are, so a
 * restored object appears whole or not at all.
 */
export class ObjectStoreBlobStore implements BackupBlobStore {
  readonly description: string;

  constructor(private readonly store: EvidenceObjectStore) {
    this.description = store.description;
  }

  list(): AsyncIterable<string> {
    return this.store.keys();
  }

  get(key: string): Readable {
    // The interface hands out a stream at once; the object store opens its body asynchronously.
    const out = new PassThrough();
    this.store.open(key).then(
      (body) => body.on('error', (error) => out.destroy(error)).pipe(out),
      (error: Error) => out.destroy(error),
    );
    return out;
  }

  async put(key: string, source: Readable): Promise<void> {
    const dir = await mkdtemp(join(tmpdir(), 'duban-restore-'));
    const temp = join(dir, randomUUID());
    try {
      await pipeline(source, createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
      await this.store.put(key, temp, (await stat(temp)).size);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async has(key: string): Promise<boolean> {
    try {
      await this.store.size(key);
      return true;
    } catch {
      return false;
    }
  }
}
