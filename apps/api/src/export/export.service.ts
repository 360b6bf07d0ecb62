import { shanghaiDate, type TaskListQueryDto } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth.decorators';
import type { Clock } from '../infra/queue/clock';
import { InjectTaskClock } from '../tasks/clock';
import { TaskQueryService } from '../tasks/task-query.service';
import { buildTaskLedger } from './task-ledger.workbook';

/** Rows beyond this are left out (and the response says so): a ledger is read by people, not machines. */
export const EXPORT_MAX_ROWS = 20_000;

@Injectable()
export class ExportService {
  constructor(
    private readonly tasks: TaskQueryService,
    @InjectTaskClock() private readonly clock: Clock,
  ) {}

  async taskLedger(
    query: TaskListQueryDto,
    user: AuthUser,
  ): Promise<{ buffer: Buffer; fileName: string; rows: number; truncated: boolean }> {
    const now = this.clock.now();
    const found = await this.tasks.all(query, user, EXPORT_MAX_ROWS + 1);
    const truncated = found.length > EXPORT_MAX_ROWS;
    const rows = truncated ? found.slice(0, EXPORT_MAX_ROWS) : found;
    const buffer = await buildTaskLedger(rows, now);
    return {
      buffer,
      fileName: `督办台账-${shanghaiDate(now).replace(/-/g, '')}.xlsx`,
      rows: rows.length,
      truncated,
    };
  }
}
