import type { AuditEntryDto } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity';
import { insertAuditEntry, type AuditRecord } from './audit.repository';

/**
 * The append-only audit trail. There is deliberately no update or delete method (and the database
 * rejects both with a trigger). Writers pass their transaction's EntityManager, so an entry exists
 * exactly when the change it describes was committed. The SQL is audit.repository.ts's, which the
 * import's bulk writes use too (one writer, one set of columns).
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  record(manager: EntityManager, record: AuditRecord): Promise<void> {
    return insertAuditEntry(manager, record);
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
