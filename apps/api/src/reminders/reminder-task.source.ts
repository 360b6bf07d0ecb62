import type { ReminderTaskState } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { mainLeadSql } from '../tasks/main-lead.sql';

/** A task's reminder-relevant state plus what the messages need. */
export interface ReminderTask extends ReminderTaskState {
  title: string;
  /** 承办人: e-mail reminders to the 主办 lead department go to this officer first (see NotificationFanOutService). */
  assigneeId: string | null;
}

interface Row {
  id: string;
  status: ReminderTaskState['status'];
  deadline: string | null;
  last_report_at: Date | null;
  created_at: Date;
  title: string;
  lead_ids: string[];
  participant_ids: string[];
  main_lead_id: string | null;
  awaiting_signoff_since: Date | null;
  assignee_id: string | null;
}

/**
 * Collective parties (各有关部门, 各地区…; `departments.collective`) are left out: nobody reads their inbox,
 * so a task led only by them reminds nobody but its participants and, once overdue, the 督查室 (its
 * escalation), while it waits in the 「待明确责任单位」 queue.
 */
const SELECT = `
  SELECT t.id, t.status::text AS status, to_char(t.deadline, 'YYYY-MM-DD') AS deadline, t.last_report_at, t.created_at, t.title,
    coalesce(array_agg(a.department_id::text ORDER BY a.position) FILTER (WHERE a.role = 'lead'), '{}')::text[] AS lead_ids,
    coalesce(array_agg(a.department_id::text ORDER BY a.position) FILTER (WHERE a.role = 'participant'), '{}')::text[] AS participant_ids,
    ${mainLeadSql('t.id', { realOnly: true })}::text AS main_lead_id,
    CASE WHEN t.acknowledged_at IS NULL THEN t.signoff_requested_at END AS awaiting_signoff_since,
    t.assignee_id::text AS assignee_id
  FROM tasks t
  LEFT JOIN (task_assignments a JOIN departments ad ON ad.id = a.department_id AND NOT ad.collective)
    ON a.task_id = t.id`;

function toTask(row: Row): ReminderTask {
  return {
    id: row.id,
    status: row.status,
    deadline: row.deadline,
    lastReportAt: row.last_report_at ? row.last_report_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
    title: row.title,
    leadDepartmentIds: row.lead_ids,
    participantDepartmentIds: row.participant_ids,
    mainLeadDepartmentId: row.main_lead_id,
    awaitingSignoffSince: row.awaiting_signoff_since ? row.awaiting_signoff_since.toISOString() : null,
    assigneeId: row.assignee_id,
  };
}

/** Reads tasks from PostgreSQL, the source of truth for what reminders are due. */
@Injectable()
export class ReminderTaskSource {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(taskId: string, manager: EntityManager = this.dataSource.manager): Promise<ReminderTask | null> {
    const [task] = await this.loadMany([taskId], manager);
    return task ?? null;
  }

  async loadMany(
    taskIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ReminderTask[]> {
    if (taskIds.length === 0) return [];
    const rows: Row[] = await manager.query(`${SELECT} WHERE t.id = ANY($1::uuid[]) GROUP BY t.id`, [
      taskIds,
    ]);
    return rows.map(toTask);
  }

  /** Every task that may still need reminders, in pages (keyset on id). */
  async *openTasks(pageSize = 2000): AsyncGenerator<ReminderTask[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: Row[] = await this.dataSource.query(
        `${SELECT} WHERE t.status NOT IN ('done', 'terminated') AND t.id > $1 GROUP BY t.id ORDER BY t.id LIMIT $2`,
        [after, pageSize],
      );
      if (rows.length === 0) return;
      yield rows.map(toTask);
      after = rows[rows.length - 1].id;
    }
  }
}
