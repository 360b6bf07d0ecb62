import type { PageDto, TaskListQueryDto, TaskSummaryDto, TimingRules } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth.decorators';
import { Clock } from '../../infra/queue/clock';
import { InjectTimingRules } from '../timing-rules';
import { timingParameters, type TimingParameters } from '../task-timing.sql';
import { sortSpec } from './list-order';
import type { PageRequest } from './page-request';
import { planPage } from './task-list.planner';
import { TaskListQueries } from './task-list.queries';
import { toSummary, type SummaryRow } from './task-summary.mapper';

const DEFAULT_PAGE_SIZE = 20;

/**
 * The filtered, sorted, paged task list for a caller (and the export's unpaged rows). Overdue and the
 * traffic light are SQL expressions evaluated at query time against the application clock.
 */
@Injectable()
export class TaskListReader {
  constructor(
    // Only to build queries (typeorm's query builder); the SQL runs in TaskListQueries.
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queries: TaskListQueries,
    private readonly clock: Clock,
    @InjectTimingRules() private readonly rules: TimingRules,
  ) {}

  /**
   * The page is chosen on narrow rows (id and sort keys), then joined back to compute the summary
   * columns and each row's departments for those rows only. Windowed plans bring their total in the
   * same round trip; the others are counted in parallel.
   */
  async list(query: TaskListQueryDto, user: AuthUser): Promise<PageDto<TaskSummaryDto>> {
    const request: PageRequest = {
      query,
      user,
      order: sortSpec(query.sort),
      timing: this.timing(),
      page: query.page ?? 1,
      pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE,
    };
    const plan = planPage(this.dataSource, request);
    const [rows, counted] = await Promise.all([
      this.queries.page(plan),
      plan.windowed ? Promise.resolve(null) : this.queries.count(request),
    ]);
    // Past the last page the window count is not there to read: count separately.
    const total =
      counted ??
      (rows.length > 0
        ? (rows[0].total_count ?? 0)
        : request.page > 1
          ? await this.queries.count(request)
          : 0);
    return {
      items: rows.map((row) => toSummary(row, row.assignments)),
      total,
      page: request.page,
      pageSize: request.pageSize,
    };
  }

  /** Every task matching the filters (for the export), in list order, up to `limit`. */
  async all(query: TaskListQueryDto, user: AuthUser, limit: number): Promise<TaskSummaryDto[]> {
    return this.summaries(await this.queries.all(query, user, limit, this.timing()));
  }

  /** Summary rows with their departments (one query for all rows). */
  async summaries(rows: SummaryRow[]): Promise<TaskSummaryDto[]> {
    if (rows.length === 0) return [];
    const byTask = await this.queries.departments(rows.map((row) => row.id));
    return rows.map((row) => toSummary(row, byTask.get(row.id) ?? []));
  }

  timing(): TimingParameters {
    return timingParameters(this.clock.now(), this.rules);
  }
}
