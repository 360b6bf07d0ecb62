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
  type TaskSourceDto,
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
import { PreparedQueries } from '../infra/database/prepared-queries';
import type { Clock } from '../infra/queue/clock';
import { InjectTaskClock, InjectTimingRules } from './clock';
import { EXTENSION_COLUMNS, toExtensionDto, type ExtensionRow } from './extension-row';
import { TaskAccessService } from './task-access.service';
import { mainLeadSql } from './main-lead.sql';
import { SignoffDeadline } from './signoff-deadline';
import { TaskCommentService } from './task-comment.service';
import {
  lightSql,
  overdueSql,
  timingParameters,
  type TimingColumns,
  type TimingParameters,
} from './task-timing.sql';

const COLUMNS: TimingColumns = {
  status: 't.status',
  deadline: 't.deadline',
  createdAt: 't.created_at',
  lastReportAt: 't.last_report_at',
};

/** The assignment row's copies of its task's status and deadline (see TaskAssignmentEntity). */
const ASSIGNMENT_COLUMNS = { status: 'oa.task_status', deadline: 'oa.task_deadline' };

const DEFAULT_PAGE_SIZE = 20;

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

interface DetailRow extends SummaryRow {
  signoff_requested_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  text: string;
  origin: TaskDetailDto['origin'];
  source_kind: TaskSourceDto['kind'];
  source_date: string | null;
  milestones: TaskDetailDto['milestones'];
  recurrence: TaskDetailDto['recurrence'];
  termination_reason: string | null;
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

export interface AssignmentJson {
  role: AssignmentRole;
  id: string;
  name: string;
}

/**
 * A task's departments as JSON, in document order; evaluated per row of the outer (paged) query. One
 * join per task rather than a name subquery per assignment, each of which scans the departments table.
 */
export const ASSIGNMENTS_JSON = `(SELECT coalesce(json_agg(json_build_object('role', a.role, 'id', a.department_id, 'name', ad.name)
    ORDER BY a.position, ad.name), '[]'::json)
    FROM task_assignments a JOIN departments ad ON ad.id = a.department_id WHERE a.task_id = t.id)`;

interface SortKey {
  /** Expression inside the filtered query (alias t). */
  inner: string;
  /** The same over a department's assignment rows (alias oa), when their copies suffice. */
  onAssignment?: string;
  /** Its column name in the narrow page subquery (alias p). */
  alias: string;
  direction: 'ASC' | 'DESC';
  nulls?: 'NULLS FIRST' | 'NULLS LAST';
}

/** `sort` keys of the list; each maps to SQL. Ties are broken by id, so paging is stable. */
const SORT_KEYS: Record<string, { inner: string; alias: string; onAssignment?: string }> = {
  deadline: { inner: 't.deadline', alias: 'k_deadline', onAssignment: 'oa.task_deadline' },
  status: { inner: 't.status', alias: 'k_status', onAssignment: 'oa.task_status' },
  title: { inner: 't.title', alias: 'k_title' },
  createdAt: { inner: 't.created_at', alias: 'k_created_at' },
  lastReportAt: { inner: 't.last_report_at', alias: 'k_last_report_at' },
};

/** Default: overdue first, then deadline ascending with undated tasks last. */
function sortSpec(sort: string | undefined): SortKey[] {
  const tie: SortKey = { inner: 't.id', onAssignment: 'oa.task_id', alias: 'id', direction: 'ASC' };
  if (!sort) {
    return [
      {
        inner: overdueSql(COLUMNS),
        onAssignment: overdueSql(ASSIGNMENT_COLUMNS),
        alias: 'k_overdue',
        direction: 'DESC',
      },
      {
        inner: 't.deadline',
        onAssignment: 'oa.task_deadline',
        alias: 'k_deadline',
        direction: 'ASC',
        nulls: 'NULLS LAST',
      },
      tie,
    ];
  }
  const descending = sort.startsWith('-');
  const key = SORT_KEYS[descending ? sort.slice(1) : sort] ?? SORT_KEYS['deadline'];
  return [{ ...key, direction: descending ? 'DESC' : 'ASC', nulls: 'NULLS LAST' }, tie];
}

/** Open and not yet signed off by its 主办 lead (「待签收」). */
const AWAITING_SIGNOFF = `(t.acknowledged_at IS NULL AND t.status IN ('not_started', 'in_progress', 'returned'))`;

/** The summary columns (besides id), shared by the detail query and the list's outer query. */
export const SUMMARY_SELECT: readonly (readonly [string, string])[] = [
  ['t.document_id', 'document_id'],
  ['d.title', 'document_title'],
  ['d.doc_number', 'document_doc_number'],
  ['t.path', 'path'],
  ['t.title', 'title'],
  ['t.status', 'status'],
  ['t.deadline::text', 'deadline'],
  ['t.deadline_text', 'deadline_text'],
  ['t.deadline_kind', 'deadline_kind'],
  ['t.original_deadline::text', 'original_deadline'],
  [overdueSql(COLUMNS), 'overdue'],
  [lightSql(COLUMNS), 'light'],
  ['t.last_report_at', 'last_report_at'],
  ['t.created_at', 'created_at'],
  ['t.completed_at', 'completed_at'],
  ['t.completed_on_time', 'completed_on_time'],
  ['t.completed_on_time_original', 'completed_on_time_original'],
  [mainLeadSql('t.id'), 'main_lead_id'],
  [AWAITING_SIGNOFF, 'awaiting_signoff'],
  ['t.assignee_id', 'assignee_id'],
  ['(SELECT au.display_name FROM users au WHERE au.id = t.assignee_id)', 'assignee_name'],
  ['t.version', 'version'],
];

/** `ORDER BY` terms for the keys, each key's column or expression given by `column`. */
function orderByTerms<K extends SortKey>(order: K[], column: (key: K) => string): string {
  return order.map((key) => `${column(key)} ${key.direction}${key.nulls ? ` ${key.nulls}` : ''}`).join(', ');
}

/** One list call resolved: its filters, caller, order, clock and the page wanted. */
interface PageRequest {
  query: TaskListQueryDto;
  user: AuthUser;
  order: SortKey[];
  timing: TimingParameters;
  page: number;
  pageSize: number;
}

/** The summary columns (with id) as SQL, timing parameters still named. */
const SUMMARY_COLUMNS = SUMMARY_SELECT.map(([expression, alias]) => `${expression} AS "${alias}"`).join(', ');

/** Binds the named timing parameters to positions first, first + 1 and first + 2 (now, yellow, stale). */
function withTimingAt(sql: string, first: number): string {
  return sql.replace(/:timing(Now|YellowDays|StaleDays)\b/g, (_m, name: string) =>
    name === 'Now' ? `$${first}` : name === 'YellowDays' ? `$${first + 1}` : `$${first + 2}`,
  );
}

/** The summary columns with the timing parameters first ($1-$3), as a department's page binds them. */
const SUMMARY_COLUMNS_TIMING_FIRST = withTimingAt(SUMMARY_COLUMNS, 1);

export interface PageRow extends SummaryRow {
  total_count?: number | null;
  assignments: AssignmentJson[];
}

/** The page's rows with their summary columns and departments, in the narrow page's order. */
function pageSql(innerSql: string, order: SortKey[], windowed: boolean, columns: string): string {
  const orderBy = orderByTerms(order, (key) => `p."${key.alias}"`);
  return `SELECT t.id AS id, ${columns}, ${windowed ? 'p.total_count' : 'NULL AS total_count'},
                ${ASSIGNMENTS_JSON} AS assignments
           FROM (${innerSql}) p
           JOIN tasks t ON t.id = p.id
           JOIN policy_documents d ON d.id = t.document_id
          ORDER BY ${orderBy}`;
}

/**
 * One department's page (an officer's own list, or anyone's list filtered to one department) from its
 * assignment rows alone: filtered, ordered and counted on the rows' copies of status and deadline in
 * one index range, where the general query probes each of the department's tasks (~1k). Every value
 * is a parameter (timing first, limit and offset last), so the text depends only on which filters
 * and which order are used: it runs as a prepared statement.
 */
function departmentPageStatement(
  { query, order, timing, page, pageSize }: PageRequest,
  department: DepartmentScope,
): [string, unknown[]] {
  const values: unknown[] = [timing.timingNow, timing.timingYellowDays, timing.timingStaleDays];
  const bind = (value: unknown): string => `$${values.push(value)}`;
  const overdue = withTimingAt(overdueSql(ASSIGNMENT_COLUMNS), 1);
  const where = [`oa.department_id = ${bind(department.id)}`];
  if (department.role) where.push(`oa.role = ${bind(department.role)}`);
  if (query.status) where.push(`oa.task_status = ${bind(query.status)}`);
  if (query.overdue !== undefined) where.push(query.overdue ? overdue : `NOT ${overdue}`);
  if (query.dueBefore) where.push(`oa.task_deadline <= ${bind(query.dueBefore)}`);
  if (query.dueAfter) where.push(`oa.task_deadline >= ${bind(query.dueAfter)}`);
  const keys = order.map((key) => ({ ...key, expression: withTimingAt(assignmentExpression(key), 1) }));
  const selected = keys
    .filter((key) => key.alias !== 'id')
    .map((key) => `${key.expression} AS "${key.alias}"`)
    .join(', ');
  const orderBy = orderByTerms(keys, (key) => key.expression);
  const inner = `SELECT oa.task_id AS id, ${selected}, count(*) OVER ()::int AS total_count
      FROM task_assignments oa
     WHERE ${where.join(' AND ')}
     ORDER BY ${orderBy}
     LIMIT ${bind(pageSize)} OFFSET ${bind((page - 1) * pageSize)}`;
  return [pageSql(inner, order, true, SUMMARY_COLUMNS_TIMING_FIRST), values];
}

/** Orders the query by the keys (inner expressions). */
function sorted(qb: SelectQueryBuilder<object>, order: SortKey[]): SelectQueryBuilder<object> {
  for (const [index, key] of order.entries()) {
    if (index === 0) qb.orderBy(key.inner, key.direction, key.nulls);
    else qb.addOrderBy(key.inner, key.direction, key.nulls);
  }
  return qb;
}

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

/** The single department a list is confined to, when there is one. */
interface DepartmentScope {
  id: string;
  role?: AssignmentRole;
}

function departmentScope(query: TaskListQueryDto, user: AuthUser): DepartmentScope | null {
  if (user.role === 'officer') {
    if (!user.departmentId) return null;
    // An officer filtering on another department sees the tasks both share: two departments.
    if (query.department && query.department !== user.departmentId) return null;
    return { id: user.departmentId, role: query.role };
  }
  return query.department ? { id: query.department, role: query.role } : null;
}

/** Whether every filter and sort key of the list can be judged on assignment rows' copies. */
function readsOnlyAssignmentCopies(query: TaskListQueryDto, order: SortKey[]): boolean {
  const needsTask =
    Boolean(query.light ?? query.document ?? query.q?.trim()) ||
    query.needsAssignment !== undefined ||
    query.mine === true ||
    query.awaitingSignoff === true;
  return !needsTask && order.every((key) => key.onAssignment !== undefined);
}

function assignmentExpression(key: SortKey): string {
  if (key.onAssignment === undefined) throw new Error(`sort key ${key.alias} has no assignment column`);
  return key.onAssignment;
}

const iso = (value: Date | string | null): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString();

/**
 * 待明确责任单位: an open task with no real lead — every lead is a collective party (各有关部门, 各地区…) or
 * there is none. Computed from the assignments, so naming a real lead (POST /api/tasks/:id/departments)
 * takes the task out of the queue with no state to keep in step.
 */
export const NEEDS_ASSIGNMENT = `(t.status NOT IN ('done', 'terminated') AND NOT EXISTS (
  SELECT 1 FROM task_assignments na JOIN departments nd ON nd.id = na.department_id
   WHERE na.task_id = t.id AND na.role = 'lead' AND NOT nd.collective))`;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Reads tasks for a caller: the filtered, sorted, paged list and the detail page. Officer scoping is
 * part of the WHERE clause (the caller's department's assignments), never a filter applied after
 * fetching. Overdue and the traffic light are SQL expressions evaluated at query time.
 */
@Injectable()
export class TaskQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly prepared: PreparedQueries,
    private readonly access: TaskAccessService,
    private readonly audit: AuditService,
    @InjectTaskClock() private readonly clock: Clock,
    @InjectTimingRules() private readonly rules: TimingRules,
    private readonly comments: TaskCommentService,
    private readonly signoffDeadline: SignoffDeadline,
  ) {}

  /**
   * The page is chosen on narrow rows (id and sort keys), then joined back to compute the summary
   * columns and each row's departments for those rows only. An officer's list (a department's ~1k
   * tasks at most) gets its total as a window count in the same round trip; unscoped lists
   * (supervisors, admins: up to every task) count in parallel instead.
   */
  async list(query: TaskListQueryDto, user: AuthUser): Promise<PageDto<TaskSummaryDto>> {
    const request: PageRequest = {
      query,
      user,
      order: sortSpec(query.sort),
      timing: this.timing(),
      page: query.page ?? 1,
      pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE,
    };
    const department = departmentScope(query, user);
    const fromAssignments = department !== null && readsOnlyAssignmentCopies(query, request.order);
    const windowed = fromAssignments || user.role === 'officer';
    const countAll = (): Promise<number> =>
      this.count(this.filtered(query, user, this.narrow(request.order, request.timing)));
    const [rows, counted] = await Promise.all([
      department && fromAssignments
        ? this.prepared.query<PageRow>(...departmentPageStatement(request, department))
        : this.generalPage(request, windowed),
      windowed ? Promise.resolve(null) : countAll(),
    ]);
    // Past the last page the window count is not there to read: count separately.
    const total =
      counted ?? (rows.length > 0 ? (rows[0].total_count ?? 0) : request.page > 1 ? await countAll() : 0);
    return {
      items: rows.map((row) => toSummary(row, row.assignments)),
      total,
      page: request.page,
      pageSize: request.pageSize,
    };
  }

  /** Any list: narrow rows filtered on the tasks table, then the page's summary columns. */
  private generalPage(request: PageRequest, windowed: boolean): Promise<PageRow[]> {
    const [innerSql, innerParameters] =
      !windowed && !request.query.sort ? this.overdueFirstPage(request) : this.sortedPage(request, windowed);
    const n = innerParameters.length;
    const { timing } = request;
    return this.dataSource.query<PageRow[]>(
      pageSql(innerSql, request.order, windowed, withTimingAt(SUMMARY_COLUMNS, n + 1)),
      [...innerParameters, timing.timingNow, timing.timingYellowDays, timing.timingStaleDays],
    );
  }

  /** The page's narrow rows: filter, sort everything that matches, cut the page. */
  private sortedPage(
    { query, user, order, timing, page, pageSize }: PageRequest,
    windowed: boolean,
  ): [string, unknown[]] {
    const inner = this.filtered(query, user, this.narrow(order, timing));
    if (windowed) inner.addSelect('count(*) OVER ()::int', 'total_count');
    sorted(inner, order)
      .offset((page - 1) * pageSize)
      .limit(pageSize);
    return inner.getQueryAndParameters() as [string, unknown[]];
  }

  /**
   * The default order (overdue first, then deadline) for unscoped lists, without sorting every task
   * by the overdue expression (a full scan and sort: ~40 ms at 100k tasks). Overdue and other rows are
   * read as two branches, each walking the deadline index in order and stopping after page × size
   * rows; only those are merged and cut (~1 ms for the first page). Officers' lists are a department's
   * few hundred tasks, sorted whole with a window count instead.
   */
  private overdueFirstPage({ query, user, order, timing, page, pageSize }: PageRequest): [string, unknown[]] {
    const reach = page * pageSize;
    // An overdue filter leaves one branch (and filtered() already applies it).
    const branches = query.overdue === undefined ? [true, false] : [query.overdue];
    const parameters: Record<string, unknown> = {};
    const parts = branches.map((overdue) => {
      const qb = this.filtered(query, user, this.narrow(order, timing));
      if (query.overdue === undefined) {
        qb.andWhere(overdue ? overdueSql(COLUMNS) : `NOT ${overdueSql(COLUMNS)}`);
      }
      qb.orderBy('t.deadline', 'ASC', 'NULLS LAST').addOrderBy('t.id', 'ASC').limit(reach);
      Object.assign(parameters, qb.getParameters());
      return `(${qb.getQuery()})`;
    });
    const orderBy = orderByTerms(order, (key) => `u."${key.alias}"`);
    return this.dataSource.driver.escapeQueryWithParameters(
      `SELECT u.* FROM (${parts.join(' UNION ALL ')}) u ORDER BY ${orderBy} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      parameters,
    ) as [string, unknown[]];
  }

  /** Every task matching the filters (for the export), in list order, up to `limit`. */
  async all(query: TaskListQueryDto, user: AuthUser, limit: number): Promise<TaskSummaryDto[]> {
    const rows = await sorted(this.filtered(query, user), sortSpec(query.sort))
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
      .addSelect('d.source_kind', 'source_kind')
      .addSelect(`to_char(d.date, 'YYYY-MM-DD')`, 'source_date')
      .addSelect('t.milestones', 'milestones')
      .addSelect('t.recurrence', 'recurrence')
      .addSelect('t.termination_reason', 'termination_reason')
      .addSelect('t.signoff_requested_at', 'signoff_requested_at')
      .addSelect('t.acknowledged_at', 'acknowledged_at')
      .addSelect(
        '(SELECT ku.display_name FROM users ku WHERE ku.id = t.acknowledged_by_id)',
        'acknowledged_by',
      )
      .where('t.id = :taskId', { taskId })
      .getRawOne<DetailRow>();
    if (!row) throw new Error(`task ${taskId} vanished`);
    const [[summary], reports, evidence, extensions, history, comments, signoffDue] = await Promise.all([
      this.toSummaries([row]),
      this.reports(taskId),
      this.evidence(taskId),
      this.extensions(taskId),
      this.audit.forTask(taskId),
      this.comments.forTask(taskId),
      this.signoffDeadline.dueDate(row.signoff_requested_at),
    ]);
    const hasPendingExtension = extensions.some((extension) => extension.status === 'pending');
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
      recurrence: row.recurrence,
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

  /** The summary columns, with overdue/light bound to the clock's now. */
  private base(timing = this.timing()): SelectQueryBuilder<object> {
    const qb = this.dataSource
      .createQueryBuilder()
      .from('tasks', 't')
      .innerJoin('policy_documents', 'd', 'd.id = t.document_id')
      .select('t.id', 'id');
    for (const [expression, alias] of SUMMARY_SELECT) qb.addSelect(expression, alias);
    return qb.setParameters({ ...timing });
  }

  /** Only what filtering and sorting need: the wide summary columns are computed for the page only. */
  private narrow(order: SortKey[], timing: TimingParameters): SelectQueryBuilder<object> {
    const qb = this.dataSource.createQueryBuilder().from('tasks', 't').select('t.id', 'id');
    for (const key of order) if (key.alias !== 'id') qb.addSelect(key.inner, key.alias);
    return qb.setParameters({ ...timing });
  }

  private timing(): TimingParameters {
    return timingParameters(this.clock.now(), this.rules);
  }

  private filtered(
    query: TaskListQueryDto,
    user: AuthUser,
    qb: SelectQueryBuilder<object> = this.base(),
  ): SelectQueryBuilder<object> {
    qb.where('TRUE');
    if (user.role === 'officer') {
      // An officer without a department sees nothing (the users table forbids it, but be explicit).
      const ownRole = query.role && !query.department ? ' AND oa.role = :ownRole' : '';
      // The status copy on the assignment row narrows the probes to the matching tasks.
      const ownStatus = query.status ? ' AND oa.task_status = :status' : '';
      // ANY(ARRAY(subquery)) rather than EXISTS: the planner then probes tasks by primary key for the
      // department's ~1k assignments instead of hashing every task of the status (2-3x faster at 100k).
      qb.andWhere(
        `t.id = ANY(ARRAY(SELECT oa.task_id FROM task_assignments oa WHERE oa.department_id = :ownDepartment${ownRole}${ownStatus}))`,
        {
          ownDepartment: user.departmentId ?? '00000000-0000-0000-0000-000000000000',
          ownRole: query.role,
          status: query.status,
        },
      );
    }
    if (query.department) {
      const role = query.role ? ' AND fa.role = :filterRole' : '';
      const status = query.status ? ' AND fa.task_status = :status' : '';
      qb.andWhere(
        `t.id = ANY(ARRAY(SELECT fa.task_id FROM task_assignments fa WHERE fa.department_id = :filterDepartment${role}${status}))`,
        { filterDepartment: query.department, filterRole: query.role, status: query.status },
      );
    }
    if (query.status) qb.andWhere('t.status = :status', { status: query.status });
    if (query.overdue !== undefined)
      qb.andWhere(query.overdue ? overdueSql(COLUMNS) : `NOT ${overdueSql(COLUMNS)}`);
    if (query.light) qb.andWhere(`${lightSql(COLUMNS)} = :light`, { light: query.light });
    if (query.dueBefore) qb.andWhere('t.deadline <= :dueBefore', { dueBefore: query.dueBefore });
    if (query.dueAfter) qb.andWhere('t.deadline >= :dueAfter', { dueAfter: query.dueAfter });
    if (query.document) qb.andWhere('t.document_id = :document', { document: query.document });
    if (query.needsAssignment !== undefined) {
      qb.andWhere(query.needsAssignment ? NEEDS_ASSIGNMENT : `NOT ${NEEDS_ASSIGNMENT}`);
    }
    if (query.mine) qb.andWhere('t.assignee_id = :me', { me: user.id });
    if (query.awaitingSignoff) {
      qb.andWhere(AWAITING_SIGNOFF);
      // An officer's 待签收 are the tasks its own department must sign as 主办.
      if (user.role === 'officer') qb.andWhere(`${mainLeadSql('t.id')} = :ownDepartment`);
    }
    const q = query.q?.trim();
    if (q) {
      qb.andWhere(`(t.title ILIKE :q OR t.text ILIKE :q OR t.measure_key = :qExact)`, {
        q: `%${escapeLike(q)}%`,
        qExact: q,
      });
    }
    return qb;
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
    const byTask = new Map<string, AssignmentJson[]>();
    for (const a of assignments) {
      const entry = byTask.get(a.task_id) ?? [];
      entry.push({ role: a.role, id: a.department_id, name: a.department_name });
      byTask.set(a.task_id, entry);
    }
    return rows.map((row) => toSummary(row, byTask.get(row.id) ?? []));
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
        cooperation: boolean;
      }[]
    >(
      `SELECT r.id, r.department_id, d.name AS department_name, u.display_name AS author, r.text, r.created_at,
              r.cooperation
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
      cooperation: row.cooperation,
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
    const rows = await this.dataSource.query<ExtensionRow[]>(
      `SELECT ${EXTENSION_COLUMNS}
         FROM extension_requests x
         JOIN departments d ON d.id = x.department_id
         JOIN users ru ON ru.id = x.requested_by_id
         LEFT JOIN users du ON du.id = x.decided_by_id
        WHERE x.task_id = $1 ORDER BY x.created_at, x.id`,
      [taskId],
    );
    return rows.map(toExtensionDto);
  }
}
