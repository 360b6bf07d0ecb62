import { createHash } from 'node:crypto';
import {
  decodeText,
  type ExtractionError,
  type ExtractedFile,
  type ImportCorrectionRequestDto,
  type ImportResultDto,
  type ImportSourceLinesDto,
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
import {
  applyCorrections,
  measureRef,
  type CorrectedFile,
  type StoredCorrection,
} from './corrections/apply-corrections';
import { correctionErrors } from './corrections/corrections.errors';
import { correctionPayload, CorrectionsService } from './corrections/corrections.service';
import type { ImportCorrectionEntity } from './corrections/import-correction.entity';
import {
  ImportPreviewEntity,
  type CorrectedImportPreviewDto,
  type StoredPreview,
} from './import-preview.entity';
import {
  findDocuments,
  TaskImportService,
  type DepartmentMapping,
  type FileImportResult,
} from './task-import.service';
import { claimImportPreview } from './import-previews.queries';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The physical lines of an uploaded file, numbered as the extractor numbers them (1-based). */
export function sourceLines(source: Uint8Array): string[] {
  const lines = decodeText(source).text.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
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
    private readonly corrections: CorrectionsService,
  ) {}

  /** Stores an extraction's preview (expiring after the configured TTL) and returns it as the API shows it. */
  async savePreview(
    extraction: ExtractedFile,
    fileName: string,
    checksum: string,
    createdById: string | null,
    source: Uint8Array | null = null,
  ): Promise<ImportPreviewEntity> {
    await this.departments.syncRegistry();
    // A re-import of the same file shows the corrections made to it before.
    const corrections = await this.corrections.list(checksum);
    const corrected = this.corrected(extraction, source, corrections);
    const preview = await this.buildPreview(corrected.file, fileName, corrected, corrections);
    const repo = this.dataSource.getRepository(ImportPreviewEntity);
    await repo.delete({ expiresAt: LessThan(new Date()) });
    return repo.save(
      repo.create({
        fileName,
        checksum,
        extraction,
        preview,
        source: source ? Buffer.from(source) : null,
        createdById,
        expiresAt: new Date(Date.now() + this.config.import.previewTtlMinutes * 60_000),
        committedAt: null,
      }),
    );
  }

  /** The stored preview of a job, without its (large) extraction. */
  async previewOf(id: string): Promise<CorrectedImportPreviewDto | null> {
    const row = await this.dataSource.getRepository(ImportPreviewEntity).findOne({
      where: { id },
      select: { id: true, preview: true, expiresAt: true },
    });
    if (!row) return null;
    // Previews stored before corrections existed lack the two lists.
    const { corrections = [], diagnoses = [] } = row.preview as Partial<StoredPreview>;
    return { ...row.preview, corrections, diagnoses, id: row.id, expiresAt: row.expiresAt.toISOString() };
  }

  /**
   * The preview as shown: measures after the corrections (each with its ref and `corrected` mark), the
   * corrections with whether they still apply, and why documents gave no measure.
   */
  async buildPreview(
    file: ExtractedFile,
    fileName: string,
    corrected: CorrectedFile | null = null,
    corrections: ImportCorrectionEntity[] = [],
  ): Promise<StoredPreview> {
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
    const documents: CorrectedImportPreviewDto['documents'] = [];
    const measures: CorrectedImportPreviewDto['measures'] = [];
    const diagnoses: CorrectedImportPreviewDto['diagnoses'] = [];
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
      if (doc.measures.length === 0) {
        for (const d of doc.diagnostics ?? []) diagnoses.push({ documentIndex, ...d });
      }
      for (const m of doc.measures) {
        // Hand the event loop back now and then: a large file has thousands of measures.
        if (++visited % 250 === 0) await new Promise((r) => setImmediate(r));
        const unknown = [...m.leadCanonical, ...m.participantsCanonical].filter(
          (n) => !known(n, doc.jurisdiction),
        );
        for (const n of unknown) occurrences.set(n, (occurrences.get(n) ?? 0) + 1);
        const mark = corrected?.marks.get(m) ?? { ref: measureRef(m.line, m.text), corrected: null };
        measures.push({
          ...mark,
          documentIndex,
          key: m.key,
          line: m.line,
          title: m.title,
          lead: m.leadCanonical,
          participants: m.participantsCanonical,
          deadline: m.deadline,
          deadlineText: m.deadlineText,
          milestones: m.milestones ?? [],
          checklist: m.checklist ?? [],
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
      corrections: corrections.map((c) => CorrectionsService.toDto(c, corrected?.problems.get(c.id))),
      diagnoses,
    };
  }

  /** The extraction with the file's corrections applied (the source is decoded only when one needs lines). */
  private corrected(
    extraction: ExtractedFile,
    source: Uint8Array | null,
    corrections: readonly StoredCorrection[],
  ): CorrectedFile {
    const needsLines = corrections.some((c) => c.kind === 'add' || c.kind === 'split');
    const lines = needsLines && source ? sourceLines(source) : null;
    return applyCorrections(extraction, lines, corrections);
  }

  /** A preview still open for corrections (a committed one is done; the next upload shows them). */
  private async openPreview(id: string): Promise<ImportPreviewEntity> {
    const row = await this.dataSource.getRepository(ImportPreviewEntity).findOneBy({ id });
    if (!row) throw correctionErrors.previewNotFound(id);
    if (row.committedAt) throw correctionErrors.committed(id);
    return row;
  }

  /** Re-applies the file's corrections and stores the preview again; the preview as GET shows it. */
  private async refresh(row: ImportPreviewEntity): Promise<CorrectedImportPreviewDto> {
    const corrections = await this.corrections.list(row.checksum);
    const corrected = this.corrected(row.extraction, row.source, corrections);
    const preview = await this.buildPreview(corrected.file, row.fileName, corrected, corrections);
    await this.dataSource.getRepository(ImportPreviewEntity).update({ id: row.id }, { preview });
    return { ...preview, id: row.id, expiresAt: row.expiresAt.toISOString() };
  }

  /** Stores a correction for the preview's file after checking that it applies now. */
  async correct(
    id: string,
    body: ImportCorrectionRequestDto,
    user: AuthUser,
  ): Promise<CorrectedImportPreviewDto> {
    const payload = correctionPayload(body);
    const row = await this.openPreview(id);
    const existing = await this.corrections.list(row.checksum);
    if (body.kind === 'add' || body.kind === 'split') {
      if (!row.source) throw correctionErrors.noSource();
      if (body.kind === 'add') {
        const lines = sourceLines(row.source);
        const { fromLine = 0, toLine = 0 } = payload;
        if (fromLine < 1 || toLine < fromLine || toLine > lines.length) {
          throw correctionErrors.linesInvalid(fromLine, toLine, lines.length);
        }
        if (!lines.slice(fromLine - 1, toLine).some((l) => l.trim())) {
          throw correctionErrors.linesBlank(fromLine, toLine);
        }
      }
    }
    const candidate = { id: 'new', kind: body.kind, payload };
    const trial = this.corrected(row.extraction, row.source, [...existing, candidate]);
    const problem = trial.problems.get('new');
    if (problem) throw problem;
    await this.corrections.add(row.checksum, body.kind, payload, user);
    return this.refresh(row);
  }

  /** Withdraws a correction of the preview's file. */
  async uncorrect(id: string, correctionId: string): Promise<CorrectedImportPreviewDto> {
    const row = await this.openPreview(id);
    await this.corrections.remove(row.checksum, correctionId);
    return this.refresh(row);
  }

  /** Lines `from`–`to` of the uploaded file (at most 2,000), for selecting a missed measure. */
  async lines(id: string, from: number, to: number): Promise<ImportSourceLinesDto> {
    const row = await this.dataSource.getRepository(ImportPreviewEntity).findOneBy({ id });
    if (!row) throw correctionErrors.previewNotFound(id);
    if (!row.source) throw correctionErrors.noSource();
    const all = sourceLines(row.source);
    const first = Math.max(1, from);
    const last = Math.min(all.length, to, first + 1999);
    return {
      from: first,
      to: last,
      total: all.length,
      lines: all.slice(first - 1, last).map((text, i) => ({ line: first + i, text })),
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
    if (!(await claimImportPreview(this.dataSource, id))) {
      throw new ConflictError('IMPORT_ALREADY_COMMITTED', '该导入已确认过，无需重复提交。', { id });
    }
    const actor = await this.dataSource.getRepository(UserEntity).findOneBy({ id: user.id });
    // The supervisor's corrections apply before the importer sees the measures.
    const corrections = await this.corrections.list(preview.checksum);
    const extraction = this.corrected(preview.extraction, preview.source, corrections).file;
    let result: FileImportResult;
    try {
      result = await this.importer.importFile(extraction, {
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
