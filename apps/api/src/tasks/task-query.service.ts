import {
  allowedActions,
  type AssignmentRole,
  type DepartmentRefDto,
  type EvidenceDto,
  type ExtensionDto,
  type PageDto,
  type ProgressReportDto,
  type TaskDetailDto,
  type TaskListQueryDto,
  type TaskStatus,
  type TaskSummaryDto,
  type TimingRules,
  type TrafficLight,
} from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.decorators';
import type { Clock } from '../infra/queue/clock';
import { InjectTaskClock, InjectTimingRules } from './clock';
import { TaskAccessService } from './task-access.service';
import { lightSql, overdueSql, timingParameters, type TimingColumns } from './task-timing.sql';

const COLUMNS: TimingColumns = {
  status: 't.status',
  deadline: 't.deadline',
  createdAt: 't.created_at',
  lastReportAt: 't.last_report_at',
};

const DEFAULT_PAGE_SIZE = 20;

/** `sort` keys of the list; each maps to SQL (ties broken by id, so paging is stable). */
const SORT_SQL: Record<string, string> = {
  deadline: 't.deadline',
  status: 't.status',
  title: 't.title',
  createdAt: 't.created_at',
  lastReportAt: 't.last_report_at',
};

interface SummaryRow {
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
  version: number;
}

interface DetailRow extends SummaryRow {
  text: string;
  origin: 'inline' | 'table' | 'field';
  source_file: string;
  source_line: number;
  parent_id: string | null;
  submission_summary: string | null;
  return_reason: string | null;
}

interface AssignmentRow {
  task_id: string;
  role: AssignmentRole;
  department_id: string;
  department_name: string;
}

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Reads tasks for a caller: the filtered, sorted, paged list and the detail page. Officer scoping is
 * part of the WHERE clause (EXISTS on the caller's department's assignments), never a filter applied
 * after fetching. Overdue and the traffic light are SQL expressions evaluated at query time.
 */
