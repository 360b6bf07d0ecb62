import type { AssignmentRole, OverdueStatsDto, OverdueStatsRowDto } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import type { Clock } from '../infra/queue/clock';
import { InjectTaskClock } from '../tasks/clock';
import { overdueSql } from '../tasks/task-timing.sql';

interface CountRow {
  id: string;
  name: string;
  total: number;
  done: number;
  overdue: number;
}

const OVERDUE = overdueSql({ status: 't.status', deadline: 't.deadline' }).replace(
  /CAST\(:timingNow AS timestamptz\)/g,
  'CAST($1 AS timestamptz)',
);

/**
 * Overdue statistics (督办统计), computed at query time. By department counts the tasks a department
 * answers for in the given role (lead by default: the lead department is accountable). Officers see
 * only their own department's tasks and row.
 */
@Injectable()
export class StatsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectTaskClock() private readonly clock: Clock,
  ) {}

  async overdue(user: AuthUser, role: AssignmentRole = 'lead'): Promise<OverdueStatsDto> {
    const now = this.clock.now();
    const officer = user.role === 'officer';
    const department = user.departmentId ?? '00000000-0000-0000-0000-000000000000';
    // $2 is the officer's department, or NULL for supervisors and admins (no scoping).
    const scope = `($2::uuid IS NULL OR t.id = ANY(ARRAY(SELECT s.task_id FROM task_assignments s WHERE s.department_id = $2::uuid)))`;
    const scoped = `SELECT t.id, t.document_id, t.status, ${OVERDUE} AS overdue FROM tasks t WHERE ${scope}`;
    // One statement: the scoped tasks are read once and aggregated three ways.
    const [row] = await this.dataSource.query<
      {
        totals: Omit<OverdueStatsDto['totals'], 'completionRate'>;
        by_department: CountRow[];
        by_document: CountRow[];
      }[]
    >(
      `WITH v AS MATERIALIZED (${scoped}),
       dept AS (
         SELECT d.id, d.name, count(*)::int AS total,
                count(*) FILTER (WHERE v.status = 'done')::int AS done,
                count(*) FILTER (WHERE v.overdue)::int AS overdue
           FROM v
           JOIN task_assignments a ON a.task_id = v.id AND a.role = $3
           JOIN departments d ON d.id = a.department_id
          WHERE ($2::uuid IS NULL OR a.department_id = $2::uuid)
          GROUP BY d.id, d.name),
       doc AS (
         SELECT p.id, p.title AS name, count(*)::int AS total,
                count(*) FILTER (WHERE v.status = 'done')::int AS done,
                count(*) FILTER (WHERE v.overdue)::int AS overdue
           FROM v JOIN policy_documents p ON p.id = v.document_id
          GROUP BY p.id, p.title)
       SELECT (SELECT json_build_object(
                 'tasks', count(*)::int,
                 'done', count(*) FILTER (WHERE status = 'done')::int,
                 'overdue', count(*) FILTER (WHERE overdue)::int,
                 'submitted', count(*) FILTER (WHERE status = 'submitted')::int) FROM v) AS totals,
              (SELECT coalesce(json_agg(dept ORDER BY dept.overdue DESC, dept.total DESC, dept.name), '[]'::json) FROM dept)
                AS by_department,
              (SELECT coalesce(json_agg(doc ORDER BY doc.overdue DESC, doc.total DESC, doc.name), '[]'::json) FROM doc)
                AS by_document`,
      [now, officer ? department : null, role],
    );
    const totals = row?.totals;
    const byDepartment = row?.by_department ?? [];
    const byDocument = row?.by_document ?? [];
    const t = totals ?? { tasks: 0, done: 0, overdue: 0, submitted: 0 };
    return {
      totals: { ...t, completionRate: t.tasks === 0 ? 0 : Math.round((t.done / t.tasks) * 10_000) / 10_000 },
      byDepartment: byDepartment.map(toRow),
      byDocument: byDocument.map(toRow),
    };
  }
}

const toRow = (row: CountRow): OverdueStatsRowDto => ({
  id: row.id,
  name: row.name,
  total: row.total,
  done: row.done,
  overdue: row.overdue,
});
