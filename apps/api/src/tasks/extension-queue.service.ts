import type { ExtensionQueueItemDto, ExtensionStatus, PageDto } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { EXTENSION_COLUMNS, toExtensionDto, type ExtensionRow } from './extension-row';

const DEFAULT_PAGE_SIZE = 50;
const NO_DEPARTMENT = '00000000-0000-0000-0000-000000000000';

interface QueueRow extends ExtensionRow {
  task_id: string;
  task_title: string;
  task_deadline: string | null;
  total_count: number;
}

/**
 * The extension review queue (GET /api/extensions). Supervisors and admins see every request; an
 * officer only those on tasks their department is assigned to, filtered in the WHERE clause.
 */
@Injectable()
export class ExtensionQueueService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(
    query: { status?: ExtensionStatus; page?: number; pageSize?: number },
    user: AuthUser,
  ): Promise<PageDto<ExtensionQueueItemDto>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const parameters: unknown[] = [];
    const where: string[] = [];
    if (query.status) {
      parameters.push(query.status);
      where.push(`x.status = $${parameters.length}`);
    }
    if (user.role === 'officer') {
      parameters.push(user.departmentId ?? NO_DEPARTMENT);
      where.push(
        `EXISTS (SELECT 1 FROM task_assignments oa WHERE oa.task_id = x.task_id AND oa.department_id = $${parameters.length})`,
      );
    }
    // Pending requests wait in arrival order (oldest first); decided ones read newest decision first.
    const order =
      query.status === 'pending'
        ? 'x.created_at ASC, x.id ASC'
        : 'coalesce(x.decided_at, x.created_at) DESC, x.id ASC';
    parameters.push(pageSize, (page - 1) * pageSize);
    const rows = await this.dataSource.query<QueueRow[]>(
      `SELECT ${EXTENSION_COLUMNS},
              t.id AS task_id, t.title AS task_title, t.deadline::text AS task_deadline,
              count(*) OVER ()::int AS total_count
         FROM extension_requests x
         JOIN tasks t ON t.id = x.task_id
         JOIN departments d ON d.id = x.department_id
         JOIN users ru ON ru.id = x.requested_by_id
         LEFT JOIN users du ON du.id = x.decided_by_id
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${order}
        LIMIT $${parameters.length - 1} OFFSET $${parameters.length}`,
      parameters,
    );
    // Past the last page the window count is not there to read: count separately.
    const total =
      rows.length > 0 ? rows[0].total_count : page > 1 ? await this.count(where, parameters.slice(0, -2)) : 0;
    return {
      items: rows.map((row) => ({
        ...toExtensionDto(row),
        task: { id: row.task_id, title: row.task_title, deadline: row.task_deadline },
      })),
      total,
      page,
      pageSize,
    };
  }

  private async count(where: string[], parameters: unknown[]): Promise<number> {
    const [row] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM extension_requests x ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`,
      parameters,
    );
    return row?.n ?? 0;
  }
}
