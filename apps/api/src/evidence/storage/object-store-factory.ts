import type { AppConfig } from '../../infra/config/app-config';
import { DiskObjectStore } from './disk-object-store';
import type { EvidenceObjectStore } from './object-store';
import { S3ObjectStore, s3Client } from './s3-object-store';

/** The evidence store the configuration selects (EVIDENCE_STORAGE=disk|s3). */
export function createObjectStore(evidence: AppConfig['evidence']): EvidenceObjectStore {
  if (evidence.storage === 's3') {
    return new S3ObjectStore(s3Client(evidence.s3), evidence.s3.bucket, evidence.s3.endpoint);
  }
  return new DiskObjectStore(evidence.dir);
}
