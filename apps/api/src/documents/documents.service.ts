import type { PolicyDocumentDto } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';

interface DocumentRow {
  id: string;
  doc_number: string | null;
  title: string;
  issuer: string | null;
  date: string | null;
  source_file: string;
  task_count: number;
}

@Injectable()
export class DocumentsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every document with its task count; an officer sees only documents with tasks of their department. */
  async list(user: AuthUser): Promise<PolicyDocumentDto[]> {
    const officer = user.role === 'officer';
    const rows = await this.dataSource.query<DocumentRow[]>(
      officer
        ? `SELECT d.id, d.doc_number, d.title, d.issuer, to_char(d.date, 'YYYY-MM-DD') AS date, d.source_file,
                  count(DISTINCT t.id)::int AS task_count
             FROM policy_documents d
             JOIN tasks t ON t.document_id = d.id
             JOIN task_assignments a ON a.task_id = t.id AND a.department_id = $1
            GROUP BY d.id
            ORDER BY d.date DESC NULLS LAST, d.title`
        : `SELECT d.id, d.doc_number, d.title, d.issuer, to_char(d.date, 'YYYY-MM-DD') AS date, d.source_file,
                  (SELECT count(*)::int FROM tasks t WHERE t.document_id = d.id) AS task_count
             FROM policy_documents d
            ORDER BY d.date DESC NULLS LAST, d.title`,
      officer ? [user.departmentId] : [],
    );
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
