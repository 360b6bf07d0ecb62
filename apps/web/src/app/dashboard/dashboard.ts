import { DecimalPipe, NgTemplateOutlet, PercentPipe } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  effect,
  input,
  OnInit,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { Router, RouterLink } from '@angular/router';
import type { AssignmentRole, EvidenceDto, OverdueStatsRowDto } from '@duban/domain/contract';
import { errorMessage } from '../core/api-error';
import { runBusy } from '../core/run-busy';
import { ZhDatePipe, ZhDateTimePipe } from '../shared/format.pipes';
import { TasksApi } from '../tasks/data-access/tasks.api';
import { Icon } from '../shared/icon';
import { LightBadge } from '../shared/light-badge';
import { ReviewActions } from '../tasks/ui/review-actions';
import { BarChart, BarSeries } from './bar-chart';
import { DashboardStore, PendingExtension, ReviewItem } from './data-access/dashboard.store';
import { MatrixTable } from './ui/matrix-table';
import { RateSort, RatesTable } from './ui/rates-table';
import { parseRateSort } from './view-state';
import { TrendChart } from './ui/trend-chart';

const TOP_N = 12;

function topOf(rows: OverdueStatsRowDto[]): OverdueStatsRowDto[] {
  return [...rows].sort((a, b) => b.overdue - a.overdue || b.total - a.total).slice(0, TOP_N);
}

function chartOf(rows: OverdueStatsRowDto[]): { labels: string[]; series: BarSeries[] } {
  const top = topOf(rows);
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
    NgTemplateOutlet,
    PercentPipe,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    MatTabsModule,
    BarChart,
    MatButtonToggleModule,
    MatrixTable,
    RatesTable,
    TrendChart,
    LightBadge,
    ReviewActions,
    ZhDatePipe,
    ZhDateTimePipe,
    Icon,
  ],
  providers: [DashboardStore],
  templateUrl: './dashboard.html',
  styleUrl: './dashboard.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardPage implements OnInit {
  protected readonly store = inject(DashboardStore);
  private readonly api = inject(TasksApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly exporting = signal(false);
  protected readonly exportError = signal<string | null>(null);

  /**
   * Opens on the first queue with work; the user's own choice of tab then stands, also when it was made
   * before the first load finished (a linkedSignal would reset it when the default arrives).
   */
  protected readonly chosenTab = signal<number | null>(null);
  protected readonly tab = computed(() => this.chosenTab() ?? this.store.defaultTab() ?? 0);
  /** The two 逾期 bar charts, by department and by document, drawn by one block of the template. */
  protected readonly charts = computed(() => {
    const s = this.store.stats();
    return [
      {
        kind: 'department' as const,
        title: '各部门逾期情况（前 12）',
        label: '各部门逾期任务数',
        chart: chartOf(s?.byDepartment ?? []),
      },
      {
        kind: 'document' as const,
        title: '各文件逾期情况（前 12）',
        label: '各政策文件逾期任务数',
        chart: chartOf(s?.byDocument ?? []),
      },
    ];
  });

  private readonly router = inject(Router);
  /** View state in the URL, so a view can be shared: `?role=participant&by=document&sort=onTimeRate.asc`. */
  readonly role = input<string>();
  readonly by = input<string>();
  readonly sort = input<string>();
  protected readonly roleValue = computed<AssignmentRole>(() =>
    this.role() === 'participant' ? 'participant' : 'lead',
  );
  protected readonly byValue = computed<'department' | 'document'>(() =>
    this.by() === 'document' ? 'document' : 'department',
  );
  protected readonly sortValue = computed(() => parseRateSort(this.sort()));
  protected readonly rateRows = computed(() => {
    const s = this.store.stats();
    return s ? (this.byValue() === 'document' ? s.byDocument : s.byDepartment) : [];
  });

  constructor() {
    // A role from the URL (first load, or a shared link, or back/forward) reloads the figures.
    effect(() => {
      const role = this.roleValue();
      untracked(() => {
        if (this.store.stats() && this.store.role() !== role) void this.store.setRole(role);
      });
    });
  }

  ngOnInit(): void {
    this.store.role.set(this.roleValue());
    void this.store.load();
  }

  protected setView(patch: { role?: AssignmentRole; by?: 'department' | 'document'; sort?: RateSort }): void {
    const queryParams: Record<string, string | null> = {};
    if (patch.role) queryParams['role'] = patch.role === 'lead' ? null : patch.role;
    if (patch.by) queryParams['by'] = patch.by === 'department' ? null : patch.by;
    if (patch.sort) queryParams['sort'] = `${patch.sort.key}.${patch.sort.dir}`;
    void this.router.navigate([], { queryParams, queryParamsHandling: 'merge', replaceUrl: true });
  }

  /** A bar opens the task list of that department or document; the 逾期 bar, its overdue tasks only. */
  protected openBar(kind: 'department' | 'document', hit: { index: number; series: number }): void {
    const s = this.store.stats();
    if (!s) return;
    const row = topOf(kind === 'department' ? s.byDepartment : s.byDocument)[hit.index];
    if (!row) return;
    const filter: Record<string, string> =
      kind === 'department' ? { department: row.id, role: this.roleValue() } : { document: row.id };
    if (hit.series === 0) filter['overdue'] = 'true';
    void this.router.navigate(['/tasks'], { queryParams: filter });
  }

  protected approve(item: ReviewItem, comment: string | undefined): void {
    void this.feedback(this.store.approve(item, comment));
  }

  protected returnTask(item: ReviewItem, reason: string): void {
    void this.feedback(this.store.returnTask(item, reason));
  }

  protected grant(ext: PendingExtension): void {
    void this.feedback(this.store.decideExtension(ext, 'grant'));
  }

  protected refuse(ext: PendingExtension, reason: string): void {
    void this.feedback(this.store.decideExtension(ext, 'refuse', reason));
  }

  /** Success: snackbar (plus the line at the top of the queue); failure: focus the error under the row's buttons. */
  private async feedback(run: Promise<boolean>): Promise<void> {
    const ok = await run;
    const message = this.store.message();
    if (ok && message) {
      this.snackBar.open(message, '关闭', { duration: 4000 });
      return;
    }
    afterNextRender(
      () => this.host.nativeElement.querySelector<HTMLElement>('[data-testid="review-error"]')?.focus(),
      {
        injector: this.injector,
      },
    );
  }

  protected download(evidence: EvidenceDto): void {
    this.api
      .downloadEvidence(evidence)
      .catch((err: unknown) => this.exportError.set(errorMessage(err, '下载失败')));
  }

  /** The first 80 characters of the 办结情况, enough to judge whether to open the task. */
  protected excerpt(text: string): string {
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
  }

  protected extensionTaskId(ext: PendingExtension): string | null {
    return ext.task?.id ?? ext.taskId ?? null;
  }

  protected names(list: { name: string }[]): string {
    return list.map((d) => d.name).join('、');
  }

  protected async exportXlsx(): Promise<void> {
    await runBusy(this.exporting, this.exportError, '导出失败', () => this.store.exportXlsx());
  }
}
