import { ExtractionError, type ImportJobDto, type ImportJobStatus } from '@duban/domain';
import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, LessThan, type DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import type { AppConfig } from '../infra/config/app-config';
import { InjectConfig } from '../infra/config/config.module';
import { DomainError, NotFoundError, ValidationError } from '../infra/http/domain-error';
import { ExtractionPool, type ExtractionProgress } from './extraction/extraction-pool';
import { baseName } from './import-identity';
import { ImportJobEntity } from './import-job.entity';
import { extractionFailure, ImportsService, sha256 } from './imports.service';
import { recordImportDuration } from '../infra/metrics/metrics.registry';

const RUNNING: ImportJobStatus[] = ['queued', 'extracting', 'building'];
/** A running job whose row has not moved for this long lost its instance (crash, kill -9). */
const STALE_AFTER_MS = 5 * 60_000;
/** How long a shutting-down instance lets its running imports finish before stopping them. */
const DRAIN_MS = 20_000;
/** Extraction is 0–90 %; matching the directory and storing the preview the rest. */
const EXTRACTION_SHARE = 90;

const INTERRUPTED = {
  code: 'IMPORT_INTERRUPTED',
  message: '导入处理被中断（服务重启），请重新上传文件。',
  status: 503,
};

/**
 * Runs an upload's extraction in a worker thread and tracks it as a job row, so POST /api/imports
 * answers at once and the event loop stays free for every other request. The row is the job's only
 * state: any API instance answers GET /api/imports/jobs/:id.
 */
