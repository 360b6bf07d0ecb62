import { HttpClient } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import type { ExtensionDto, OverdueStatsDto, PageDto, TaskSummaryDto } from '@duban/domain';
import { firstValueFrom } from 'rxjs';
import { errorMessage } from '../../core/api-error';
import { TasksApi } from '../../tasks/data-access/tasks.api';

/** A pending extension with the task it belongs to; the queue route may or may not embed the task. */
export interface PendingExtension extends ExtensionDto {
  task?: { id: string; title: string } | null;
  taskId?: string;
}

/** Supervisor dashboard: statistics, the overdue list and the review queues, plus the review decisions. */
@Injectable()
export class DashboardStore {
  private readonly http = inject(HttpClient);
  private readonly api = inject(TasksApi);

  readonly stats = signal<OverdueStatsDto | null>(null);
  readonly overdue = signal<TaskSummaryDto[]>([]);
  readonly overdueTotal = signal(0);
  readonly submitted = signal<TaskSummaryDto[]>([]);
  readonly submittedTotal = signal(0);
  readonly extensions = signal<PendingExtension[]>([]);
  /** The extension queue route may be missing on older API builds; say so instead of showing an empty queue. */
  readonly extensionsUnavailable = signal(false);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  readonly message = signal<string | null>(null);
  /** Id of the task or extension whose decision is in flight. */
  readonly busyId = signal<string | null>(null);

  async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    const [stats, overdue, submitted, extensions] = await Promise.allSettled([
      firstValueFrom(this.http.get<OverdueStatsDto>('/api/stats/overdue')),
      this.api.list({ overdue: true, page: 1, pageSize: 50 }),
      this.api.list({ status: 'submitted', page: 1, pageSize: 200 }),
      firstValueFrom(this.http.get<PendingExtension[] | PageDto<PendingExtension>>('/api/extensions', { params: { status: 'pending' } })),
    ]);
    if (stats.status === 'fulfilled') this.stats.set(stats.value);
    if (overdue.status === 'fulfilled') {
      this.overdue.set(overdue.value.items);
      this.overdueTotal.set(overdue.value.total);
    }
    if (submitted.status === 'fulfilled') {
      this.submitted.set(submitted.value.items);
      this.submittedTotal.set(submitted.value.total);
    }
    if (extensions.status === 'fulfilled') {
      const v = extensions.value;
      this.extensions.set(Array.isArray(v) ? v : v.items);
    }
    this.extensionsUnavailable.set(extensions.status === 'rejected');
    const failed = [stats, overdue, submitted].find((r) => r.status === 'rejected');
    if (failed && failed.status === 'rejected') this.error.set(errorMessage(failed.reason, '看板数据加载失败'));
    this.loading.set(false);
  }

  approve(task: TaskSummaryDto): Promise<void> {
    return this.decide(task.id, `已审核通过：${task.title}`, async () => {
      await this.api.approve(task.id, task.version);
      this.dropSubmitted(task.id);
    });
  }

  returnTask(task: TaskSummaryDto, reason: string): Promise<void> {
    return this.decide(task.id, `已退回：${task.title}`, async () => {
      await this.api.returnTask(task.id, reason, task.version);
      this.dropSubmitted(task.id);
    });
  }

  decideExtension(ext: PendingExtension, decision: 'grant' | 'refuse', reason?: string): Promise<void> {
    return this.decide(ext.id, decision === 'grant' ? '已同意延期' : '已不同意延期', async () => {
      await this.api.decideExtension(ext.id, decision, reason);
      this.extensions.update((list) => list.filter((e) => e.id !== ext.id));
    });
  }

  exportXlsx(): Promise<void> {
    return this.api.exportXlsx({});
  }

  private dropSubmitted(id: string): void {
    this.submitted.update((list) => list.filter((t) => t.id !== id));
    this.submittedTotal.update((n) => Math.max(0, n - 1));
  }

  private async decide(id: string, done: string, fn: () => Promise<void>): Promise<void> {
    this.busyId.set(id);
    this.error.set(null);
    this.message.set(null);
    try {
      await fn();
      this.message.set(done);
      // Totals and completion rate move after each decision.
      void firstValueFrom(this.http.get<OverdueStatsDto>('/api/stats/overdue'))
        .then((s) => this.stats.set(s))
        .catch(() => undefined);
    } catch (err) {
      this.error.set(errorMessage(err));
    } finally {
      this.busyId.set(null);
    }
  }
}
