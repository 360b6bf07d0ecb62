import { HttpClient } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import type {
  AssignmentRole,
  ExtensionDto,
  OverdueStatsDto,
  PageDto,
  StatsMatrixDto,
  StatsTrendDto,
  TaskAction,
  TaskDetailDto,
  TaskSummaryDto,
} from '@duban/domain/contract';
import { firstValueFrom } from 'rxjs';
import { errorMessage } from '../../core/api-error';
import { TaskChanges } from '../../core/task-changes';
import { TasksApi } from '../../tasks/data-access/tasks.api';

/** A pending extension with the task it belongs to; the queue route may or may not embed the task. */
export interface PendingExtension extends ExtensionDto {
  task?: { id: string; title: string } | null;
  taskId?: string;
}

/** A row of the review queue: what the reviewer needs to decide without opening the task. */
export interface ReviewItem {
  task: TaskDetailDto;
  /** Who submitted and when, from the task's history (the last 提交办结). */
  submittedBy: string | null;
  submittedAt: string | null;
}

/** Rows of the review queue shown with their 办结情况 and evidence; the rest are one click away in the task list. */
export const REVIEW_QUEUE_SIZE = 20;

export function reviewItemOf(task: TaskDetailDto): ReviewItem {
  const submitted = [...task.history]
    .filter((h) => h.action === 'task.submitted')
    .sort((a, b) => b.at.localeCompare(a.at))[0];
  return { task, submittedBy: submitted?.actor ?? null, submittedAt: submitted?.at ?? null };
}

/**
 * Supervisor dashboard: statistics, the overdue list and the review queues, plus the review decisions.
 * After every decision everything is reloaded, so the tiles, the tab counts and the queues agree.
 */
@Injectable()
export class DashboardStore {
  private readonly http = inject(HttpClient);
  private readonly api = inject(TasksApi);
  private readonly changes = inject(TaskChanges);

  readonly stats = signal<OverdueStatsDto | null>(null);
  readonly matrix = signal<StatsMatrixDto | null>(null);
  readonly trend = signal<StatsTrendDto | null>(null);
  /** Departments counted as lead (default) or participant; from the URL. */
  readonly role = signal<AssignmentRole>('lead');
  readonly overdue = signal<TaskSummaryDto[]>([]);
  readonly overdueTotal = signal(0);
  /** 待明确责任单位: open tasks led only by a collective party (各有关部门, 各地区…), for the 督查室 to assign. */
  readonly unassigned = signal<TaskSummaryDto[]>([]);
  readonly unassignedTotal = signal(0);
  readonly submitted = signal<ReviewItem[]>([]);
  readonly submittedTotal = signal(0);
  readonly extensions = signal<PendingExtension[]>([]);
  /** The extension queue route may be missing on older API builds; say so instead of showing an empty queue. */
  readonly extensionsUnavailable = signal(false);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  readonly message = signal<string | null>(null);
  /** Id of the task or extension whose decision is in flight (or was last decided, for the inline feedback). */
  readonly busyId = signal<string | null>(null);
  readonly lastId = signal<string | null>(null);
  /** The queue tab to open on (待审核 / 延期申请 / 逾期任务 / 待明确责任单位): the first with work in it, decided on the first load. */
  readonly defaultTab = signal<number | null>(null);

