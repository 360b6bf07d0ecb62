import { ScrollingModule } from '@angular/cdk/scrolling';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  OnInit,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { AssignmentRole, TaskStatus, TaskSummaryDto } from '@duban/domain/contract';
import { runBusy } from '../core/run-busy';
import { toIsoDate } from '../shared/format';
import { ZhDatePipe } from '../shared/format.pipes';
import { Icon } from '../shared/icon';
import { LIGHT_LABELS, LIGHTS, STATUS_LABELS, STATUSES } from '../shared/labels';
import { LightBadge } from '../shared/light-badge';
import { departmentOptions, documentOptions } from '../shared/picker/picker-options';
import { SearchPicker } from '../shared/picker/search-picker';
import { StatusChip } from '../shared/status-chip';
import { provideZhDatepickerIntl } from '../shared/zh-datepicker-intl';
import { EMPTY_FILTERS, TasksStore, type TaskFilters } from './data-access/tasks.store';

const ROW_HEIGHT = 84;

@Component({
  selector: 'db-task-list',
  imports: [
    ScrollingModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    LightBadge,
    SearchPicker,
    StatusChip,
    ZhDatePipe,
    Icon,
  ],
  providers: [provideZhDatepickerIntl()],
  templateUrl: './task-list.html',
  styleUrl: './task-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskListPage implements OnInit {
  protected readonly store = inject(TasksStore);
  private searchTimer: ReturnType<typeof setTimeout> | null = null;

  /** `?overdue=true` (from the dashboard) opens the list with the overdue filter on. */
  readonly overdue = input<string>();
  /** `?status=submitted` (from the dashboard's review queue) opens the list on that status. */
  readonly status = input<string>();
  /** Drill-down from the dashboard (bars, rate tables, matrix cells): `?department=…&role=…&document=…&light=…`. */
  readonly department = input<string>();
  readonly document = input<string>();
  readonly role = input<string>();
  readonly light = input<string>();

  protected readonly rowHeight = ROW_HEIGHT;
  /** The filter bar's fixed-choice filters (状态, 预警灯), each with 全部 first. */
  protected readonly choiceFilters = [
    {
      key: 'status' as const,
      label: '状态',
      options: STATUSES.map((v) => ({ value: v, label: STATUS_LABELS[v] })),
    },
    {
      key: 'light' as const,
      label: '预警灯',
      options: LIGHTS.map((v) => ({ value: v, label: LIGHT_LABELS[v] })),
    },
  ];
  protected readonly exportError = signal<string | null>(null);
  protected readonly exporting = signal(false);
  /** Only matters on phones, where the filters fold away to leave room for the list. */
  protected readonly filtersOpen = signal(false);
  protected readonly showRoleTabs = computed(
    () => this.store.isOfficer() || this.store.filters().department !== null,
  );
  protected readonly dueBeforeDate = computed(() => {
    const v = this.store.filters().dueBefore;
    return v ? new Date(`${v}T00:00:00`) : null;
  });
  private readonly documentOptions = computed(() => documentOptions(this.store.documents()));
  private readonly departmentOptions = computed(() => departmentOptions(this.store.departments()));
  /** The filter bar's search pickers; an officer's list is their own department's, so it has no department picker. */
  protected readonly pickers = computed(() => {
    const document = {
      key: 'document' as const,
      cls: 'doc',
      label: '政策文件',
      allLabel: '全部文件',
      placeholder: '输入标题或文号查找',
      options: this.documentOptions(),
    };
    if (this.store.isOfficer()) return [document];
    const department = {
      key: 'department' as const,
      cls: 'dept',
      label: '责任部门',
      allLabel: '全部部门',
      placeholder: '输入部门名称或简称查找',
      options: this.departmentOptions(),
    };
    return [document, department];
  });
  protected readonly heading = computed(() => (this.store.isOfficer() ? '我的任务' : '全部任务'));

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      if (this.searchTimer) clearTimeout(this.searchTimer);
    });
  }

  ngOnInit(): void {
    const status = STATUSES.find((s) => s === this.status());
    const drillDown = this.drillDownFilters(status ?? null);
    if (drillDown) void this.store.setFilters(drillDown);
    else if (status && this.store.filters().status !== status) void this.store.setFilters({ status });
    else if (this.overdue() === 'true' && !this.store.filters().overdue)
      void this.store.setFilters({ overdue: true });
    // Coming back from a task detail keeps the rows already loaded, unless an action there changed a task.
    else void this.store.refreshIfStale();
    void this.store.loadLookups();
  }

  /** All the URL's filters at once when the dashboard opened the list on a department, document or light. */
  private drillDownFilters(status: TaskStatus | null): Partial<TaskFilters> | null {
    const department = this.department() || null;
    const document = this.document() || null;
    const light = LIGHTS.find((l) => l === this.light()) ?? null;
    if (!department && !document && !light) return null;
    const role: AssignmentRole = this.role() === 'participant' ? 'participant' : 'lead';
    return {
      ...EMPTY_FILTERS,
      role,
      department,
      document,
      light,
      status,
      overdue: this.overdue() === 'true',
    };
  }

  protected setRole(role: AssignmentRole): void {
    void this.store.setRole(role);
  }

  protected setFilter<K extends 'status' | 'light' | 'document' | 'department'>(
    key: K,
    value: TaskFilters[K],
  ): void {
    const patch: Partial<TaskFilters> = {};
    patch[key] = value;
    void this.store.setFilters(patch);
  }

  protected setDueBefore(date: Date | null): void {
    void this.store.setFilters({ dueBefore: toIsoDate(date) });
  }

  protected setAwaitingSignoff(awaitingSignoff: boolean): void {
    void this.store.setFilters({ awaitingSignoff });
  }

  protected setMine(mine: boolean): void {
    void this.store.setFilters({ mine });
  }

  protected setOverdue(overdue: boolean): void {
    void this.store.setFilters({ overdue });
  }

  protected onSearch(value: string): void {
    if (this.searchTimer) clearTimeout(this.searchTimer);
    // Typing should not fire one request per keystroke.
    this.searchTimer = setTimeout(() => void this.store.setFilters({ q: value }), 300);
  }

  protected reset(): void {
    void this.store.resetFilters();
  }

  protected onScrolled(index: number): void {
    // Fetch the next page when the user is within two screens of the end.
    if (index + 40 >= this.store.items().length) void this.store.loadMore();
  }

  protected async exportXlsx(): Promise<void> {
    await runBusy(this.exporting, this.exportError, '导出失败', () => this.store.exportXlsx());
  }

  /** 「（12）」 after a tab name once the counts are in. */
  protected roleCount(role: AssignmentRole): string {
    const counts = this.store.roleCounts();
    return counts ? `（${counts[role]}）` : '';
  }

  protected leadNames(task: TaskSummaryDto): string {
    return task.lead.map((d) => d.name).join('、');
  }

  protected trackId(_index: number, task: TaskSummaryDto): string {
    return task.id;
  }
}
