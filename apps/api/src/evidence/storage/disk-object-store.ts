import { createReadStream } from 'node:fs';
import { access, mkdir, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { assertContentKey, isContentKey, type EvidenceObjectStore } from './object-store';

/**
 * Evidence on the local disk: `<dir>/<sha[0..2]>/<sha256>`. The staged file is renamed into place (same
 * file system as `<dir>/.tmp`, so the rename is atomic): nothing half-written is ever visible.
 */
export class DiskObjectStore implements EvidenceObjectStore {
  readonly description: string;

  constructor(private readonly dir: string) {
    this.description = `disk:${dir}`;
  }

  async put(key: string, tempPath: string): Promise<boolean> {
    const target = this.pathOf(key);
    await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    if (await exists(target)) {
      await unlink(tempPath).catch(() => undefined);
      return false;
    }
    await rename(tempPath, target);
    return true;
  }

  async remove(key: string): Promise<void> {
    await unlink(this.pathOf(key)).catch(() => undefined);
  }

  async size(key: string): Promise<number> {
    return (await stat(this.pathOf(key))).size;
  }

  async open(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    // Fail here (404 path) rather than as a stream error after the headers went out.
    await access(path);
    return createReadStream(path);
  }

  async *keys(): AsyncIterable<string> {
    const prefixes = await readdir(this.dir).catch(() => [] as string[]);
    for (const prefix of prefixes.filter((p) => /^[0-9a-f]{2}$/.test(p)).sort()) {
      for (const name of (await readdir(join(this.dir, prefix))).sort()) {
        const key = `${prefix}/${name}`;
        if (isContentKey(key)) yield key;
      }
    }
  }

  private pathOf(key: string): string {
    return join(this.dir, assertContentKey(key));
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
