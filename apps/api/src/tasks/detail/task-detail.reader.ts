import { allowedActions, type TaskDetailDto } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { AuthUser } from '../../auth/auth.decorators';
import { evidenceForTask } from '../../evidence/evidence.queries';
import { extensionsForTask } from '../extension.queries';
import { TaskListReader } from '../list/task-list.reader';
import { iso } from '../list/task-summary.mapper';
import { reportsForTask } from '../progress-report.queries';
import { SignoffDeadline } from '../signoff-deadline';
import { TaskAccessService } from '../task-access.service';
import { TaskCommentService } from '../task-comment.service';
import { detailRow } from './task-detail.queries';

/**
 * A task's detail page for a caller who may see it: the summary, the detail row, and what each owning
 * feature reads for the task (reports, evidence, extensions, the audit history, comments, the 签收 due date),
 * read in parallel.
 */
@Injectable()
export class TaskDetailReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: TaskAccessService,
    private readonly list: TaskListReader,
    private readonly audit: AuditService,
    private readonly comments: TaskCommentService,
    private readonly signoffDeadline: SignoffDeadline,
  ) {}

  async detail(taskId: string, user: AuthUser): Promise<TaskDetailDto> {
    const { actor } = await this.access.load(taskId, user);
    const row = await detailRow(this.dataSource, taskId, this.list.timing());
    if (!row) throw new Error(`task ${taskId} vanished`);
    const [[summary], reports, evidence, extensions, history, comments, signoffDue] = await Promise.all([
      this.list.summaries([row]),
      reportsForTask(this.dataSource, taskId),
      evidenceForTask(this.dataSource, taskId),
      extensionsForTask(this.dataSource, taskId),
      this.audit.forTask(taskId),
      this.comments.forTask(taskId),
      this.signoffDeadline.dueDate(row.signoff_requested_at),
    ]);
    const hasPendingExtension = extensions.some((extension) => extension.status === 'pending');
    const nextReportDue = await this.signoffDeadline.nextReportDue({
      status: summary.status,
      deadline: summary.deadline,
      lastReportAt: summary.lastReportAt,
      createdAt: row.created_at.toISOString(),
      recurrence: row.recurrence,
    });
    return {
      ...summary,
      text: row.text,
      origin: row.origin,
      source: {
        id: summary.document.id,
        kind: row.source_kind,
        title: summary.document.title,
        reference: summary.document.docNumber,
        date: row.source_date,
      },
      milestones: row.milestones,
      checklist: row.checklist,
      recurrence: row.recurrence,
      nextReportDue,
      terminationReason: row.termination_reason,
      comments,
      sourceFile: row.source_file,
      sourceLine: row.source_line,
      parentId: row.parent_id,
      submissionSummary: row.submission_summary,
      returnReason: row.return_reason,
      reports,
      evidence,
      extensions,
      history,
      signoff: {
        requestedAt: row.signoff_requested_at.toISOString(),
        dueDate: signoffDue,
        acknowledgedAt: iso(row.acknowledged_at),
        acknowledgedBy: row.acknowledged_by,
      },
      allowedActions: allowedActions(actor, {
        status: row.status,
        hasPendingExtension,
        awaitingSignoff: row.awaiting_signoff,
        leadCount: summary.lead.length,
      }),
    };
  }
}
