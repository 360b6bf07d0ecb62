import { computed, inject, Injectable, signal } from '@angular/core';
import type {
  AssignmentRole,
  DepartmentDto,
  PolicyDocumentDto,
  TaskListQueryDto,
  TaskStatus,
  TaskSummaryDto,
  TrafficLight,
} from '@duban/domain/contract';
import { errorMessage } from '../../core/api-error';
import { Session } from '../../core/session';
import { TaskChanges } from '../../core/task-changes';
import { TasksApi } from './tasks.api';

export interface TaskFilters {
  role: AssignmentRole;
  status: TaskStatus | null;
  light: TrafficLight | null;
  document: string | null;
  department: string | null;
  dueBefore: string | null;
  overdue: boolean;
  /** 「待签收」 */
  awaitingSignoff: boolean;
  /** 「我承办的」 (officers) */
  mine: boolean;
  q: string;
}

export const EMPTY_FILTERS: TaskFilters = {
  role: 'lead',
  status: null,
  light: null,
  document: null,
  department: null,
  dueBefore: null,
  overdue: false,
  awaitingSignoff: false,
  mine: false,
  q: '',
};

/** The API's maximum page size. */
export const PAGE_SIZE = 200;
/** Pages are fetched in the background up to this many rows, so the list scrolls freely; beyond it, on scroll. */
export const PREFETCH_ROWS = 5000;
/** Background pages requested at once: fewer round trips without flooding a small server. */
export const PREFETCH_PARALLEL = 3;

/**
 * State of the task list: filters, the rows loaded so far and paging.
 * Officers always see their own department's tasks (lead or participant tab); reviewers see all tasks,
 * optionally narrowed to one department.
 */
@Injectable()
export class TasksStore {
  private readonly api = inject(TasksApi);
  private readonly session = inject(Session);
  private readonly changes = inject(TaskChanges);
  /** TaskChanges.version when the rows on screen were loaded; a different value means they are stale. */
  private readonly loadedAt = signal(-1);
  /** The officer's default tab is chosen once, from the counts; afterwards the user's choice stands. */
  private roleChosen = false;
  /** Each load gets a number so a slow, older response cannot overwrite a newer one. */
  private requestSeq = 0;

  readonly filters = signal<TaskFilters>({ ...EMPTY_FILTERS });
  readonly items = signal<TaskSummaryDto[]>([]);
  readonly total = signal(0);
  readonly loading = signal(false);
  /** Further pages being fetched after the first one is on screen. */
  readonly loadingMore = signal(false);
  readonly error = signal<string | null>(null);
  readonly documents = signal<PolicyDocumentDto[]>([]);
  readonly departments = signal<DepartmentDto[]>([]);
  /** Officers' tab counts (牵头 / 参与), for the current filters except the tab itself. */
  readonly roleCounts = signal<Record<AssignmentRole, number> | null>(null);

  private loadedPages = 0;

  readonly isOfficer = computed(() => this.session.role() === 'officer');
  /** True once a task changed after the rows were loaded. */
  readonly stale = computed(() => this.changes.version() !== this.loadedAt());
  readonly hasMore = computed(() => this.items().length < this.total());
  readonly activeFilterCount = computed(() => {
    const f = this.filters();
    return [
      f.status,
      f.light,
      f.document,
      f.department,
      f.dueBefore,
      f.q.trim() || null,
      f.overdue || null,
      f.awaitingSignoff || null,
      f.mine || null,
    ].filter((v) => v !== null).length;
  });

  /** The query for the current filters, without paging. */
  readonly query = computed<TaskListQueryDto>(() => {
    const f = this.filters();
    const q: TaskListQueryDto = {};
    const ownDepartment = this.session.user()?.department?.id;
    if (this.isOfficer() && ownDepartment) {
      q.department = ownDepartment;
      q.role = f.role;
    } else if (f.department) {
      q.department = f.department;
      q.role = f.role;
    }
    if (f.status) q.status = f.status;
    if (f.light) q.light = f.light;
    if (f.document) q.document = f.document;
    if (f.dueBefore) q.dueBefore = f.dueBefore;
    if (f.overdue) q.overdue = true;
    if (f.awaitingSignoff) q.awaitingSignoff = true;
    if (f.mine && this.isOfficer()) q.mine = true;
    const text = f.q.trim();
    if (text) q.q = text;
    return q;
  });

  setFilters(patch: Partial<TaskFilters>): Promise<void> {
    this.filters.update((f) => ({ ...f, ...patch }));
    return this.load();
  }

  resetFilters(): Promise<void> {
    this.filters.update((f) => ({ ...EMPTY_FILTERS, role: f.role }));
    return this.load();
  }

  setRole(role: AssignmentRole): Promise<void> {
    this.roleChosen = true;
    return this.setFilters({ role });
  }

