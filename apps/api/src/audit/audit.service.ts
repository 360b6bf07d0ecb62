import type { AuditAction, AuditEntryDto, TaskStatus } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity';

export interface AuditRecord {
  taskId: string | null;
  documentId?: string | null;
  actor: { id: string; name: string } | null;
  action: AuditAction;
  fromStatus?: TaskStatus | null;
  toStatus?: TaskStatus | null;
  detail?: Record<string, unknown> | null;
}

/**
 * The append-only audit trail. There is deliberately no update or delete method (and the database
 * rejects both with a trigger). Writers pass their transaction's EntityManager, so an entry exists
 * exactly when the change it describes was committed.
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    // clock_timestamp(), not now(): several entries of one transaction keep their order.
    await manager.query(
      `INSERT INTO audit_log (task_id, document_id, actor_id, actor_name, action, from_status, to_status, detail, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, clock_timestamp())`,
      [
        record.taskId,
        record.documentId ?? null,
        record.actor?.id ?? null,
        record.actor?.name ?? null,
        record.action,
        record.fromStatus ?? null,
        record.toStatus ?? null,
        record.detail ? JSON.stringify(record.detail) : null,
      ],
    );
  }

  /** An entry outside any transaction (account events, which change one row each). */
  recordNow(record: AuditRecord): Promise<void> {
    return this.record(this.dataSource.manager, record);
  }

  async forTask(taskId: string): Promise<AuditEntryDto[]> {
    const rows = await this.dataSource.getRepository(AuditEntryEntity).find({
      where: { taskId },
      order: { at: 'ASC', id: 'ASC' },
    });
    return rows.map((row) => ({
      id: row.id,
      action: row.action,
      actor: row.actorName,
      at: row.at.toISOString(),
      fromStatus: row.fromStatus,
      toStatus: row.toStatus,
      detail: row.detail,
    }));
  }
}
