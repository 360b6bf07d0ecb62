import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { access, mkdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { detectFileKind, type EvidenceKind } from './file-kind';

/** A received upload, hashed and size-checked, still in its temporary file. */
export interface StagedFile {
  tempPath: string;
  sha256: string;
  size: number;
  kind: EvidenceKind | null;
  /** Why an accepted kind is refused all the same (active content), or null. */
  refusal: string | null;
}

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file exceeds ${maxBytes} bytes`);
  }
}

/** Counts and hashes bytes as they pass, failing the stream as soon as the cap is exceeded. */
class HashingLimiter extends Transform {
  readonly hash = createHash('sha256');
  size = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      callback(new FileTooLargeError(this.maxBytes));
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }
}

/**
 * Content-addressed store of evidence files: `<dir>/<sha[0..2]>/<sha256>`. An upload streams into a
 * temporary file in the same directory tree (so the final rename is atomic), hashed and capped while
 * streaming; nothing half-written is ever visible under a content name.
 */
export class EvidenceStorage {
  constructor(
    private readonly dir: string,
    private readonly maxBytes: number,
  ) {}

  /** Streams an upload to a temporary file; removes it again on any error. */
  async stage(source: Readable): Promise<StagedFile> {
    const tmpDir = join(this.dir, '.tmp');
    await mkdir(tmpDir, { recursive: true });
    const tempPath = join(tmpDir, `${randomUUID()}.part`);
    const limiter = new HashingLimiter(this.maxBytes);
    try {
      await pipeline(source, limiter, createWriteStream(tempPath, { flags: 'wx' }));
      const { kind, refusal } =
        limiter.size === 0 ? { kind: null, refusal: null } : await detectFileKind(tempPath, limiter.size);
      return { tempPath, sha256: limiter.hash.digest('hex'), size: limiter.size, kind, refusal };
    } catch (error) {
      // The multipart stream must be drained, or the request never finishes after an early failure.
      source.resume();
      await unlink(tempPath).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Moves a staged file to its content path. Returns the storage key and whether this call created the
   * content (false when identical content was stored before; the temp file is then dropped).
   */
  async commit(staged: StagedFile): Promise<{ key: string; created: boolean }> {
    const key = `${staged.sha256.slice(0, 2)}/${staged.sha256}`;
    const target = this.pathOf(key);
    await mkdir(join(this.dir, staged.sha256.slice(0, 2)), { recursive: true });
    if (await exists(target)) {
      await this.discard(staged);
      return { key, created: false };
    }
    await rename(staged.tempPath, target);
    return { key, created: true };
  }

  async discard(staged: StagedFile): Promise<void> {
    await unlink(staged.tempPath).catch(() => undefined);
  }

  /** Removes content created by a commit whose database transaction then failed. */
  async remove(key: string): Promise<void> {
    await unlink(this.pathOf(key)).catch(() => undefined);
  }

  async size(key: string): Promise<number> {
    return (await stat(this.pathOf(key))).size;
  }

  open(key: string): ReadStream {
    return createReadStream(this.pathOf(key));
  }

  private pathOf(key: string): string {
    if (!/^[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key)) throw new Error(`invalid storage key ${key}`);
    return join(this.dir, key);
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
