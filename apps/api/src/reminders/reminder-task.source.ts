import type { ReminderTaskState } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { openReminderTasks, reminderTasksByIds, type ReminderTaskRow } from './reminders.queries';

/** A task's reminder-relevant state plus what the messages need. */
export interface ReminderTask extends ReminderTaskState {
  title: string;
  /** 承办人: e-mail reminders to the 主办 lead department go to this officer first (see NotificationFanOutService). */
  assigneeId: string | null;
}

function toTask(row: ReminderTaskRow): ReminderTask {
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
    milestones: row.milestones,
    recurrence: row.recurrence,
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
    const rows = await reminderTasksByIds(manager, taskIds);
    return rows.map(toTask);
  }

  /** Every task that may still need reminders, in pages (keyset on id). */
  async *openTasks(pageSize = 2000): AsyncGenerator<ReminderTask[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await openReminderTasks(this.dataSource, after, pageSize);
      if (rows.length === 0) return;
      yield rows.map(toTask);
      after = rows[rows.length - 1].id;
    }
  }
}