  /** Each part is shown as soon as it arrives: the totals need not wait for the review queue's details. */
  async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    const params = { role: this.role() };
    const stats = firstValueFrom(this.http.get<OverdueStatsDto>('/api/stats/overdue', { params })).then((s) =>
      this.stats.set(s),
    );
    // The matrix and the trend are extras: the page works without them.
    void firstValueFrom(this.http.get<StatsMatrixDto>('/api/stats/matrix', { params }))
      .then((m) => this.matrix.set(m))
      .catch(() => this.matrix.set(null));
    void firstValueFrom(this.http.get<StatsTrendDto>('/api/stats/trend', { params: { weeks: 12 } }))
      .then((t) => this.trend.set(t))
      .catch(() => this.trend.set(null));
    const overdue = this.api.list({ overdue: true, page: 1, pageSize: 50 }).then((page) => {
      this.overdue.set(page.items);
      this.overdueTotal.set(page.total);
    });
    // Its own queue, and an extra: an API without the filter leaves the other queues working.
    const unassigned = this.api
      .list({ needsAssignment: true, page: 1, pageSize: 50 })
      .then((page) => {
        this.unassigned.set(page.items);
        this.unassignedTotal.set(page.total);
      })
      .catch(() => undefined);
    const submitted = this.loadReviewQueue().then((queue) => {
      this.submitted.set(queue.items);
      this.submittedTotal.set(queue.total);
    });
    const extensions = firstValueFrom(
      this.http.get<PendingExtension[] | PageDto<PendingExtension>>('/api/extensions', {
        params: { status: 'pending' },
      }),
    ).then((v) => this.extensions.set(Array.isArray(v) ? v : v.items));
    const [s, o, q, x] = await Promise.allSettled([stats, overdue, submitted, extensions, unassigned]);
    this.extensionsUnavailable.set(x.status === 'rejected');
    if (this.defaultTab() === null) {
      const firstWithWork = [
        this.submittedTotal(),
        this.extensions().length,
        this.overdueTotal(),
        this.unassignedTotal(),
      ].findIndex((n) => n > 0);
      this.defaultTab.set(Math.max(0, firstWithWork));
    }
    const failed = [s, o, q].find((r) => r.status === 'rejected');
    if (failed && failed.status === 'rejected')
      this.error.set(errorMessage(failed.reason, '看板数据加载失败'));
    this.loading.set(false);
  }

  /** The oldest-deadline submissions with their detail (summary, evidence, history, allowed actions). */
  private async loadReviewQueue(): Promise<{ items: ReviewItem[]; total: number }> {
    const page = await this.api.list({ status: 'submitted', page: 1, pageSize: REVIEW_QUEUE_SIZE });
    const details = await Promise.all(page.items.map((t) => this.api.get(t.id)));
    return { items: details.map(reviewItemOf), total: page.total };
  }

  /** Figures by lead or by participating department: reloads only the statistics. */
  async setRole(role: AssignmentRole): Promise<void> {
    if (role === this.role() && this.stats()) return;
    this.role.set(role);
    const params = { role };
    try {
      const [stats, matrix] = await Promise.all([
        firstValueFrom(this.http.get<OverdueStatsDto>('/api/stats/overdue', { params })),
        firstValueFrom(this.http.get<StatsMatrixDto>('/api/stats/matrix', { params })),
      ]);
      this.stats.set(stats);
      this.matrix.set(matrix);
    } catch (err) {
      this.error.set(errorMessage(err, '看板数据加载失败'));
    }
  }

  approve(item: ReviewItem, comment?: string): Promise<boolean> {
    const task = item.task;
    return this.decide(task.id, `已审核通过：${task.title}`, () =>
      this.api.approve(task.id, task.version, comment),
    );
  }

  returnTask(item: ReviewItem, reason: string): Promise<boolean> {
    const task = item.task;
    return this.decide(task.id, `已退回：${task.title}`, () =>
      this.api.returnTask(task.id, reason, task.version),
    );
  }

  decideExtension(ext: PendingExtension, decision: 'grant' | 'refuse', reason?: string): Promise<boolean> {
    return this.decide(ext.id, decision === 'grant' ? '已同意延期' : '已不同意延期', () =>
      this.api.decideExtension(ext.id, decision, reason),
    );
  }

  can(item: ReviewItem, action: TaskAction): boolean {
    return item.task.allowedActions.includes(action);
  }

  exportXlsx(): Promise<void> {
    return this.api.exportXlsx({});
  }

  private async decide(id: string, done: string, fn: () => Promise<unknown>): Promise<boolean> {
    this.busyId.set(id);
    this.lastId.set(id);
    this.error.set(null);
    this.message.set(null);
    try {
      await fn();
      this.message.set(done);
      this.changes.notify();
      // Tiles, tab counts and queues all move after a decision: reload them together so they agree.
      await this.load();
      return true;
    } catch (err) {
      this.error.set(errorMessage(err));
      return false;
    } finally {
      this.busyId.set(null);
    }
  }
}
