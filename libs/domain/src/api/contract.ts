/**
 * The HTTP contract between apps/api and apps/web: plain response and request shapes, no framework types.
 * The API maps its entities to these; the web app consumes them. Dates are ISO strings
 * (date-only 'YYYY-MM-DD' for deadlines, full ISO timestamps for events).
 */

import type { TaskStatus, TrafficLight } from './task-vocabulary';
export type { TaskStatus, TrafficLight } from './task-vocabulary';
export type UserRole = 'officer' | 'supervisor' | 'admin';
export type AssignmentRole = 'lead' | 'participant';
export type ExtensionStatus = 'pending' | 'granted' | 'refused';
export type TaskAction =
  | 'report_progress'
  | 'upload_evidence'
  | 'submit'
  | 'request_extension'
  | 'approve'
  | 'return'
  | 'grant_extension'
  | 'refuse_extension'
  /** 签收 by the 主办 lead department. */
  | 'acknowledge'
  /** Naming the 承办人 (an officer of the 主办 lead department). */
  | 'name_assignee'
  /** 督查室 makes another lead the 主办. */
  | 'change_main_lead';

import type { MilestoneDto, RecurrencePeriodDto, TaskCommentDto, TaskSourceDto } from './desk';

export interface DepartmentRefDto {
  id: string;
  name: string;
}

export interface DepartmentDto extends DepartmentRefDto {
  kind: 'ministry' | 'local' | 'collective';
  aliases: string[];
  successor: DepartmentRefDto | null;
  predecessors: DepartmentRefDto[];
  /** True for units created at import time from an unknown name. */
  createdFromImport: boolean;
  /** The place the unit belongs to (杭州市), for a deployment's own units; null for national ones. */
  jurisdiction: string | null;
  /** A collective party (各有关部门, 各地区…): no accounts, never a merge target, not a real lead. */
  collective: boolean;
}

export interface MeDto {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
  department: DepartmentRefDto | null;
  /** 部门负责人: an officer who heads their department (always false for supervisors and admins). */
  isHead: boolean;
  /** For notification e-mails; the person edits it in 个人设置. */
  email: string | null;
  phone: string | null;
  /** The password was set by someone else (seed, admin reset): only 修改密码 is open until it changes. */
  mustChangePassword: boolean;
}

export interface LoginRequestDto {
  username: string;
  password: string;
}

export interface LoginResponseDto {
  accessToken: string;
  expiresIn: number;
  user: MeDto;
}

/** Body of POST /api/auth/password. */
export interface ChangePasswordRequestDto {
  currentPassword: string;
  newPassword: string;
}

/** Answer of POST /api/users/:id/reset-password (admin): the new one-time password, shown once. */
export interface PasswordResetDto {
  username: string;
  temporaryPassword: string;
}

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

