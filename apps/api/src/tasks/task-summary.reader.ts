import type { TaskSummaryDto, TimingRules } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../infra/queue/clock';
import { InjectTimingRules } from './timing-rules';
import { ASSIGNMENTS_JSON } from './list/list-columns.sql';
import { baseQuery } from './list/task-filter.builder';
import { toSummary, type PageRow } from './list/task-summary.mapper';
import { timingParameters } from './task-timing.sql';

/**
 * Task summaries by id, as the task list shows them (document, deadline, status, overdue, light, departments),
 * unscoped: for readers that decided themselves what the caller may see, such as the inbox (a user's own
 * notifications name their tasks already) and the daily digest. One query, the list's own columns.
 */
@Injectable()
export class TaskSummaryReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @InjectTimingRules() private readonly rules: TimingRules,
  ) {}

  /** The tasks that exist among `taskIds`, in no particular order. */
  async byIds(taskIds: readonly string[]): Promise<TaskSummaryDto[]> {
    if (taskIds.length === 0) return [];
    const rows = await baseQuery(this.dataSource, timingParameters(this.clock.now(), this.rules))
      .addSelect(ASSIGNMENTS_JSON, 'assignments')
      .where('t.id = ANY(:taskIds::uuid[])')
      .setParameters({ taskIds: [...new Set(taskIds)] })
      .getRawMany<PageRow>();
    return rows.map((row) => toSummary(row, row.assignments));
  }
}
