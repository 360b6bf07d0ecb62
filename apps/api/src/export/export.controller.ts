import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, type AuthUser } from '../auth/auth.decorators';
import { contentDisposition } from '../evidence/storage/file-name';
import { TaskListQuery } from '../tasks/dto/task-list-query.dto';
import { ExportService } from './export.service';

@ApiTags('export')
@ApiBearerAuth()
@Controller('export')
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  /** 督办台账 as XLSX, with the same filters (and officer scoping) as GET /api/tasks. */
  @Get('tasks.xlsx')
  @ApiOperation({ summary: '督办台账 (XLSX) with the filters of GET /api/tasks' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async tasks(
    @Query() query: TaskListQuery,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const ledger = await this.exports.taskLedger(query, user);
    void reply.headers({
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': contentDisposition(ledger.fileName),
      'X-Export-Rows': String(ledger.rows),
      'X-Export-Truncated': String(ledger.truncated),
      'Cache-Control': 'private, no-store',
    });
    return new StreamableFile(ledger.buffer);
  }
}
