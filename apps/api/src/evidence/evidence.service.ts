import { roleAllows, stateAllows, type EvidenceDto } from '@duban/domain';
import type { MultipartFile } from '@fastify/multipart';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.decorators';
import type { AppConfig } from '../infra/config/app-config';
import { InjectConfig } from '../infra/config/config.module';
import { DomainError, NotFoundError, ValidationError } from '../infra/http/domain-error';
import { TaskAccessService } from '../tasks/task-access.service';
import { forbiddenTransition, TaskActionForbiddenError, TaskNotFoundError } from '../tasks/task.errors';
import { EvidenceFileEntity } from './evidence-file.entity';
import {
  deleteEvidence,
  departmentRef,
  evidenceUsage,
  insertEvidence,
  storageKeyReferences,
} from './evidence.queries';
import { EvidenceStorage, FileTooLargeError, type StagedFile } from './storage/evidence-storage';
import { createObjectStore } from './storage/object-store-factory';
import { EVIDENCE_EXTENSIONS, EVIDENCE_MIME_TYPES, type EvidenceKind } from './storage/file-kind';
import { contentDisposition, nameForContent, sanitizeFileName } from './storage/file-name';

export const EvidenceErrorCode = {
  NotFound: 'EVIDENCE_NOT_FOUND',
  FileRequired: 'EVIDENCE_FILE_REQUIRED',
  TooLarge: 'EVIDENCE_TOO_LARGE',
  TypeNotAllowed: 'EVIDENCE_TYPE_NOT_ALLOWED',
  ActiveContent: 'EVIDENCE_ACTIVE_CONTENT',
  QuotaExceeded: 'EVIDENCE_QUOTA_EXCEEDED',
  DeleteForbidden: 'EVIDENCE_DELETE_FORBIDDEN',
} as const;

const mebibytes = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

const ALLOWED_TYPES = 'PDF、Word（DOCX）、Excel（XLSX）、PNG、JPEG、纯文本';

/** The part of a multipart request the service needs (the Fastify request, in production). */
export interface MultipartSource {
  isMultipart(): boolean;
  file(options?: { limits?: { fileSize?: number } }): Promise<MultipartFile | undefined>;
}

export interface EvidenceDownload {
  stream: Readable;
  fileName: string;
  mimeType: string;
  size: number;
  disposition: string;
}

/**
 * Evidence files (佐证材料): checked by content, capped in size while streaming, stored by content hash
 * and recorded with their sha256. The database row and its audit entry are written in one transaction
 * after the bytes are in place; if that transaction fails, content this upload created is removed.
 */
