/**
 * The 督查室's desk in the HTTP contract: 立项 by hand and from an Excel 台账, edits with audit, comments.
 * Plain shapes shared by apps/api and apps/web; dates are 'YYYY-MM-DD'.
 */
import type { RecurrencePeriod } from '../extractor/types';
import type { DepartmentRefDto } from './common';

/** Where a 督办 item comes from. Imported policy documents are `policy_document`. */
export type TaskSourceKind =
  | 'leader_instruction'
  | 'meeting_minutes'
  | 'government_work_report'
  | 'npc_suggestion'
  | 'cppcc_proposal'
  | 'special_inspection'
  | 'policy_document'
  | 'other';

export const TASK_SOURCE_KINDS: readonly TaskSourceKind[] = [
  'leader_instruction',
  'meeting_minutes',
  'government_work_report',
  'npc_suggestion',
  'cppcc_proposal',
  'special_inspection',
  'policy_document',
  'other',
];

export const SOURCE_KIND_LABELS: Readonly<Record<TaskSourceKind, string>> = {
  leader_instruction: '领导批示',
  meeting_minutes: '会议纪要',
  government_work_report: '政府工作报告分工',
  npc_suggestion: '人大建议',
  cppcc_proposal: '政协提案',
  special_inspection: '专项督查',
  policy_document: '政策文件',
  other: '其他',
};

/** How often a recurring reporting duty repeats: the extractor's RecurrencePeriod, one model for both. */
export type RecurrencePeriodDto = RecurrencePeriod;

export const RECURRENCE_PERIODS: readonly RecurrencePeriodDto[] = ['year', 'half-year', 'quarter', 'month'];

export const RECURRENCE_LABELS: Readonly<Record<RecurrencePeriodDto, string>> = {
  year: '每年',
  'half-year': '每半年',
  quarter: '每季度',
  month: '每月',
};

export interface MilestoneDto {
  date: string;
  text: string;
}

/**
 * One item of a task's 工作清单: a labelled-field block's numbered items (行动内容：1. … 2. …) are one task,
 * its items kept here for the lead departments to tick off as they go.
 */
export interface ChecklistItemDto {
  text: string;
  done: boolean;
  /** When it was ticked (ISO instant) and by whom (display name); null while open. */
  doneAt: string | null;
  doneBy: string | null;
}

/** The source of a task as shown on its detail page. */
export interface TaskSourceDto {
  id: string;
  kind: TaskSourceKind;
  title: string;
  /** 文号, or the 批示 / 会议 reference. */
  reference: string | null;
  date: string | null;
}

export interface TaskSourceInputDto {
  kind: TaskSourceKind;
  title: string;
  reference?: string | null;
  date?: string | null;
}

/** Body of POST /api/tasks (supervisor). Either a deadline, or a recurring duty, or neither (ongoing). */
export interface CreateTaskRequestDto {
  source: TaskSourceInputDto;
  title?: string;
  text: string;
  leadDepartmentIds: string[];
  participantDepartmentIds?: string[];
  deadline?: string | null;
  milestones?: MilestoneDto[];
  recurrence?: RecurrencePeriodDto | null;
}

export interface EditDeadlineRequestDto {
  deadline: string | null;
  reason: string;
  version?: number;
}

export interface ChangeDepartmentsRequestDto {
  leadDepartmentIds: string[];
  participantDepartmentIds: string[];
  reason: string;
  version?: number;
}

export interface SplitTaskPartDto {
  title?: string;
  text: string;
  leadDepartmentIds: string[];
  participantDepartmentIds?: string[];
  deadline?: string | null;
}

export interface SplitTaskRequestDto {
  parts: SplitTaskPartDto[];
  reason: string;
  version?: number;
}

export interface SplitTaskResultDto {
  parentId: string;
  childIds: string[];
}

export interface TerminateTaskRequestDto {
  reason: string;
  version?: number;
}

export interface TaskCommentDto {
  id: string;
  /** The comment this one answers; null for a 督办意见 or a first comment. */
  replyTo: string | null;
  author: string;
  /** The author's department; null for the 督查室. */
  department: DepartmentRefDto | null;
  /** True when written by a supervisor (a 督办意见). */
  supervisor: boolean;
  text: string;
  mentions: DepartmentRefDto[];
  createdAt: string;
}

export interface CreateCommentRequestDto {
  text: string;
  replyTo?: string | null;
  /** Departments to notify besides those named as @简称 in the text. */
  mentionDepartmentIds?: string[];
}

/** One row of an uploaded 台账, validated. `errors` empty ⇒ it will be created on commit. */
export interface IntakePreviewRowDto {
  /** Row number in the sheet (1-based, as Excel shows it). */
  row: number;
  serial: string | null;
  text: string;
  sourceKind: TaskSourceKind | null;
  sourceTitle: string;
  reference: string | null;
  /** 来源日期 (the date of the 批示, 纪要 or document), when the 台账 has the column. */
  sourceDate: string | null;
  lead: DepartmentRefDto[];
  participants: DepartmentRefDto[];
  deadline: string | null;
  /** 每季度 / 每月… read from 完成时限: a recurring duty. */
  recurrence: RecurrencePeriodDto | null;
  note: string | null;
  errors: { column: string; message: string; suggestion?: DepartmentRefDto }[];
}

export interface IntakePreviewDto {
  id: string;
  fileName: string;
  rows: IntakePreviewRowDto[];
  validRows: number;
  invalidRows: number;
  expiresAt: string;
}

export interface IntakeResultDto {
  tasksCreated: number;
  rowsSkipped: number;
  taskIds: string[];
}

/** The 台账 template's columns, in order (the template download and the parser share them). */
export const INTAKE_COLUMNS: readonly string[] = [
  '序号',
  '任务内容',
  '来源类型',
  '来源名称',
  '文号/批示',
  '牵头单位',
  '配合单位',
  '完成时限',
  '备注',
  // Optional (older 台账 without it still import): the date of the 批示, 纪要 or document.
  '来源日期',
];
