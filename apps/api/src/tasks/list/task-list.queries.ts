import type { AssignmentRole, TaskListQueryDto } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth.decorators';
import { PreparedQueries } from '../../infra/database/prepared-queries';
import type { TimingParameters } from '../task-timing.sql';
import { sorted, sortSpec } from './list-order';
import type { PageRequest } from './page-request';
import type { PagePlan } from './task-list.planner';
import { baseQuery, filtered, narrowQuery } from './task-filter.builder';
import type { AssignmentJson, PageRow, SummaryRow } from './task-summary.mapper';

/** The SQL the task list runs: a planned page, its count, the export's rows, departments by task. */
@Injectable()
export class TaskListQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly prepared: PreparedQueries,
  ) {}

  page(plan: PagePlan): Promise<PageRow[]> {
    const { sql, parameters } = plan.statement;
    return plan.strategy === 'department'
      ? this.prepared.query<PageRow>(sql, parameters)
      : this.dataSource.query<PageRow[]>(sql, parameters);
  }

  /** How many tasks match the request's filters for its caller. */
  async count({ query, user, order, timing }: PageRequest): Promise<number> {
    const matching = filtered(query, user, narrowQuery(this.dataSource, order, timing));
    const counted = await this.dataSource
      .createQueryBuilder()
      .select('count(*)::int', 'n')
      .from(`(${matching.getQuery()})`, 'f')
      .setParameters(matching.getParameters())
      .getRawOne<{ n: number }>();
    return counted?.n ?? 0;
  }

  /** Every task matching the filters, in list order, up to `limit` (summary columns, no departments). */
  all(
    query: TaskListQueryDto,
    user: AuthUser,
    limit: number,
    timing: TimingParameters,
  ): Promise<SummaryRow[]> {
    return sorted(filtered(query, user, baseQuery(this.dataSource, timing)), sortSpec(query.sort))
      .limit(limit)
      .getRawMany<SummaryRow>();
  }

  /** The departments of each task, in document order. */
  async departments(taskIds: string[]): Promise<Map<string, AssignmentJson[]>> {
    const rows = await this.dataSource.query<
      { task_id: string; role: AssignmentRole; department_id: string; department_name: string }[]
    >(
      `SELECT a.task_id, a.role, d.id AS department_id, d.name AS department_name
         FROM task_assignments a JOIN departments d ON d.id = a.department_id
        WHERE a.task_id = ANY($1::uuid[])
        ORDER BY a.position, d.name`,
      [taskIds],
    );
    const byTask = new Map<string, AssignmentJson[]>();
    for (const a of rows) {
      const entry = byTask.get(a.task_id) ?? [];
      entry.push({ role: a.role, id: a.department_id, name: a.department_name });
      byTask.set(a.task_id, entry);
    }
    return byTask;
  }
}