@Injectable()
export class TaskQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: TaskAccessService,
    private readonly audit: AuditService,
    @InjectTaskClock() private readonly clock: Clock,
    @InjectTimingRules() private readonly rules: TimingRules,
  ) {}

  async list(query: TaskListQueryDto, user: AuthUser): Promise<PageDto<TaskSummaryDto>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const filtered = this.filtered(query, user);
    const [rows, total] = await Promise.all([
      this.sorted(filtered.clone(), query.sort)
        .offset((page - 1) * pageSize)
        .limit(pageSize)
        .getRawMany<SummaryRow>(),
      this.count(filtered),
    ]);
    return { items: await this.toSummaries(rows), total, page, pageSize };
  }

  /** Every task matching the filters (for the export), in list order, up to `limit`. */
  async all(query: TaskListQueryDto, user: AuthUser, limit: number): Promise<TaskSummaryDto[]> {
    const rows = await this.sorted(this.filtered(query, user), query.sort)
      .limit(limit)
      .getRawMany<SummaryRow>();
    return this.toSummaries(rows);
  }

  async detail(taskId: string, user: AuthUser): Promise<TaskDetailDto> {
    const { actor } = await this.access.load(taskId, user);
    const row = await this.base()
      .addSelect('t.text', 'text')
      .addSelect('t.origin', 'origin')
      .addSelect('t.source_file', 'source_file')
      .addSelect('t.source_line', 'source_line')
      .addSelect('t.parent_id', 'parent_id')
      .addSelect('t.submission_summary', 'submission_summary')
      .addSelect('t.return_reason', 'return_reason')
      .where('t.id = :taskId', { taskId })
      .getRawOne<DetailRow>();
    if (!row) throw new Error(`task ${taskId} vanished`);
    const [[summary], reports, evidence, extensions, history] = await Promise.all([
      this.toSummaries([row]),
      this.reports(taskId),
      this.evidence(taskId),
      this.extensions(taskId),
      this.audit.forTask(taskId),
    ]);
    const hasPendingExtension = extensions.some((extension) => extension.status === 'pending');
    return {
      ...summary,
      text: row.text,
      origin: row.origin,
      sourceFile: row.source_file,
      sourceLine: row.source_line,
      parentId: row.parent_id,
      submissionSummary: row.submission_summary,
      returnReason: row.return_reason,
      reports,
      evidence,
      extensions,
      history,
      allowedActions: allowedActions(actor, { status: row.status, hasPendingExtension }),
    };
  }

  /** The summary columns, with overdue/light bound to the clock's now. */
  private base(): SelectQueryBuilder<object> {
    return this.dataSource
      .createQueryBuilder()
      .from('tasks', 't')
      .innerJoin('policy_documents', 'd', 'd.id = t.document_id')
      .select('t.id', 'id')
      .addSelect('t.document_id', 'document_id')
      .addSelect('d.title', 'document_title')
      .addSelect('d.doc_number', 'document_doc_number')
      .addSelect('t.path', 'path')
      .addSelect('t.title', 'title')
      .addSelect('t.status', 'status')
      .addSelect('t.deadline::text', 'deadline')
      .addSelect('t.deadline_text', 'deadline_text')
      .addSelect('t.deadline_kind', 'deadline_kind')
      .addSelect('t.original_deadline::text', 'original_deadline')
      .addSelect(overdueSql(COLUMNS), 'overdue')
      .addSelect(lightSql(COLUMNS), 'light')
      .addSelect('t.last_report_at', 'last_report_at')
      .addSelect('t.completed_at', 'completed_at')
      .addSelect('t.completed_on_time', 'completed_on_time')
      .addSelect('t.completed_on_time_original', 'completed_on_time_original')
      .addSelect('t.version', 'version')
      .setParameters({ ...timingParameters(this.clock.now(), this.rules) });
  }

  private filtered(query: TaskListQueryDto, user: AuthUser): SelectQueryBuilder<object> {
    const qb = this.base().where('TRUE');
    if (user.role === 'officer') {
      // An officer without a department sees nothing (the users table forbids it, but be explicit).
      const ownRole = query.role && !query.department ? ' AND oa.role = :ownRole' : '';
      qb.andWhere(
        `EXISTS (SELECT 1 FROM task_assignments oa WHERE oa.task_id = t.id AND oa.department_id = :ownDepartment${ownRole})`,
        { ownDepartment: user.departmentId ?? '00000000-0000-0000-0000-000000000000', ownRole: query.role },
      );
    }
    if (query.department) {
      const role = query.role ? ' AND fa.role = :filterRole' : '';
      qb.andWhere(
        `EXISTS (SELECT 1 FROM task_assignments fa WHERE fa.task_id = t.id AND fa.department_id = :filterDepartment${role})`,
        { filterDepartment: query.department, filterRole: query.role },
      );
    }
    if (query.status) qb.andWhere('t.status = :status', { status: query.status });
    if (query.overdue !== undefined)
      qb.andWhere(query.overdue ? overdueSql(COLUMNS) : `NOT ${overdueSql(COLUMNS)}`);
    if (query.light) qb.andWhere(`${lightSql(COLUMNS)} = :light`, { light: query.light });
    if (query.dueBefore) qb.andWhere('t.deadline <= :dueBefore', { dueBefore: query.dueBefore });
    if (query.dueAfter) qb.andWhere('t.deadline >= :dueAfter', { dueAfter: query.dueAfter });
    if (query.document) qb.andWhere('t.document_id = :document', { document: query.document });
    const q = query.q?.trim();
    if (q) {
      qb.andWhere(`(t.title ILIKE :q OR t.text ILIKE :q OR t.measure_key = :qExact)`, {
        q: `%${escapeLike(q)}%`,
        qExact: q,
      });
    }
    return qb;
  }

  private sorted(qb: SelectQueryBuilder<object>, sort: string | undefined): SelectQueryBuilder<object> {
    if (!sort) {
      return qb
        .orderBy(overdueSql(COLUMNS), 'DESC')
        .addOrderBy('t.deadline', 'ASC', 'NULLS LAST')
        .addOrderBy('t.id', 'ASC');
    }
    const descending = sort.startsWith('-');
    const column = SORT_SQL[descending ? sort.slice(1) : sort] ?? 't.deadline';
    return qb
      .orderBy(column, descending ? 'DESC' : 'ASC', descending ? 'NULLS LAST' : 'NULLS LAST')
      .addOrderBy('t.id', 'ASC');
  }

  private async count(filtered: SelectQueryBuilder<object>): Promise<number> {
    const counted = await this.dataSource
      .createQueryBuilder()
      .select('count(*)::int', 'n')
      .from(`(${filtered.getQuery()})`, 'f')
      .setParameters(filtered.getParameters())
      .getRawOne<{ n: number }>();
    return counted?.n ?? 0;
  }

  private async toSummaries(rows: SummaryRow[]): Promise<TaskSummaryDto[]> {
    if (rows.length === 0) return [];
    const assignments = await this.dataSource.query<AssignmentRow[]>(
      `SELECT a.task_id, a.role, d.id AS department_id, d.name AS department_name
         FROM task_assignments a JOIN departments d ON d.id = a.department_id
        WHERE a.task_id = ANY($1::uuid[])
        ORDER BY a.position, d.name`,
      [rows.map((row) => row.id)],
    );
    const byTask = new Map<string, { lead: DepartmentRefDto[]; participants: DepartmentRefDto[] }>();
    for (const a of assignments) {
      const entry = byTask.get(a.task_id) ?? { lead: [], participants: [] };
      (a.role === 'lead' ? entry.lead : entry.participants).push({
        id: a.department_id,
        name: a.department_name,
      });
      byTask.set(a.task_id, entry);
    }
    return rows.map((row) => ({
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
      lead: byTask.get(row.id)?.lead ?? [],
      participants: byTask.get(row.id)?.participants ?? [],
      lastReportAt: iso(row.last_report_at),
      completedAt: iso(row.completed_at),
      completedOnTime: row.completed_on_time,
      completedOnTimeOriginal: row.completed_on_time_original,
      version: row.version,
    }));
  }

  private async reports(taskId: string): Promise<ProgressReportDto[]> {
    const rows = await this.dataSource.query<
      {
        id: string;
        department_id: string;
        department_name: string;
        author: string;
        text: string;
        created_at: Date;
      }[]
    >(
      `SELECT r.id, r.department_id, d.name AS department_name, u.display_name AS author, r.text, r.created_at
         FROM progress_reports r
         JOIN departments d ON d.id = r.department_id
         JOIN users u ON u.id = r.author_id
        WHERE r.task_id = $1 ORDER BY r.created_at, r.id`,
      [taskId],
    );
    return rows.map((row) => ({
      id: row.id,
      department: { id: row.department_id, name: row.department_name },
      author: row.author,
      text: row.text,
      createdAt: row.created_at.toISOString(),
    }));
  }

  private async evidence(taskId: string): Promise<EvidenceDto[]> {
    const rows = await this.dataSource.query<
      {
        id: string;
        file_name: string;
        mime_type: string;
        size: string;
        sha256: string;
        department_id: string | null;
        department_name: string | null;
        uploaded_by: string;
        created_at: Date;
      }[]
    >(
      `SELECT e.id, e.file_name, e.mime_type, e.size, e.sha256, e.department_id, d.name AS department_name,
              u.display_name AS uploaded_by, e.created_at
         FROM evidence_files e
         LEFT JOIN departments d ON d.id = e.department_id
         JOIN users u ON u.id = e.uploaded_by_id
        WHERE e.task_id = $1 ORDER BY e.created_at, e.id`,
      [taskId],
    );
    return rows.map((row) => ({
      id: row.id,
      fileName: row.file_name,
      mimeType: row.mime_type,
      size: Number(row.size),
      sha256: row.sha256,
      department: row.department_id ? { id: row.department_id, name: row.department_name ?? '' } : null,
      uploadedBy: row.uploaded_by,
      createdAt: row.created_at.toISOString(),
    }));
  }

  private async extensions(taskId: string): Promise<ExtensionDto[]> {
    const rows = await this.dataSource.query<
      {
        id: string;
        department_id: string;
        department_name: string;
        requested_by: string;
        reason: string;
        current_deadline: string | null;
        requested_deadline: string;
        status: 'pending' | 'granted' | 'refused';
        decided_by: string | null;
        decision_reason: string | null;
        created_at: Date;
        decided_at: Date | null;
      }[]
    >(
      `SELECT x.id, x.department_id, d.name AS department_name, ru.display_name AS requested_by, x.reason,
              x.current_deadline::text AS current_deadline, x.requested_deadline::text AS requested_deadline,
              x.status, du.display_name AS decided_by, x.decision_reason, x.created_at, x.decided_at
         FROM extension_requests x
         JOIN departments d ON d.id = x.department_id
         JOIN users ru ON ru.id = x.requested_by_id
         LEFT JOIN users du ON du.id = x.decided_by_id
        WHERE x.task_id = $1 ORDER BY x.created_at, x.id`,
      [taskId],
    );
    return rows.map((row) => ({
      id: row.id,
      department: { id: row.department_id, name: row.department_name },
      requestedBy: row.requested_by,
      reason: row.reason,
      currentDeadline: row.current_deadline,
      requestedDeadline: row.requested_deadline,
      status: row.status,
      decidedBy: row.decided_by,
      decisionReason: row.decision_reason,
      createdAt: row.created_at.toISOString(),
      decidedAt: iso(row.decided_at),
    }));
  }
}
