import type { TaskDetailDto, TaskSourceDto } from '@duban/domain';
import type { DataSource } from 'typeorm';
import { baseQuery } from '../list/task-filter.builder';
import type { SummaryRow } from '../list/task-summary.mapper';
import type { TimingParameters } from '../task-timing.sql';

/** The detail page's own row: the summary columns and what only the detail shows. */
export interface DetailRow extends SummaryRow {
  signoff_requested_at: Date;
  created_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  text: string;
  origin: TaskDetailDto['origin'];
  source_kind: TaskSourceDto['kind'];
  source_date: string | null;
  milestones: TaskDetailDto['milestones'];
  checklist: TaskDetailDto['checklist'];
  recurrence: TaskDetailDto['recurrence'];
  termination_reason: string | null;
  source_file: string;
  source_line: number;
  parent_id: string | null;
  submission_summary: string | null;
  return_reason: string | null;
}

export function detailRow(
  dataSource: DataSource,
  taskId: string,
  timing: TimingParameters,
): Promise<DetailRow | undefined> {
  return baseQuery(dataSource, timing)
    .addSelect('t.text', 'text')
    .addSelect('t.origin', 'origin')
    .addSelect('t.source_file', 'source_file')
    .addSelect('t.source_line', 'source_line')
    .addSelect('t.parent_id', 'parent_id')
    .addSelect('t.submission_summary', 'submission_summary')
    .addSelect('t.return_reason', 'return_reason')
    .addSelect('d.source_kind', 'source_kind')
    .addSelect(`to_char(d.date, 'YYYY-MM-DD')`, 'source_date')
    .addSelect('t.milestones', 'milestones')
    .addSelect('t.checklist', 'checklist')
    .addSelect('t.recurrence', 'recurrence')
    .addSelect('t.termination_reason', 'termination_reason')
    .addSelect('t.signoff_requested_at', 'signoff_requested_at')
    .addSelect('t.created_at', 'created_at')
    .addSelect('t.acknowledged_at', 'acknowledged_at')
    .addSelect('(SELECT ku.display_name FROM users ku WHERE ku.id = t.acknowledged_by_id)', 'acknowledged_by')
    .where('t.id = :taskId', { taskId })
    .getRawOne<DetailRow>();
}
