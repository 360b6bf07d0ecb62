import type { PolicyDocumentDto } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { listDocumentRows } from './documents.queries';

@Injectable()
export class DocumentsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every document with its task count; an officer sees only documents with tasks of their department. */
  async list(user: AuthUser): Promise<PolicyDocumentDto[]> {
    const scope = user.role === 'officer' ? { departmentId: user.departmentId } : null;
    const rows = await listDocumentRows(this.dataSource.manager, scope);
    return rows.map((r) => ({
      id: r.id,
      docNumber: r.doc_number,
      title: r.title,
      issuer: r.issuer,
      date: r.date,
      sourceFile: r.source_file,
      taskCount: r.task_count,
    }));
  }
}
