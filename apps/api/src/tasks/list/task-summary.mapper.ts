import type {
  AssignmentRole,
  DepartmentRefDto,
  TaskStatus,
  TaskSummaryDto,
  TrafficLight,
} from '@duban/domain';

/** The summary columns of one task as pg returns them (SUMMARY_SELECT's aliases). */
export interface SummaryRow {
  id: string;
  document_id: string;
  document_title: string;
  document_doc_number: string | null;
  path: string[];
  title: string;
  status: TaskStatus;
  deadline: string | null;
  deadline_text: string | null;
  deadline_kind: 'date' | 'ongoing' | null;
  original_deadline: string | null;
  overdue: boolean;
  light: TrafficLight;
  last_report_at: Date | null;
  completed_at: Date | null;
  completed_on_time: boolean | null;
  completed_on_time_original: boolean | null;
  main_lead_id: string | null;
  awaiting_signoff: boolean;
  assignee_id: string | null;
  assignee_name: string | null;
  version: number;
}

/** One of a task's departments, as ASSIGNMENTS_JSON builds it. */
export interface AssignmentJson {
  role: AssignmentRole;
  id: string;
  name: string;
}

/** A list page's row: the summary, its departments and (windowed plans) the total. */
export interface PageRow extends SummaryRow {
  total_count?: number | null;
  assignments: AssignmentJson[];
}

export const iso = (value: Date | string | null): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString();

export function toSummary(row: SummaryRow, assignments: AssignmentJson[]): TaskSummaryDto {
  const ref = (a: AssignmentJson): DepartmentRefDto => ({ id: a.id, name: a.name });
  // The 主办 first, then the other leads in document order.
  const leads = assignments.filter((a) => a.role === 'lead');
  const lead = [
    ...leads.filter((a) => a.id === row.main_lead_id),
    ...leads.filter((a) => a.id !== row.main_lead_id),
  ];
  return {
    id: row.id,
    document: { id: row.document_id, title: row.document_title, docNumber: row.document_doc_number },
    path: row.path,
    title: row.title,
    status: row.status,
    deadline: row.deadline,
    deadlineText: row.deadline_text,
    deadlineKind: row.deadline_kind,
    originalDeadline: row.original_deadline,
    overdue: row.overdue,
    light: row.light,
    lead: lead.map(ref),
    participants: assignments.filter((a) => a.role === 'participant').map(ref),
    lastReportAt: iso(row.last_report_at),
    completedAt: iso(row.completed_at),
    completedOnTime: row.completed_on_time,
    completedOnTimeOriginal: row.completed_on_time_original,
    mainLeadId: row.main_lead_id,
    awaitingSignoff: row.awaiting_signoff,
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
    version: row.version,
  };
}