@Injectable()
export class ImportJobsService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ImportJobsService.name);
  private readonly pool: ExtractionPool;
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly imports: ImportsService,
    @InjectConfig() config: AppConfig,
  ) {
    this.pool = new ExtractionPool(config.import.threads);
  }

  async start(fileName: string, bytes: Uint8Array, user: AuthUser): Promise<ImportJobDto> {
    const name = baseName(fileName || 'upload.txt');
    if (bytes.length === 0) {
      throw new ValidationError('IMPORT_EMPTY_FILE', `文件“${name}”是空文件，请选择包含政策文本的文件。`, {
        file: name,
      });
    }
    const repo = this.dataSource.getRepository(ImportJobEntity);
    await repo.delete({ createdAt: LessThan(new Date(Date.now() - 7 * 24 * 3600_000)) });
    const job = await repo.save(
      repo.create({ fileName: name, sizeBytes: bytes.length, status: 'queued', createdById: user.id }),
    );
    const run = this.run(job, bytes).finally(() => this.inFlight.delete(job.id));
    this.inFlight.set(job.id, run);
    return this.toDto(job);
  }

  async get(id: string): Promise<ImportJobDto> {
    const repo = this.dataSource.getRepository(ImportJobEntity);
    const job = await repo.findOneBy({ id });
    if (!job) throw new NotFoundError('IMPORT_JOB_NOT_FOUND', '导入任务不存在，请重新上传文件。', { id });
    if (
      RUNNING.includes(job.status) &&
      !this.inFlight.has(id) &&
      Date.now() - job.updatedAt.getTime() > STALE_AFTER_MS
    ) {
      await this.fail(job, INTERRUPTED);
    }
    return this.toDto(job);
  }

  /** Lets running imports finish (bounded), then stops the rest and marks them interrupted. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.inFlight.size === 0) {
      await this.pool.close();
      return;
    }
    const drained = Promise.allSettled([...this.inFlight.values()]);
    await Promise.race([drained, new Promise((r) => setTimeout(r, DRAIN_MS).unref())]);
    const left = [...this.inFlight.keys()];
    await this.pool.close();
    if (left.length) {
      await this.dataSource
        .getRepository(ImportJobEntity)
        .update(
          { id: In(left), status: In(RUNNING) },
          {
            status: 'failed',
            errorCode: INTERRUPTED.code,
            errorMessage: INTERRUPTED.message,
            errorStatus: 503,
          },
        )
        .catch(() => undefined);
    }
  }

  private async run(job: ImportJobEntity, bytes: Uint8Array): Promise<void> {
    const started = job.createdAt.getTime();
    const repo = this.dataSource.getRepository(ImportJobEntity);
    // Progress writes go one after another, so a late one never overwrites a newer state.
    let writes: Promise<unknown> = repo.update({ id: job.id }, { status: 'extracting' });
    const progress = (p: ExtractionProgress): void => {
      const percent = p.documentsTotal
        ? Math.floor((p.documentsDone / p.documentsTotal) * EXTRACTION_SHARE)
        : 0;
      Object.assign(job, { ...p, percent, status: 'extracting' });
      writes = writes.then(() => repo.update({ id: job.id }, { ...p, percent, status: 'extracting' }));
    };
    try {
      const checksum = sha256(bytes);
      // The thread gets its own copy; the request's buffer is released when this call returns.
      const extractStarted = performance.now();
      const extraction = await this.pool.extract({ fileName: job.fileName, bytes }, progress);
      recordImportDuration('extract', (performance.now() - extractStarted) / 1000);
      await writes;
      await repo.update({ id: job.id }, { status: 'building', percent: EXTRACTION_SHARE });
      const preview = await this.imports.savePreview(
        extraction,
        job.fileName,
        checksum,
        job.createdById,
        bytes,
      );
      await repo.update(
        { id: job.id },
        { status: 'ready', percent: 100, previewId: preview.id, durationMs: Date.now() - started },
      );
      this.logger.log(
        `import ${job.id} (${job.fileName}, ${job.sizeBytes} B) ready in ${Date.now() - started} ms`,
      );
    } catch (error) {
      await writes.catch(() => undefined);
      if (error instanceof ExtractionError) {
        const refusal = extractionFailure(error, job.fileName);
        await this.fail(job, { code: refusal.code, message: refusal.message, status: refusal.status });
      } else if (error instanceof DomainError) {
        await this.fail(job, { code: error.code, message: error.message, status: error.status });
      } else {
        this.logger.error(`import ${job.id} failed: ${error instanceof Error ? error.stack : String(error)}`);
        await this.fail(job, {
          code: 'IMPORT_FAILED',
          message: '导入处理失败，请重试；如反复出现，请联系管理员查看服务日志。',
          status: 500,
        });
      }
    }
  }

  private async fail(
    job: ImportJobEntity,
    error: { code: string; message: string; status: number },
  ): Promise<void> {
    Object.assign(job, {
      status: 'failed',
      errorCode: error.code,
      errorMessage: error.message,
      errorStatus: error.status,
      durationMs: Date.now() - job.createdAt.getTime(),
    });
    await this.dataSource
      .getRepository(ImportJobEntity)
      .update(
        { id: job.id },
        {
          status: 'failed',
          errorCode: error.code,
          errorMessage: error.message,
          errorStatus: error.status,
          durationMs: job.durationMs,
        },
      )
      .catch((e: unknown) => this.logger.error(`import ${job.id}: could not record failure: ${String(e)}`));
  }

  private async toDto(job: ImportJobEntity): Promise<ImportJobDto> {
    return {
      id: job.id,
      fileName: job.fileName,
      sizeBytes: job.sizeBytes,
      status: job.status,
      percent: job.percent ?? 0,
      documentsDone: job.documentsDone ?? 0,
      documentsTotal: job.documentsTotal ?? 0,
      measuresFound: job.measuresFound ?? 0,
      error:
        job.status === 'failed' && job.errorCode
          ? { code: job.errorCode, message: job.errorMessage ?? '', statusCode: job.errorStatus ?? 500 }
          : null,
      preview: job.status === 'ready' && job.previewId ? await this.imports.previewOf(job.previewId) : null,
      createdAt: job.createdAt.toISOString(),
      durationMs: job.durationMs ?? null,
    };
  }
}