@Injectable()
export class EvidenceService {
  private readonly storage: EvidenceStorage;
  private readonly maxBytes: number;
  private readonly quotas: { task: number; department: number };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: TaskAccessService,
    private readonly audit: AuditService,
    @InjectConfig() config: AppConfig,
  ) {
    this.storage = new EvidenceStorage(
      config.evidence.dir,
      config.evidence.maxBytes,
      createObjectStore(config.evidence),
    );
    this.maxBytes = config.evidence.maxBytes;
    this.quotas = { task: config.evidence.taskQuotaBytes, department: config.evidence.departmentQuotaBytes };
  }

  async upload(taskId: string, user: AuthUser, request: MultipartSource): Promise<EvidenceDto> {
    await this.assertMayUpload(taskId, user);
    if (!request.isMultipart()) throw fileRequired();
    const part = await request.file({ limits: { fileSize: this.maxBytes + 1 } });
    if (!part) throw fileRequired();
    const staged = await this.stage(part);
    if (staged.kind === null) {
      await this.storage.discard(staged);
      throw new DomainError(
        EvidenceErrorCode.TypeNotAllowed,
        `不支持该文件类型，仅接受 ${ALLOWED_TYPES}（按文件内容判断）。`,
        415,
        {
          allowed: Object.keys(EVIDENCE_MIME_TYPES),
        },
      );
    }
    if (staged.refusal) {
      await this.storage.discard(staged);
      throw new DomainError(EvidenceErrorCode.ActiveContent, staged.refusal, 415);
    }
    // The kept name never claims another type than the bytes (报告.html of plain text → 报告.txt).
    const fileName = nameForContent(sanitizeFileName(part.filename), EVIDENCE_EXTENSIONS[staged.kind]);
    return this.record(taskId, user, staged, staged.kind, fileName);
  }

  /**
   * Removes a file its own department uploaded, while the task still takes evidence (before 报办结,
   * or after a return). Audited; the content goes when no other row refers to it.
   */
  async remove(evidenceId: string, user: AuthUser): Promise<void> {
    const row = await this.dataSource
      .getRepository(EvidenceFileEntity)
      .findOne({ where: { id: evidenceId } });
    if (!row) throw evidenceNotFound(evidenceId);
    const key = await this.dataSource.transaction(async (manager) => {
      let found;
      try {
        found = await this.access.load(row.taskId, user, manager, true);
      } catch (error) {
        if (error instanceof TaskNotFoundError) throw evidenceNotFound(evidenceId);
        throw error;
      }
      if (!user.departmentId || row.departmentId !== user.departmentId) {
        throw new DomainError(EvidenceErrorCode.DeleteForbidden, '只能删除本部门上传的佐证材料。', 403);
      }
      if (!stateAllows('upload_evidence', { status: found.task.status, hasPendingExtension: false })) {
        throw new DomainError(
          EvidenceErrorCode.DeleteForbidden,
          '任务已报办结或已办结，佐证材料不能再删除；如需更正请联系督查室退回。',
          409,
        );
      }
      await deleteEvidence(manager, evidenceId);
      await this.audit.record(manager, {
        taskId: row.taskId,
        actor: { id: user.id, name: found.actorName },
        action: 'evidence.deleted',
        detail: { evidenceId, fileName: row.fileName, sha256: row.sha256, size: row.size },
      });
      return row.storageKey;
    });
    await this.removeIfUnreferenced(key);
  }

  /** Refuses an upload that would take the task or the department over its quota (under the task lock). */
  private async assertQuota(
    manager: EntityManager,
    taskId: string,
    departmentId: string | null,
    size: number,
  ): Promise<void> {
    const used = await evidenceUsage(manager, taskId, departmentId);
    if (used.task + size > this.quotas.task) {
      throw new DomainError(
        EvidenceErrorCode.QuotaExceeded,
        `本任务的佐证材料已达上限（已用 ${mebibytes(used.task)}，上限 ${mebibytes(this.quotas.task)}），请删除不需要的文件后再上传。`,
        413,
        { usedBytes: used.task, quotaBytes: this.quotas.task, scope: 'task' },
      );
    }
    if (departmentId && used.department + size > this.quotas.department) {
      throw new DomainError(
        EvidenceErrorCode.QuotaExceeded,
        `本部门的佐证材料总量已达上限（已用 ${mebibytes(used.department)}，上限 ${mebibytes(this.quotas.department)}），请联系管理员。`,
        413,
        { usedBytes: used.department, quotaBytes: this.quotas.department, scope: 'department' },
      );
    }
  }

  async download(evidenceId: string, user: AuthUser): Promise<EvidenceDownload> {
    const row = await this.dataSource
      .getRepository(EvidenceFileEntity)
      .findOne({ where: { id: evidenceId } });
    if (!row) throw evidenceNotFound(evidenceId);
    try {
      await this.access.load(row.taskId, user);
    } catch (error) {
      if (error instanceof TaskNotFoundError) throw evidenceNotFound(evidenceId);
      throw error;
    }
    return {
      stream: await this.storage.open(row.storageKey),
      fileName: row.fileName,
      mimeType: row.mimeType,
      size: row.size,
      disposition: contentDisposition(row.fileName),
    };
  }

  private async assertMayUpload(taskId: string, user: AuthUser): Promise<void> {
    const { task, actor } = await this.access.load(taskId, user);
    if (!roleAllows(actor, 'upload_evidence')) throw new TaskActionForbiddenError('upload_evidence');
    if (!stateAllows('upload_evidence', { status: task.status, hasPendingExtension: false })) {
      throw forbiddenTransition(task.status, 'in_progress', 'upload_evidence');
    }
  }

  private async stage(part: MultipartFile): Promise<StagedFile> {
    try {
      const staged = await this.storage.stage(part.file);
      // @fastify/multipart may stop at its own limit without failing the stream: treat it as too large.
      if (part.file.truncated) {
        await this.storage.discard(staged);
        throw new FileTooLargeError(this.maxBytes);
      }
      return staged;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (error instanceof FileTooLargeError || code === 'FST_REQ_FILE_TOO_LARGE') {
        throw new DomainError(
          EvidenceErrorCode.TooLarge,
          `文件过大，单个文件不能超过 ${Math.floor(this.maxBytes / 1024 / 1024) || this.maxBytes} ${this.maxBytes >= 1024 * 1024 ? 'MB' : '字节'}。`,
          413,
          { maxBytes: this.maxBytes },
        );
      }
      throw error;
    }
  }

  private async record(
    taskId: string,
    user: AuthUser,
    staged: StagedFile,
    kind: EvidenceKind,
    fileName: string,
  ): Promise<EvidenceDto> {
    const { key, created } = await this.storage.commit(staged);
    try {
      return await this.dataSource.transaction(async (manager) => {
        // Re-checked under the row lock: the task may have been submitted while the bytes streamed.
        const found = await this.access.load(taskId, user, manager, true);
        if (!stateAllows('upload_evidence', { status: found.task.status, hasPendingExtension: false })) {
          throw forbiddenTransition(found.task.status, 'in_progress', 'upload_evidence');
        }
        await this.assertQuota(manager, taskId, user.departmentId, staged.size);
        const row = await insertEvidence(manager, {
          taskId,
          departmentId: user.departmentId,
          uploadedById: user.id,
          fileName,
          mimeType: EVIDENCE_MIME_TYPES[kind],
          size: staged.size,
          sha256: staged.sha256,
          storageKey: key,
        });
        await this.audit.record(manager, {
          taskId,
          actor: { id: user.id, name: found.actorName },
          action: 'evidence.uploaded',
          detail: { evidenceId: row.id, fileName, sha256: staged.sha256, size: staged.size, type: kind },
        });
        const department = user.departmentId ? await departmentRef(manager, user.departmentId) : null;
        return {
          id: row.id,
          fileName,
          mimeType: EVIDENCE_MIME_TYPES[kind],
          size: staged.size,
          sha256: staged.sha256,
          department,
          uploadedBy: found.actorName,
          createdAt: row.created_at.toISOString(),
        };
      });
    } catch (error) {
      if (created) await this.removeIfUnreferenced(key);
      throw error;
    }
  }

  private async removeIfUnreferenced(key: string): Promise<void> {
    if ((await storageKeyReferences(this.dataSource, key)) === 0) await this.storage.remove(key);
  }
}

function fileRequired(): ValidationError {
  return new ValidationError(
    EvidenceErrorCode.FileRequired,
    '请以 multipart/form-data 上传一个文件（字段名 file）。',
    {
      fields: [{ field: 'file', reasons: ['缺少文件'] }],
    },
  );
}

function evidenceNotFound(evidenceId: string): NotFoundError {
  return new NotFoundError(EvidenceErrorCode.NotFound, '佐证材料不存在，或不属于本部门的任务。', {
    evidenceId,
  });
}
