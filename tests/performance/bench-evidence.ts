/**
 * bench:evidence — evidence store throughput, local disk vs an S3-compatible server (s3rver on this
 * machine). Runs the API's own storage code (EvidenceStorage: stream + hash + cap into a staged file,
 * then commit to the store; download = open + read the whole object) on files of BENCH_EVIDENCE_MB
 * (default 8) MiB, BENCH_EVIDENCE_FILES (default 6) each, distinct content. Prints MB/s per direction
 * and the disk/S3 ratio. s3rver is a Node process writing to the same disk, so the S3 figures show
 * protocol and multipart overhead, not a real object store's network.
 *
 *   npm run bench:evidence
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DiskObjectStore } from '../../apps/api/src/evidence/storage/disk-object-store';
import { EvidenceStorage } from '../../apps/api/src/evidence/storage/evidence-storage';
import type { EvidenceObjectStore } from '../../apps/api/src/evidence/storage/object-store';
import { S3ObjectStore, s3Client } from '../../apps/api/src/evidence/storage/s3-object-store';
import { TestS3Server } from '../integration/support/s3-server';

const MB = 1024 * 1024;
const SIZE_MB = Number(process.env['BENCH_EVIDENCE_MB'] ?? '8');
const FILES = Number(process.env['BENCH_EVIDENCE_FILES'] ?? '6');

const log = (message: string): void => console.log(`[bench:evidence] ${message}`);

/** A PDF-looking file (the store accepts it) of `bytes` random bytes, in 64 KiB chunks. */
function payload(bytes: number): Buffer[] {
  const chunks = [Buffer.from('%PDF-1.4\n')];
  for (let left = bytes - chunks[0].length; left > 0; left -= 64 * 1024) {
    chunks.push(randomBytes(Math.min(64 * 1024, left)));
  }
  return chunks;
}

interface Figures {
  uploadMBs: number;
  downloadMBs: number;
}

async function measure(name: string, dir: string, store: EvidenceObjectStore): Promise<Figures> {
  const storage = new EvidenceStorage(dir, (SIZE_MB + 1) * MB, store);
  const files = Array.from({ length: FILES }, () => payload(SIZE_MB * MB));
  // One warm-up round trip (connections, bucket creation) outside the timing.
  const warm = await storage.commit(await storage.stage(Readable.from(payload(64 * 1024))));
  for await (const _ of await storage.open(warm.key)) void _;

  const keys: string[] = [];
  let started = performance.now();
  for (const chunks of files) {
    const staged = await storage.stage(Readable.from(chunks));
    keys.push((await storage.commit(staged)).key);
  }
  const uploadS = (performance.now() - started) / 1000;

  started = performance.now();
  let read = 0;
  for (const key of keys) for await (const chunk of await storage.open(key)) read += (chunk as Buffer).length;
  const downloadS = (performance.now() - started) / 1000;
  if (read !== FILES * SIZE_MB * MB)
    throw new Error(`${name}: read ${read} bytes, expected ${FILES * SIZE_MB * MB}`);

  const total = FILES * SIZE_MB;
  const figures = { uploadMBs: total / uploadS, downloadMBs: total / downloadS };
  log(
    `${name.padEnd(4)} upload ${figures.uploadMBs.toFixed(1)} MB/s (${total} MiB in ${uploadS.toFixed(2)} s), ` +
      `download ${figures.downloadMBs.toFixed(1)} MB/s (${downloadS.toFixed(2)} s)`,
  );
  return figures;
}

async function main(): Promise<void> {
  log(`${FILES} files × ${SIZE_MB} MiB, distinct content`);
  const diskDir = await mkdtemp(join(tmpdir(), 'duban-bench-evidence-disk-'));
  const s3Dir = await mkdtemp(join(tmpdir(), 'duban-bench-evidence-s3-'));
  const server = await TestS3Server.start();
  try {
    const disk = await measure('disk', diskDir, new DiskObjectStore(diskDir));
    const s3 = await measure(
      's3',
      s3Dir,
      new S3ObjectStore(s3Client(server.config()), server.bucket, server.endpoint),
    );
    log(
      `disk/S3 ratio: upload ${(disk.uploadMBs / s3.uploadMBs).toFixed(2)}×, ` +
        `download ${(disk.downloadMBs / s3.downloadMBs).toFixed(2)}×`,
    );
  } finally {
    await server.stop();
    await rm(diskDir, { recursive: true, force: true });
    await rm(s3Dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
