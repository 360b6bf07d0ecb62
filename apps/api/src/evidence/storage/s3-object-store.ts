import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { AppConfig } from '../../infra/config/app-config';
import { assertContentKey, isContentKey, type EvidenceObjectStore } from './object-store';

/** Multipart part size: S3's minimum (5 MiB); a 20 MiB upload goes in four parts, two at a time. */
const PART_SIZE = 5 * 1024 * 1024;

function isNotFound(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.$metadata.httpStatusCode === 404 || error.name === 'NotFound' || error.name === 'NoSuchKey')
  );
}

export function s3Client(s3: AppConfig['evidence']['s3']): S3Client {
  return new S3Client({
    region: s3.region,
    ...(s3.endpoint ? { endpoint: s3.endpoint } : {}),
    forcePathStyle: s3.forcePathStyle,
    // Without keys in the config the SDK's own chain applies (instance role, AWS_* variables, profiles).
    ...(s3.accessKeyId && s3.secretAccessKey
      ? { credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } }
      : {}),
  });
}

/**
 * Evidence in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW, s3rver in tests), same keys as on disk.
 * The staged file streams up (multipart above 5 MiB); S3 makes an object visible only once it is
 * complete, so a reader never sees part of one. Content-addressed keys make a retried or concurrent
 * put of the same bytes harmless.
 */
export class S3ObjectStore implements EvidenceObjectStore {
  readonly description: string;
  private bucketReady: Promise<void> | null = null;

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    endpoint: string | null,
  ) {
    this.description = `s3:${bucket}@${endpoint ?? 'aws'}`;
  }

  async put(key: string, tempPath: string, size: number): Promise<boolean> {
    assertContentKey(key);
    await this.ensureBucket();
    if (await this.exists(key)) return false;
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: createReadStream(tempPath), ContentLength: size },
      partSize: PART_SIZE,
      queueSize: 2,
      leavePartsOnError: false,
    });
    await upload.done();
    return true;
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: assertContentKey(key) }));
  }

  async size(key: string): Promise<number> {
    const head = await this.client.send(
      new HeadObjectCommand({ Bucket: this.bucket, Key: assertContentKey(key) }),
    );
    return head.ContentLength ?? 0;
  }

  async open(key: string): Promise<Readable> {
    const object = await this.client.send(
      new GetObjectCommand({ Bucket: this.bucket, Key: assertContentKey(key) }),
    );
    if (!object.Body) throw new Error(`S3 object ${key} has no body`);
    return object.Body as Readable;
  }

  async *keys(): AsyncIterable<string> {
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, ContinuationToken: token }),
      );
      for (const item of page.Contents ?? []) if (item.Key && isContentKey(item.Key)) yield item.Key;
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  /** Creates the bucket on first use when it is missing (dev servers, MinIO); a provisioned one is left alone. */
  ensureBucket(): Promise<void> {
    this.bucketReady ??= (async () => {
      try {
        await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
      } catch (error) {
        if (!isNotFound(error)) throw error;
        await this.client.send(new CreateBucketCommand({ Bucket: this.bucket })).catch((e: unknown) => {
          // Another instance created it meanwhile.
          if (!(e instanceof S3ServiceException && /BucketAlready(OwnedByYou|Exists)/.test(e.name))) throw e;
        });
      }
    })().catch((error: unknown) => {
      this.bucketReady = null;
      throw error;
    });
    return this.bucketReady;
  }

  private async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }
}
