import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DiskObjectStore } from './disk-object-store';
import { detectFileKind, type EvidenceKind } from './file-kind';
import { contentKey, type EvidenceObjectStore } from './object-store';

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
 * Evidence uploads: each one streams into a temporary file under `<dir>/.tmp`, hashed and capped while
 * streaming, its kind detected from the bytes; only then does it go to the content-addressed object
 * store (disk or S3) under its sha256. Nothing half-written is ever visible under a content key.
 */
export class EvidenceStorage {
  constructor(
    private readonly dir: string,
    private readonly maxBytes: number,
    readonly store: EvidenceObjectStore = new DiskObjectStore(dir),
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
   * Puts a staged file into the object store under its content key. Returns the key and whether this
   * call created the content (false when identical content was stored before). The temporary file is
   * gone afterwards either way.
   */
  async commit(staged: StagedFile): Promise<{ key: string; created: boolean }> {
    const key = contentKey(staged.sha256);
    try {
      return { key, created: await this.store.put(key, staged.tempPath, staged.size) };
    } finally {
      await this.discard(staged);
    }
  }

  async discard(staged: StagedFile): Promise<void> {
    await unlink(staged.tempPath).catch(() => undefined);
  }

  /** Removes content created by a commit whose database transaction then failed. */
  async remove(key: string): Promise<void> {
    await this.store.remove(key);
  }

  size(key: string): Promise<number> {
    return this.store.size(key);
  }

  open(key: string): Promise<Readable> {
    return this.store.open(key);
  }
}
