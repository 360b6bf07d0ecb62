import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { AppConfig } from '../../../apps/api/src/infra/config/app-config';
import { TestS3Server } from '../support/s3-server';

/** The evidence suites run once per storage backend. */
export const BACKENDS = ['disk', 's3'] as const;
export type Backend = (typeof BACKENDS)[number];

/** Every file under a directory, relative to it (`ab/<sha256>`, `.tmp/<uuid>.part`). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/**
 * One backend under test: its config overrides and a view of what it holds. Uploads always stage under
 * the local evidence dir's `.tmp`; stored content is on disk or in the s3rver bucket.
 */
export class EvidenceBackend {
  private constructor(
    readonly kind: Backend,
    private readonly s3: TestS3Server | null,
  ) {}

  static async start(kind: Backend): Promise<EvidenceBackend> {
    return new EvidenceBackend(kind, kind === 's3' ? await TestS3Server.start() : null);
  }

  overrides(): Partial<AppConfig['evidence']> {
    return this.s3 ? { storage: 's3', s3: this.s3.config() } : { storage: 'disk' };
  }

  /** Stored content keys plus any staging leftovers (`.tmp/…`), sorted. */
  async stored(evidenceDir: string): Promise<string[]> {
    const local = await filesUnder(evidenceDir);
    if (!this.s3) return local;
    return [...local.filter((f) => f.startsWith('.tmp/')), ...(await this.s3.keys())].sort();
  }

  read(evidenceDir: string, key: string): Promise<Buffer> {
    return this.s3 ? this.s3.read(key) : readFile(join(evidenceDir, key));
  }

  async stop(): Promise<void> {
    await this.s3?.stop();
  }
}
