/** Tasks: the list, the detail page with its reports, evidence, extensions and history, and the queries. */
import type { AuditAction } from './audit';
import type { DepartmentRefDto, UserRefDto } from './common';
import type {
  ChecklistItemDto,
  MilestoneDto,
  RecurrencePeriodDto,
  TaskCommentDto,
  TaskSourceDto,
} from './desk';
import type {
  AssignmentRole,
  ExtensionStatus,
  TaskAction,
  TaskStatus,
  TrafficLight,
} from './task-vocabulary';

export interface PolicyDocumentDto {
  id: string;
  docNumber: string | null;
  title: string;
  issuer: string | null;
  date: string | null;
  sourceFile: string;
  taskCount: number;
}

export interface TaskSummaryDto {
  id: string;
  document: { id: string; title: string; docNumber: string | null };
  path: string[];
  title: string;
  status: TaskStatus;
  /** Deadline in force (after any granted extension). */
  deadline: string | null;
  deadlineText: string | null;
  deadlineKind: 'date' | 'ongoing' | null;
  /** The deadline as first imported, when an extension changed it; else null. */
  originalDeadline: string | null;
  overdue: boolean;
  light: TrafficLight;
  lead: DepartmentRefDto[];
  participants: DepartmentRefDto[];
  lastReportAt: string | null;
  completedAt: string | null;
  /** Against the deadline in force; null until done. */
  completedOnTime: boolean | null;
  /** Against the original deadline; null until done or when there was no extension. */
  completedOnTimeOriginal: boolean | null;
  /** The 主办 lead (the first of `lead`): it signs off, submits 办结 and asks for extensions. */
  mainLeadId: string | null;
  /** Not yet acknowledged (签收) by the 主办 lead while the task is open. */
  awaitingSignoff: boolean;
  /** The 承办人 the 主办 lead named, if any. */
  assignee: UserRefDto | null;
  /** Optimistic-concurrency version; send back as If-Match. */
  version: number;
}

/** 签收 of a task by its 主办 lead department. */
export interface TaskSignoffDto {
  /** When the current 主办 lead was asked to sign off (assignment, or a change of 主办). */
  requestedAt: string;
  /** Last day of the 签收 window (working days, SIGNOFF_WITHIN_WORKING_DAYS). */
  dueDate: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

export interface ProgressReportDto {
  id: string;
  department: DepartmentRefDto;
  author: string;
  text: string;
  createdAt: string;
  /** 配合意见: a co-lead's or participant's report on its part (not the 主办 lead's own progress). */
  cooperation: boolean;
}

export interface EvidenceDto {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  department: DepartmentRefDto | null;
  uploadedBy: string;
  createdAt: string;
}

export interface ExtensionDto {
  id: string;
  department: DepartmentRefDto;
  requestedBy: string;
  reason: string;
  currentDeadline: string | null;
  requestedDeadline: string;
  status: ExtensionStatus;
  decidedBy: string | null;
  decisionReason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

/** A row of GET /api/extensions: the request plus the task it belongs to (review queue). */
export interface ExtensionQueueItemDto extends ExtensionDto {
  task: { id: string; title: string; deadline: string | null };
}

/** Query string of GET /api/extensions. */
export interface ExtensionQueueQueryDto {
  status?: ExtensionStatus;
  page?: number;
  pageSize?: number;
}

/** One line of a task's 办理记录 (the audit trail, oldest first). */
export interface AuditEntryDto {
  id: string;
  action: AuditAction;
  actor: string | null;
  at: string;
  fromStatus: TaskStatus | null;
  toStatus: TaskStatus | null;
  detail: Record<string, unknown> | null;
}

export interface TaskDetailDto extends TaskSummaryDto {
  text: string;
  /** How the task came in: from a document's text (inline/table/field), by hand (manual) or from a 台账 (ledger). */
  origin: 'inline' | 'table' | 'field' | 'manual' | 'ledger';
  /** The task's source (a policy document, or a 领导批示 / 会议纪要 / … entered by the 督查室). */
  source: TaskSourceDto;
  milestones: MilestoneDto[];
  /** 工作清单: the measure's numbered items, ticked off by the lead departments (empty for most tasks). */
  checklist: ChecklistItemDto[];
  /** A recurring reporting duty's period; null otherwise. */
  recurrence: RecurrencePeriodDto | null;
  /**
   * An open task without a date: the day its next progress report is due under the reminder policy (the end
   * of the period for a recurring duty); null for dated or closed tasks.
   */
  nextReportDue: string | null;
  /** Why the supervisor closed it as 已终止 (or split it); null otherwise. */
  terminationReason: string | null;
  comments: TaskCommentDto[];
  sourceFile: string;
  sourceLine: number;
  parentId: string | null;
  submissionSummary: string | null;
  returnReason: string | null;
  reports: ProgressReportDto[];
  evidence: EvidenceDto[];
  extensions: ExtensionDto[];
  history: AuditEntryDto[];
  signoff: TaskSignoffDto;
  /** What the current user may do now. */
  allowedActions: TaskAction[];
}

/** Body of PUT /api/tasks/:id/checklist/:index: tick (or untick) one 工作清单 item. */
export interface TickChecklistItemRequestDto {
  done: boolean;
  /** The task version the caller saw (or If-Match). */
  version?: number;
}

/** Query string of GET /api/tasks and GET /api/export/tasks.xlsx. */
export interface TaskListQueryDto {
  department?: string;
  role?: AssignmentRole;
  status?: TaskStatus;
  overdue?: boolean;
  light?: TrafficLight;
  dueBefore?: string;
  dueAfter?: string;
  document?: string;
  q?: string;
  page?: number;
  pageSize?: number;
  /** e.g. 'deadline', '-deadline', 'status', 'title'; default: overdue first, then deadline. */
  sort?: string;
  /** 待明确责任单位: open tasks whose every lead is a collective party (各有关部门, 各地区…). */
  needsAssignment?: boolean;
  /** 「我承办的」: tasks whose 承办人 is the caller. */
  mine?: boolean;
  /** 「待签收」: open tasks not yet acknowledged (for an officer: those its department must sign as 主办). */
  awaitingSignoff?: boolean;
}
