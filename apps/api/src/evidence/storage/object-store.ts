import type { Readable } from 'node:stream';

/**
 * Where evidence content lives, by content-addressed key `<sha256[0..2]>/<sha256>`. Two backends:
 * the local disk (default, one host) and any S3-compatible bucket (several API hosts share it).
 * EvidenceStorage stages, hashes and checks uploads before anything reaches a store.
 */
export interface EvidenceObjectStore {
  /** For logs and the bench: `disk:/var/evidence` or `s3:bucket@endpoint`. */
  readonly description: string;
  /**
   * Stores a staged file (its full content, `size` bytes, already hashed) under `key`, unless content
   * is already there. Returns whether this call created it. The object becomes visible whole or not at
   * all (rename on disk, PutObject/CompleteMultipartUpload on S3).
   */
  put(key: string, tempPath: string, size: number): Promise<boolean>;
  /** Removes content (no error when absent). */
  remove(key: string): Promise<void>;
  size(key: string): Promise<number>;
  open(key: string): Promise<Readable>;
  /** Every stored key (orphan sweeps, backups). */
  keys(): AsyncIterable<string>;
}

const KEY = /^[0-9a-f]{2}\/[0-9a-f]{64}$/;

export function contentKey(sha256: string): string {
  return `${sha256.slice(0, 2)}/${sha256}`;
}

/** Refuses anything that is not a content key, so no caller can reach outside the store. */
export function assertContentKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`invalid storage key ${key}`);
  return key;
}

export function isContentKey(key: string): boolean {
  return KEY.test(key);
}