export interface UserRefDto {
  id: string;
  name: string;
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

/** A row of GET /api/users (admin): never the password hash. */
export interface UserDto extends MeDto {
  active: boolean;
}

/** Query string of GET /api/users. */
export interface UserListQueryDto {
  /** Substring of the username, display name or department name. */
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface AuditEntryDto {
  id: string;
  action: string;
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
  /** A recurring reporting duty's period; null otherwise. */
  recurrence: RecurrencePeriodDto | null;
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

export interface PageDto<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
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

export interface OverdueStatsRowDto {
  id: string;
  name: string;
  /** Tasks, 已终止 left out. */
  total: number;
  done: number;
  overdue: number;
  /** 按期办结 (done within the deadline in force, or done without one). */
  onTime: number;
  /** Open with a deadline today or within TASK_YELLOW_WITHIN_DAYS (黄灯·临期). */
  dueSoon: number;
  /** Open without a deadline (无时限). */
  undated: number;
  /** 逾期率 and 按期办结率 (libs/domain/src/stats/rates.ts), fractions. */
  overdueRate: number;
  onTimeRate: number;
}

export interface OverdueStatsDto {
  totals: {
    tasks: number;
    done: number;
    overdue: number;
    submitted: number;
    completionRate: number;
    onTime: number;
    open: number;
    terminated: number;
    /** 黄灯 = dueSoon (dated, within the window) + stale (undated, no report for TASK_STALE_AFTER_DAYS). */
    yellow: number;
    dueSoon: number;
    stale: number;
    undated: number;
    overdueRate: number;
    onTimeRate: number;
  };
  byDepartment: OverdueStatsRowDto[];
  byDocument: OverdueStatsRowDto[];
  /** The windows behind the lights, for the legend. */
  rules: { yellowWithinDays: number; staleAfterDays: number };
  /** Shanghai date the figures are as of. */
  asOf: string;
}

/** GET /api/stats/matrix: department (by role) × document counts. */
export interface StatsMatrixDto {
  departments: { id: string; name: string }[];
  documents: { id: string; name: string }[];
  cells: { departmentId: string; documentId: string; total: number; overdue: number; done: number }[];
}

/** GET /api/stats/trend: open and overdue tasks at the end of each of the last weeks. */
export interface StatsTrendDto {
  weeks: { weekEnd: string; open: number; overdue: number }[];
}

/** One row of a 督查通报's per-department table (by lead department). */
export interface BulletinDepartmentRowDto {
  departmentId: string;
  department: string;
  tasks: number;
  done: number;
  onTime: number;
  overdue: number;
  returns: number;
  averageOverdueDays: number;
  onTimeRate: number;
  overdueRate: number;
}

/** The 督查通报 model (libs/domain/src/bulletins/bulletin-model.ts), rendered to .docx and PDF. */
export interface BulletinDto {
  title: string;
  /** 文号-style line under the title: issuer, serial, date. */
  headerLine: string;
  issuer: string;
  period: { kind: 'month' | 'quarter' | 'custom'; key: string; from: string; to: string; label: string };
  scopeLabel: string;
  /** The day the figures are judged at (the day after the period, or today). */
  judgedOn: string;
  generatedOn: string;
  totals: {
    tasks: number;
    done: number;
    onTime: number;
    overdue: number;
    returns: number;
    onTimeRate: number;
    overdueRate: number;
  };
  departments: BulletinDepartmentRowDto[];
  ranking: { rank: number; department: string; onTimeRate: number; overdueRate: number }[];
  best: string[];
  worst: string[];
  overdueItems: {
    taskId: string;
    title: string;
    document: string | null;
    leads: string;
    deadline: string;
    overdueDays: number;
    lastProgress: { on: string; text: string } | null;
  }[];
  returnedItems: { taskId: string; title: string; leads: string; on: string; reason: string }[];
}

export interface ImportPreviewMeasureDto {
  documentIndex: number;
  key: string;
  line: number;
  title: string;
  lead: string[];
  participants: string[];
  deadline: string | null;
  deadlineText: string | null;
  unknownDepartments: string[];
}

export interface ImportPreviewDocumentDto {
  docNumber: string | null;
  title: string;
  issuer: string | null;
  date: string | null;
  measureCount: number;
  /** Same document already imported. */
  existing: { id: string; title: string } | null;
  /** Same document earlier in this upload. */
  sameAs: string | null;
}

export interface ImportPreviewDto {
  id: string;
  fileName: string;
  encoding: string;
  documents: ImportPreviewDocumentDto[];
  measures: ImportPreviewMeasureDto[];
  unknownDepartments: { name: string; occurrences: number }[];
  expiresAt: string;
}

/** Where an upload's extraction stands: `queued` → `extracting` → `building` (matching the directory) → `ready` | `failed`. */
export type ImportJobStatus = 'queued' | 'extracting' | 'building' | 'ready' | 'failed';

/** POST /api/imports answers with this at once; GET /api/imports/jobs/:id until status is ready or failed. */
export interface ImportJobDto {
  id: string;
  fileName: string;
  sizeBytes: number;
  status: ImportJobStatus;
  /** 0–100, from the documents extracted so far. */
  percent: number;
  documentsDone: number;
  documentsTotal: number;
  measuresFound: number;
  /** Set when status is failed: the same code and zh-CN message a synchronous refusal would carry. */
  error: { code: string; message: string; statusCode: number } | null;
  /** Set when status is ready: the preview to commit (POST /api/imports/:previewId/commit). */
  preview: ImportPreviewDto | null;
  createdAt: string;
  /** Milliseconds from upload to ready/failed (null while running). */
  durationMs: number | null;
}

export interface ImportCommitRequestDto {
  /** For each unknown name: map it to an existing department, or create it. */
  mappings?: { name: string; departmentId?: string; create?: boolean }[];
}

export interface ImportResultDto {
  documentsCreated: number;
  documentsUnchanged: number;
  tasksCreated: number;
  tasksUpdated: number;
  tasksUnchanged: number;
}

export type NotificationChannel = 'inbox' | 'email' | 'webhook';

export interface ApiErrorDto {
  statusCode: number;
  /** Stable machine-readable code, e.g. TASK_FORBIDDEN_TRANSITION. */
  code: string;
  /** Human-readable message (zh-CN) saying what was wrong and how to fix it. */
  message: string;
  details?: Record<string, unknown>;
}

/** A weekday off (放假) or a weekend day worked (调休上班), as the State Council announces them. */
export type CalendarDayKind = 'holiday' | 'workday';
/** Where a calendar entry comes from: the maintained package, or an admin's own entry (which wins). */
export type CalendarDaySource = 'package' | 'admin';

export interface CalendarDayDto {
  date: string;
  kind: CalendarDayKind;
  name: string;
  source: CalendarDaySource;
}

/** GET /api/calendar?year= — the announced days of one year (ordinary weekdays and weekends are implied). */
export interface CalendarYearDto {
  year: number;
  /** Whether any announcement for the year is known: if not, only weekends count as days off. */
  covered: boolean;
  days: CalendarDayDto[];
}

/** GET /api/calendar/working-days?from=&days= — the end of 「N个工作日内」 counted from `from`. */
export interface WorkingDaysDto {
  from: string;
  days: number;
  date: string;
}

export interface ReplaceCalendarYearRequestDto {
  days: { date: string; kind: CalendarDayKind; name: string }[];
}

/** GET /api/auth/sso — what the login page offers. */
export interface SsoInfoDto {
  /** Single sign-on (OpenID Connect) is configured. */
  enabled: boolean;
  /** The button's label, e.g. 统一身份认证登录. */
  label: string;
  /** Where the button goes (a full page navigation to the provider). */
  loginUrl: string;
  /** Whether the username/password form is offered. */
  passwordLogin: boolean;
}

/** Why a single sign-on attempt ended on the login page (`/login?ssoError=<code>`). */
export type SsoErrorCode =
  | 'SSO_DISABLED'
  | 'SSO_STATE_INVALID'
  | 'SSO_PROVIDER_ERROR'
  | 'SSO_ACCOUNT_UNKNOWN'
  | 'SSO_ACCOUNT_INACTIVE'
  | 'SSO_ACCOUNT_LINKED_ELSEWHERE'
  | 'SSO_DEPARTMENT_UNKNOWN';

// The password rule is part of the contract: the API enforces it, the web form says it first.
export { MIN_PASSWORD_LENGTH, passwordProblem } from '../auth/password-policy';

// The shared zh-CN vocabulary travels with the contract, so the web app (which imports only this file) gets it too.
export * from './labels';

// The 督查室's desk (立项, edits, comments, 台账): its own file, re-exported with the contract.
export * from './desk';

// The inbox (messages, task cards, categories and their labels, digest modes): its own files, re-exported for the web app.
export * from '../notifications/categories';
export * from '../notifications/inbox-contract';
// People: account administration and 个人设置 (create, edit, Excel import, own contact), with their rules.
export * from './people';
export type * from './departments'; // department administration (create, rename, aliases, merge): its own file
export type * from './corrections'; // import-preview corrections (issue 10): their own file
