import { createHash } from 'node:crypto';
import {
  type ExtractionError,
  type ExtractedFile,
  type ImportPreviewDto,
  type ImportResultDto,
} from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LessThan, type DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { DepartmentsService } from '../departments/departments.service';
import type { AppConfig } from '../infra/config/app-config';
import { InjectConfig } from '../infra/config/config.module';
import { ConflictError, DomainError, NotFoundError, ValidationError } from '../infra/http/domain-error';
import { recordImportDuration } from '../infra/metrics/metrics.registry';
import { UserEntity } from '../users/user.entity';
import { ImportPreviewEntity } from './import-preview.entity';
import {
  findDocuments,
  TaskImportService,
  type DepartmentMapping,
  type FileImportResult,
} from './task-import.service';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Maps the extractor's refusal of a file to an API error naming the file. */
export function extractionFailure(error: ExtractionError, fileName: string): DomainError {
  switch (error.code) {
    case 'BINARY_FILE':
      return new DomainError(
        'IMPORT_NOT_TEXT',
        `文件“${fileName}”不是文本文件，请上传 .txt 格式的政策文件（UTF-8 或 GB18030 编码）。`,
        415,
        { file: fileName, cause: error.code },
      );
    case 'UNDECODABLE':
      return new DomainError(
        'IMPORT_UNDECODABLE',
        `文件“${fileName}”无法按 UTF-8 或 GB18030 解码，请另存为 UTF-8 编码的文本后重试。`,
        415,
        { file: fileName, cause: error.code },
      );
    case 'NOT_FOUND':
    case 'IS_DIRECTORY':
    case 'READ_FAILED':
      return new ValidationError('IMPORT_UNREADABLE', `无法读取文件“${fileName}”：${error.message}`, {
        file: fileName,
        cause: error.code,
      });
  }
}

