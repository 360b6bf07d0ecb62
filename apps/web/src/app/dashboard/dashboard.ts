import { DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import type { OverdueStatsRowDto, TaskSummaryDto } from '@duban/domain';
import { errorMessage } from '../core/api-error';
import { ZhDatePipe } from '../shared/format.pipes';
import { Icon } from '../shared/icon';
import { LightBadge } from '../shared/light-badge';
import { ReviewActions } from '../tasks/ui/review-actions';
import { BarChart, BarSeries } from './bar-chart';
import { DashboardStore, PendingExtension } from './data-access/dashboard.store';

const TOP_N = 12;

function chartOf(rows: OverdueStatsRowDto[]): { labels: string[]; series: BarSeries[] } {
  const top = [...rows].sort((a, b) => b.overdue - a.overdue || b.total - a.total).slice(0, TOP_N);
  return {
    labels: top.map((r) => (r.name.length > 18 ? r.name.slice(0, 17) + '…' : r.name)),
    series: [
      { label: '逾期', data: top.map((r) => r.overdue), color: '#c5221f' },
      { label: '已办结', data: top.map((r) => r.done), color: '#188038' },
      { label: '任务总数', data: top.map((r) => r.total), color: '#8ab4f8' },
    ],
  };
}

@Component({
  selector: 'db-dashboard',
  imports: [
    DecimalPipe,
    PercentPipe,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    MatTabsModule,
    BarChart,
    LightBadge,
    ReviewActions,
    ZhDatePipe,
    Icon,
  ],
  providers: [DashboardStore],
  templateUrl: './dashboard.html',
  styleUrl: './dashboard.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardPage implements OnInit {
  protected readonly store = inject(DashboardStore);
  protected readonly exporting = signal(false);
  protected readonly exportError = signal<string | null>(null);

  protected readonly byDepartment = computed(() => chartOf(this.store.stats()?.byDepartment ?? []));
  protected readonly byDocument = computed(() => chartOf(this.store.stats()?.byDocument ?? []));

  ngOnInit(): void {
    void this.store.load();
  }

  protected approve(task: TaskSummaryDto): void {
    void this.store.approve(task);
  }

  protected returnTask(task: TaskSummaryDto, reason: string): void {
    void this.store.returnTask(task, reason);
  }

  protected grant(ext: PendingExtension): void {
    void this.store.decideExtension(ext, 'grant');
  }

  protected refuse(ext: PendingExtension, reason: string): void {
    void this.store.decideExtension(ext, 'refuse', reason);
  }

  protected extensionTaskId(ext: PendingExtension): string | null {
    return ext.task?.id ?? ext.taskId ?? null;
  }

  protected names(list: { name: string }[]): string {
    return list.map((d) => d.name).join('、');
  }

  protected async exportXlsx(): Promise<void> {
    this.exporting.set(true);
    this.exportError.set(null);
    try {
      await this.store.exportXlsx();
    } catch (err) {
      this.exportError.set(errorMessage(err, '导出失败'));
    } finally {
      this.exporting.set(false);
    }
  }
}
