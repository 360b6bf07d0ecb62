import type { ExtensionQueueItemDto, ExtensionStatus, PageDto } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { toExtensionDto } from './extension-row';
import { extensionQueuePage } from './extension.queries';

const DEFAULT_PAGE_SIZE = 50;

/** The extension review queue (GET /api/extensions); who sees what is in extensionQueuePage. */
@Injectable()
export class ExtensionQueueService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(
    query: { status?: ExtensionStatus; page?: number; pageSize?: number },
    user: AuthUser,
  ): Promise<PageDto<ExtensionQueueItemDto>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const officerDepartment = user.role === 'officer' ? user.departmentId : undefined;
    const { rows, total } = await extensionQueuePage(
      this.dataSource,
      { status: query.status, officerDepartment },
      page,
      pageSize,
    );
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
}
