/**
 * A real S3-compatible server on this machine for the tests: s3rver (an npm package speaking the S3
 * REST protocol, SigV4, multipart uploads), storing into a scratch directory. Production uses AWS S3,
 * MinIO or any other S3-compatible service through the same client code.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import type { AppConfig } from '../../../apps/api/src/infra/config/app-config';

export class TestS3Server {
  private constructor(
    private readonly server: S3rver,
    private readonly dir: string,
    readonly endpoint: string,
    readonly bucket: string,
  ) {}

  static async start(): Promise<TestS3Server> {
    const dir = await mkdtemp(join(tmpdir(), 'duban-s3rver-'));
    const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir });
    const { port } = await server.run();
    return new TestS3Server(
      server,
      dir,
      `http://127.0.0.1:${port}`,
      `duban-it-${randomBytes(4).toString('hex')}`,
    );
  }

  /** The evidence settings that point the API at this server (s3rver's fixed development keys). */
  config(): AppConfig['evidence']['s3'] {
    return {
      endpoint: this.endpoint,
      bucket: this.bucket,
      region: 'us-east-1',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    };
  }

  /** The same, as the environment of an API or worker process. */
  env(): Record<string, string> {
    return {
      EVIDENCE_STORAGE: 's3',
      S3_ENDPOINT: this.endpoint,
      S3_BUCKET: this.bucket,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    };
  }

  client(): S3Client {
    const c = this.config();
    return new S3Client({
      endpoint: this.endpoint,
      region: c.region,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
  }

  async keys(): Promise<string[]> {
    const page = await this.client()
      .send(new ListObjectsV2Command({ Bucket: this.bucket }))
      .catch((e: unknown) => {
        if ((e as { name?: string }).name === 'NoSuchBucket') return { Contents: [] };
        throw e;
      });
    return (page.Contents ?? []).flatMap((o) => (o.Key ? [o.Key] : [])).sort();
  }

  async read(key: string): Promise<Buffer> {
    const object = await this.client().send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    const chunks: Buffer[] = [];
    for await (const chunk of object.Body as Readable) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async stop(): Promise<void> {
    await this.server.close();
    await rm(this.dir, { recursive: true, force: true });
  }
}