  /** Reloads when a task changed since the rows were loaded (or nothing is loaded yet); else keeps them. */
  refreshIfStale(): Promise<void> {
    return this.stale() || this.items().length === 0 ? this.load() : Promise.resolve();
  }

  async load(): Promise<void> {
    const seq = ++this.requestSeq;
    this.loadedAt.set(this.changes.version());
    this.loading.set(true);
    this.error.set(null);
    try {
      // The tab counts load beside the first page and never hold it up. On the first visit of a
      // participant-only department they move the list to 参与, where its work is.
      if (this.isOfficer()) {
        void this.loadRoleCounts(seq).then((switched) => {
          if (switched && seq === this.requestSeq) void this.load();
        });
      }
      const page = await this.api.list({ ...this.query(), page: 1, pageSize: PAGE_SIZE });
      if (seq !== this.requestSeq) return;
      if (seq !== this.requestSeq) return;
      this.loadedPages = 1;
      this.items.set(page.items);
      this.total.set(page.total);
    } catch (err) {
      if (seq !== this.requestSeq) return;
      this.items.set([]);
      this.total.set(0);
      this.error.set(errorMessage(err, '任务加载失败'));
      return;
    } finally {
      if (seq === this.requestSeq) this.loading.set(false);
    }
    await this.prefetch(seq);
  }

  /**
   * Counts for both tabs (one row each, only the totals matter). Resolves true when this first load should
   * move an officer whose department leads nothing but participates somewhere to 参与, where the work is.
   */
  private async loadRoleCounts(seq: number): Promise<boolean> {
    const base = { ...this.query(), page: 1, pageSize: 1 };
    try {
      const [lead, participant] = await Promise.all([
        this.api.list({ ...base, role: 'lead' }),
        this.api.list({ ...base, role: 'participant' }),
      ]);
      if (seq !== this.requestSeq) return false;
      this.roleCounts.set({ lead: lead.total, participant: participant.total });
      if (this.roleChosen) return false;
      this.roleChosen = true;
      if (lead.total > 0 || participant.total === 0 || this.filters().role === 'participant') return false;
      this.filters.update((f) => ({ ...f, role: 'participant' }));
      return true;
    } catch {
      // Counts are a hint; the list itself reports load errors.
      return false;
    }
  }

  /** Loads the following pages a few at a time while the first is already usable. */
  private async prefetch(seq: number): Promise<void> {
    while (seq === this.requestSeq && this.hasMore() && this.items().length < PREFETCH_ROWS) {
      const remainingPages = Math.ceil((this.total() - this.items().length) / PAGE_SIZE);
      const batch = Math.min(PREFETCH_PARALLEL, remainingPages);
      if (!(await this.fetchPages(seq, batch))) return;
    }
  }

  /** Next page on scroll, for lists longer than the prefetch limit. */
  async loadMore(): Promise<void> {
    if (this.loading() || this.loadingMore() || !this.hasMore()) return;
    await this.fetchPages(this.requestSeq, 1);
  }

  /** Fetches the next `count` pages together and appends them in page order. */
  private async fetchPages(seq: number, count: number): Promise<boolean> {
    this.loadingMore.set(true);
    const first = this.loadedPages + 1;
    try {
      const pages = await Promise.all(
        Array.from({ length: count }, (_, i) =>
          this.api.list({ ...this.query(), page: first + i, pageSize: PAGE_SIZE }),
        ),
      );
      if (seq !== this.requestSeq) return false;
      this.loadedPages += count;
      const seen = new Set(this.items().map((t) => t.id));
      const fresh: TaskSummaryDto[] = [];
      for (const task of pages.flatMap((p) => p.items)) {
        if (seen.has(task.id)) continue;
        seen.add(task.id);
        fresh.push(task);
      }
      this.items.update((list) => [...list, ...fresh]);
      this.total.set(pages[pages.length - 1].total);
      // An empty page means the total shrank meanwhile; stop rather than loop.
      return pages.every((p) => p.items.length > 0);
    } catch (err) {
      if (seq === this.requestSeq) this.error.set(errorMessage(err, '任务加载失败'));
      return false;
    } finally {
      if (seq === this.requestSeq) this.loadingMore.set(false);
    }
  }

  async loadLookups(): Promise<void> {
    const [documents, departments] = await Promise.allSettled([
      this.api.documents(),
      this.isOfficer() ? Promise.resolve([]) : this.api.departments(),
    ]);
    if (documents.status === 'fulfilled') this.documents.set(documents.value);
    if (departments.status === 'fulfilled') this.departments.set(departments.value);
  }

  exportXlsx(): Promise<void> {
    return this.api.exportXlsx(this.query());
  }
}