/** An extraction's preview (stored with an expiry) → commit; ImportJobsService runs the extraction. */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly departments: DepartmentsService,
    private readonly importer: TaskImportService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** Stores an extraction's preview (expiring after the configured TTL) and returns it as the API shows it. */
  async savePreview(
    extraction: ExtractedFile,
    fileName: string,
    checksum: string,
    createdById: string | null,
  ): Promise<ImportPreviewEntity> {
    await this.departments.syncRegistry();
    const preview = await this.buildPreview(extraction, fileName);
    const repo = this.dataSource.getRepository(ImportPreviewEntity);
    await repo.delete({ expiresAt: LessThan(new Date()) });
    return repo.save(
      repo.create({
        fileName,
        checksum,
        extraction,
        preview,
        createdById,
        expiresAt: new Date(Date.now() + this.config.import.previewTtlMinutes * 60_000),
        committedAt: null,
      }),
    );
  }

  /** The stored preview of a job, without its (large) extraction. */
  async previewOf(id: string): Promise<ImportPreviewDto | null> {
    const row = await this.dataSource.getRepository(ImportPreviewEntity).findOne({
      where: { id },
      select: { id: true, preview: true, expiresAt: true },
    });
    return row ? { id: row.id, ...row.preview, expiresAt: row.expiresAt.toISOString() } : null;
  }

  async buildPreview(
    file: ExtractedFile,
    fileName: string,
  ): Promise<Omit<ImportPreviewDto, 'id' | 'expiresAt'>> {
    const directory = await this.departments.directory();
    // The same few hundred names recur across measures; resolve each once.
    const resolved = new Map<string, boolean>();
    // Per place: 市发展改革委 is known in a 杭州市 document when the directory lists 杭州市's unit.
    const known = (name: string, jurisdiction: string | null | undefined): boolean => {
      const key = `${jurisdiction ?? ''}|${name}`;
      let hit = resolved.get(key);
      if (hit === undefined) resolved.set(key, (hit = directory.resolve(name, jurisdiction) !== null));
      return hit;
    };
    let visited = 0;
    const occurrences = new Map<string, number>();
    const documents: ImportPreviewDto['documents'] = [];
    const measures: ImportPreviewDto['measures'] = [];
    const existingDocs = await findDocuments(this.dataSource.manager, file.documents);
    for (const [documentIndex, doc] of file.documents.entries()) {
      const existing = existingDocs[documentIndex];
      documents.push({
        docNumber: doc.docNumber,
        title: doc.title,
        issuer: doc.issuer,
        date: doc.date,
        measureCount: doc.measures.length,
        existing: existing ? { id: existing.id, title: existing.title } : null,
        sameAs: doc.sameAs,
      });
      for (const m of doc.measures) {
        // Hand the event loop back now and then: a large file has thousands of measures.
        if (++visited % 250 === 0) await new Promise((r) => setImmediate(r));
        const unknown = [...m.leadCanonical, ...m.participantsCanonical].filter(
          (n) => !known(n, doc.jurisdiction),
        );
        for (const n of unknown) occurrences.set(n, (occurrences.get(n) ?? 0) + 1);
        measures.push({
          documentIndex,
          key: m.key,
          line: m.line,
          title: m.title,
          lead: m.leadCanonical,
          participants: m.participantsCanonical,
          deadline: m.deadline,
          deadlineText: m.deadlineText,
          unknownDepartments: [...new Set(unknown)],
        });
      }
    }
    return {
      fileName,
      encoding: file.encoding,
      documents,
      measures,
      unknownDepartments: [...occurrences].map(([name, count]) => ({ name, occurrences: count })),
    };
  }

  async commit(id: string, mappings: DepartmentMapping[], user: AuthUser): Promise<ImportResultDto> {
    const commitStarted = performance.now();
    const repo = this.dataSource.getRepository(ImportPreviewEntity);
    const preview = await repo.findOneBy({ id });
    if (!preview) {
      throw new NotFoundError('IMPORT_PREVIEW_NOT_FOUND', '导入预览不存在，请重新上传文件。', { id });
    }
    if (preview.committedAt) {
      throw new ConflictError('IMPORT_ALREADY_COMMITTED', '该导入已确认过，无需重复提交。', { id });
    }
    if (preview.expiresAt.getTime() < Date.now()) {
      throw new DomainError('IMPORT_PREVIEW_EXPIRED', '导入预览已过期，请重新上传文件。', 410, { id });
    }
    const known = new Set(preview.preview.unknownDepartments.map((u) => u.name));
    const stray = mappings.filter((m) => !known.has(m.name)).map((m) => m.name);
    if (stray.length) {
      throw new ValidationError(
        'IMPORT_MAPPING_NOT_UNKNOWN',
        `以下名称不在本次预览的未识别部门中：${stray.join('、')}。请只为预览列出的名称指定映射。`,
        { names: stray },
      );
    }
    const invalid = mappings.filter((m) => Boolean(m.departmentId) === Boolean(m.create)).map((m) => m.name);
    if (invalid.length) {
      throw new ValidationError(
        'IMPORT_MAPPING_INVALID',
        `每个映射须二选一：指定 departmentId 或 create: true（有误：${invalid.join('、')}）。`,
        { names: invalid },
      );
    }
    // Claim the preview first so two concurrent commits cannot both run it.
    const claimed = await this.dataSource.query<unknown[]>(
      `UPDATE import_previews SET committed_at = now() WHERE id = $1 AND committed_at IS NULL RETURNING id`,
      [id],
    );
    if (claimed.length === 0) {
      throw new ConflictError('IMPORT_ALREADY_COMMITTED', '该导入已确认过，无需重复提交。', { id });
    }
    const actor = await this.dataSource.getRepository(UserEntity).findOneBy({ id: user.id });
    let result: FileImportResult;
    try {
      result = await this.importer.importFile(preview.extraction, {
        checksum: preview.checksum,
        actor: { id: user.id, name: actor?.displayName ?? user.username },
        mappings,
      });
    } catch (error) {
      await repo.update({ id }, { committedAt: null });
      throw error;
    }
    recordImportDuration('commit', (performance.now() - commitStarted) / 1000);
    return {
      documentsCreated: result.documentsCreated,
      documentsUnchanged: result.documentsUnchanged,
      tasksCreated: result.tasksCreated,
      tasksUpdated: result.tasksUpdated,
      tasksUnchanged: result.tasksUnchanged,
    };
  }
}
