import { DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { AssignmentRole, OverdueStatsRowDto } from '@duban/domain/contract';

export type RateSortKey = 'name' | 'total' | 'overdue' | 'overdueRate' | 'onTimeRate';
export interface RateSort {
  key: RateSortKey;
  dir: 'asc' | 'desc';
}

const COLUMNS: { key: RateSortKey; label: string }[] = [
  { key: 'total', label: '任务数' },
  { key: 'overdue', label: '逾期' },
  { key: 'overdueRate', label: '逾期率' },
  { key: 'onTimeRate', label: '按期办结率' },
];

/**
 * Rates by department or by document, sortable by any column (the sort lives in the URL, so the
 * page owns it). Every name and count opens the task list filtered the same way.
 */
@Component({
  selector: 'db-rates-table',
  imports: [DecimalPipe, PercentPipe, RouterLink],
  template: `
    <div class="scroll">
      <table class="rates" [attr.aria-label]="caption()">
        <thead>
          <tr>
            <th scope="col" [attr.aria-sort]="ariaSort('name')">
              <button type="button" class="sort" (click)="toggle('name')">
                {{ nameLabel() }}{{ arrow('name') }}
              </button>
            </th>
            @for (c of columns; track c.key) {
              <th scope="col" class="num" [attr.aria-sort]="ariaSort(c.key)">
                <button
                  type="button"
                  class="sort"
                  (click)="toggle(c.key)"
                  [attr.data-testid]="'sort-' + c.key"
                >
                  {{ c.label }}{{ arrow(c.key) }}
                </button>
              </th>
            }
          </tr>
        </thead>
        <tbody>
          @for (r of sorted(); track r.id) {
            <tr data-testid="rate-row">
              <th scope="row" class="name">
                <a [routerLink]="['/tasks']" [queryParams]="filterOf(r, false)">{{ r.name }}</a>
              </th>
              <td class="num">{{ r.total | number }}</td>
              <td class="num">
                <a
                  [routerLink]="['/tasks']"
                  [queryParams]="filterOf(r, true)"
                  [attr.aria-label]="(r.overdue | number) + ' 项逾期任务：' + r.name"
                  >{{ r.overdue | number }}</a
                >
              </td>
              <td class="num" [class.bad]="r.overdueRate >= 0.3">{{ r.overdueRate | percent: '1.1-1' }}</td>
              <td class="num">{{ r.onTimeRate | percent: '1.1-1' }}</td>
            </tr>
          } @empty {
            <tr>
              <td colspan="5" class="muted">暂无数据</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .scroll {
      overflow-x: auto;
      max-height: 420px;
      overflow-y: auto;
    }
    .rates {
      width: 100%;
      border-collapse: collapse;
      font-size: 14px;
    }
    th,
    td {
      padding: 6px 8px;
      border-bottom: 1px solid #eceff1;
      text-align: left;
    }
    thead th {
      position: sticky;
      top: 0;
      background: #fff;
    }
    .num {
      text-align: right;
      white-space: nowrap;
    }
    .name {
      font-weight: 400;
      min-width: 7em;
      max-width: 320px;
    }
    .sort {
      border: 0;
      background: none;
      font: inherit;
      font-weight: 600;
      cursor: pointer;
      padding: 4px 0;
      color: inherit;
    }
    .bad {
      color: #a50e0e;
      font-weight: 600;
    }
    .muted {
      color: #5f6368;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RatesTable {
  readonly rows = input.required<OverdueStatsRowDto[]>();
  readonly kind = input.required<'department' | 'document'>();
  readonly role = input<AssignmentRole>('lead');
  readonly sort = input<RateSort>({ key: 'overdueRate', dir: 'desc' });
  readonly sortChange = output<RateSort>();

  protected readonly columns = COLUMNS;
  protected readonly nameLabel = computed(() => (this.kind() === 'department' ? '单位' : '文件'));
  protected readonly caption = computed(() =>
    this.kind() === 'department' ? '各单位逾期率与按期办结率' : '各文件逾期率与按期办结率',
  );
  protected readonly sorted = computed(() => {
    const { key, dir } = this.sort();
    const sign = dir === 'asc' ? 1 : -1;
    return [...this.rows()].sort((a, b) => {
      const by = key === 'name' ? a.name.localeCompare(b.name, 'zh-CN') : a[key] - b[key];
      return sign * by || a.name.localeCompare(b.name, 'zh-CN');
    });
  });

  protected toggle(key: RateSortKey): void {
    const current = this.sort();
    const dir =
      current.key === key ? (current.dir === 'desc' ? 'asc' : 'desc') : key === 'name' ? 'asc' : 'desc';
    this.sortChange.emit({ key, dir });
  }

  protected arrow(key: RateSortKey): string {
    const s = this.sort();
    return s.key === key ? (s.dir === 'desc' ? ' ↓' : ' ↑') : '';
  }

  protected ariaSort(key: RateSortKey): string | null {
    const s = this.sort();
    return s.key === key ? (s.dir === 'desc' ? 'descending' : 'ascending') : null;
  }

  protected filterOf(row: OverdueStatsRowDto, overdue: boolean): Record<string, string> {
    const base: Record<string, string> =
      this.kind() === 'department' ? { department: row.id, role: this.role() } : { document: row.id };
    return overdue ? { ...base, overdue: 'true' } : base;
  }
}
