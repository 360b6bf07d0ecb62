import {
  RECURRENCE_PERIODS,
  TASK_STATUSES,
  type DeadlineKind,
  type MeasureOrigin,
  type ChecklistItemDto,
  type MilestoneDto,
  type RecurrencePeriodDto,
  type TaskStatus,
} from '@duban/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { PolicyDocumentEntity } from '../documents/policy-document.entity';
import { UserEntity } from '../users/user.entity';

/** How a task came in: a measure's annotation style, or 立项 by hand (`manual`) / from a 台账 (`ledger`). */
export type TaskOrigin = MeasureOrigin | 'manual' | 'ledger';
export const MEASURE_ORIGINS: TaskOrigin[] = ['inline', 'table', 'field', 'manual', 'ledger'];
export const DEADLINE_KINDS: DeadlineKind[] = ['date', 'ongoing'];

/**
 * One measure of a policy document, tracked to completion. Identity: (document, measure key), so a
 * re-import finds the same row. The trigram indexes on title/text (Chinese search with ILIKE) are
 * created by hand in the migration; `synchronize: false` keeps the drift check from touching them.
 */
@Entity({ name: 'tasks' })
@Unique('UQ_tasks_document_measure_key', ['documentId', 'measureKey'])
@Index('IDX_tasks_document', ['documentId'])
@Index('IDX_tasks_status', ['status'])
@Index('IDX_tasks_deadline', ['deadline'])
@Index('IDX_tasks_parent', ['parentId'])
// Covers an officer's list: the department's task ids are probed here and filtered/sorted on status and
// deadline without visiting the heap (an index-only scan: ~7.5 → ~4 ms per list at 100k tasks).
@Index('IDX_tasks_id_status_deadline', ['id', 'status', 'deadline'])
@Index('IDX_tasks_title_trgm', { synchronize: false })
@Index('IDX_tasks_text_trgm', { synchronize: false })
// Partial, covering expression index of migration StatsCounters (undated open tasks by last activity).
@Index('IDX_tasks_undated_last_activity', { synchronize: false })
// 「我承办的」 and the 待签收 queue of the 督查室 (few rows: most tasks are signed off within days).
@Index('IDX_tasks_assignee', ['assigneeId'])
@Index('IDX_tasks_awaiting_signoff', ['signoffRequestedAt'], { where: '"acknowledged_at" IS NULL' })
export class TaskEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_tasks' })
  id!: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId!: string;

  @ManyToOne(() => PolicyDocumentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'FK_tasks_document' })
  document?: PolicyDocumentEntity;

  /** Extractor key, stable within the document (heading path, '#n' for sentence-level spans). */
  @Column({ name: 'measure_key', type: 'text' })
  measureKey!: string;

  /** The measure this one inherits its annotation from, when that is a task too. */
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => TaskEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'FK_tasks_parent' })
  parent?: TaskEntity | null;

  /** Heading enumerators from the document root, e.g. {一,（一）,1.}. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  path!: string[];

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'source_file', type: 'text' })
  sourceFile!: string;

  @Column({ name: 'source_line', type: 'integer' })
  sourceLine!: number;

  @Column({ type: 'enum', enum: MEASURE_ORIGINS, enumName: 'measure_origin' })
  origin!: TaskOrigin;

  /** Everyone named is a co-lead (no lead convention in force). */
  @Column({ type: 'boolean', default: false })
  joint!: boolean;

  /** Department names as written in the document (before canonicalisation). */
  @Column({ name: 'lead_names', type: 'text', array: true, default: () => "'{}'" })
  leadNames!: string[];

  @Column({ name: 'participant_names', type: 'text', array: true, default: () => "'{}'" })
  participantNames!: string[];

  /** Deadline in force (after any granted extension). */
  @Column({ type: 'date', nullable: true })
  deadline!: string | null;

  /** The deadline phrase as written, e.g. 2016年底前. */
  @Column({ name: 'deadline_text', type: 'text', nullable: true })
  deadlineText!: string | null;

  @Column({
    name: 'deadline_kind',
    type: 'enum',
    enum: DEADLINE_KINDS,
    enumName: 'deadline_kind',
    nullable: true,
  })
  deadlineKind!: DeadlineKind | null;

  /** The deadline as first imported, set when an extension changes `deadline`. */
  @Column({ name: 'original_deadline', type: 'date', nullable: true })
  originalDeadline!: string | null;

  @Column({ type: 'enum', enum: [...TASK_STATUSES], enumName: 'task_status', default: 'not_started' })
  status!: TaskStatus;

  @Column({ name: 'submission_summary', type: 'text', nullable: true })
  submissionSummary!: string | null;

  @Column({ name: 'return_reason', type: 'text', nullable: true })
  returnReason!: string | null;

  @Column({ name: 'last_report_at', type: 'timestamptz', nullable: true })
  lastReportAt!: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  /** Against the deadline in force; null until done. */
  @Column({ name: 'completed_on_time', type: 'boolean', nullable: true })
  completedOnTime!: boolean | null;

  /** Against the original deadline; null until done or without an extension. */
  @Column({ name: 'completed_on_time_original', type: 'boolean', nullable: true })
  completedOnTimeOriginal!: boolean | null;

  /** Intermediate steps before the deadline (the extractor's milestones; entered at 立项). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  milestones!: MilestoneDto[];

  /** 工作清单: a labelled-field block's numbered items, ticked off by the lead departments. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  checklist!: ChecklistItemDto[];

  /** A recurring reporting duty (每月/每季度…): deadline_kind stays 'ongoing', the period is kept here. */
  @Column({
    type: 'enum',
    enum: [...RECURRENCE_PERIODS],
    enumName: 'recurrence_period',
    nullable: true,
  })
  recurrence!: RecurrencePeriodDto | null;

  /** Why the supervisor closed the task as 已终止 (superseded, split, withdrawn). */
  @Column({ name: 'termination_reason', type: 'text', nullable: true })
  terminationReason!: string | null;

  /**
   * When the 主办 lead department was asked to acknowledge (签收) the task: its creation, or the day a
   * new department became 主办. The 签收 window (SIGNOFF_WITHIN_WORKING_DAYS) counts from here.
   */
  @Column({ name: 'signoff_requested_at', type: 'timestamptz', default: () => 'now()' })
  signoffRequestedAt!: Date;

  /** 签收 by an officer of the 主办 lead; null while the task waits for it. */
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ name: 'acknowledged_by_id', type: 'uuid', nullable: true })
  acknowledgedById!: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'acknowledged_by_id', foreignKeyConstraintName: 'FK_tasks_acknowledged_by' })
  acknowledgedBy?: UserEntity | null;

  /** 承办人: the officer of the 主办 lead department who handles the task (gets its e-mail reminders). */
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'FK_tasks_assignee' })
  assignee?: UserEntity | null;

  /** Optimistic concurrency (If-Match). */
  @VersionColumn({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
