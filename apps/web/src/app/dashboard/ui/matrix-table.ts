import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { AssignmentRole, StatsMatrixDto } from '@duban/domain/contract';

/** Rows and columns shown: the departments and documents with the most overdue tasks. */
const MAX_DEPARTMENTS = 15;
const MAX_DOCUMENTS = 8;

interface Cell {
  total: number;
  overdue: number;
}

/**
 * Department × document: overdue / total per cell, shaded by the overdue share; a cell opens the
 * task list of that department (in the chosen role) and document — its overdue tasks when there are any.
 */
@Component({
  selector: 'db-matrix-table',
  imports: [RouterLink],
  template: `
    <div class="scroll">
      <table class="matrix" aria-label="部门 × 文件 逾期情况（逾期数 / 任务数）">
        <thead>
          <tr>
            <th scope="col" class="corner">单位 \\ 文件</th>
            @for (d of documents(); track d.id) {
              <th scope="col" class="doc" [title]="d.name">{{ short(d.name) }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (dep of departments(); track dep.id) {
            <tr>
              <th scope="row" class="dep">{{ dep.name }}</th>
              @for (d of documents(); track d.id) {
                @let c = cell(dep.id, d.id);
                <td [style.background]="shade(c)">
                  @if (c.total > 0) {
                    <a
                      data-testid="matrix-cell"
                      [routerLink]="['/tasks']"
                      [queryParams]="filterOf(dep.id, d.id, c)"
                      [attr.aria-label]="
                        c.overdue +
                        '/' +
                        c.total +
                        '：' +
                        dep.name +
                        '，' +
                        d.name +
                        '：逾期 ' +
                        c.overdue +
                        ' 项，共 ' +
                        c.total +
                        ' 项'
                      "
                      >{{ c.overdue }}/{{ c.total }}</a
                    >
                  } @else {
                    <span class="muted">—</span>
                  }
                </td>
              }
            </tr>
          } @empty {
            <tr>
              <td class="muted">暂无数据</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
    @if (cut()) {
      <p class="muted note">
        仅列逾期最多的 {{ departments().length }} 个单位和 {{ documents().length }} 份文件。
      </p>
    }
  `,
  styles: `
    .scroll {
      overflow-x: auto;
    }
    .matrix {
      border-collapse: collapse;
      font-size: 13px;
    }
    th,
    td {
      border: 1px solid #e0e3e7;
      padding: 4px 6px;
      text-align: center;
      white-space: nowrap;
    }
    .dep {
      text-align: left;
      font-weight: 400;
      position: sticky;
      left: 0;
      background: #fff;
    }
    .doc {
      font-weight: 600;
      max-width: 120px;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .muted {
      color: #5f6368;
    }
    /* Dark text on the red shades: the link colour would fall below 4.5:1 on the darkest ones. */
    a {
      color: #202124;
      font-weight: 600;
    }
    .note {
      font-size: 12px;
      margin: 4px 0 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MatrixTable {
  readonly matrix = input.required<StatsMatrixDto>();
  readonly role = input<AssignmentRole>('lead');

  private readonly cells = computed(() => {
    const map = new Map<string, Cell>();
    for (const c of this.matrix().cells) map.set(`${c.departmentId}|${c.documentId}`, c);
    return map;
  });
  private readonly overdueBy = computed(() => {
    const dep = new Map<string, number>();
    const doc = new Map<string, number>();
    for (const c of this.matrix().cells) {
      dep.set(c.departmentId, (dep.get(c.departmentId) ?? 0) + c.overdue);
      doc.set(c.documentId, (doc.get(c.documentId) ?? 0) + c.overdue);
    }
    return { dep, doc };
  });
  protected readonly departments = computed(() => {
    const { dep } = this.overdueBy();
    return [...this.matrix().departments]
      .sort((a, b) => (dep.get(b.id) ?? 0) - (dep.get(a.id) ?? 0) || a.name.localeCompare(b.name, 'zh-CN'))
      .slice(0, MAX_DEPARTMENTS);
  });
  protected readonly documents = computed(() => {
    const { doc } = this.overdueBy();
    return [...this.matrix().documents]
      .sort((a, b) => (doc.get(b.id) ?? 0) - (doc.get(a.id) ?? 0) || a.name.localeCompare(b.name, 'zh-CN'))
      .slice(0, MAX_DOCUMENTS);
  });
  protected readonly cut = computed(
    () =>
      this.matrix().departments.length > MAX_DEPARTMENTS || this.matrix().documents.length > MAX_DOCUMENTS,
  );

  protected cell(department: string, document: string): Cell {
    return this.cells().get(`${department}|${document}`) ?? { total: 0, overdue: 0 };
  }

  protected shade(c: Cell): string {
    if (c.total === 0 || c.overdue === 0) return 'transparent';
    const share = c.overdue / c.total;
    return `rgba(197, 34, 31, ${(0.1 + share * 0.45).toFixed(2)})`;
  }

  protected short(name: string): string {
    return name.length > 10 ? `${name.slice(0, 9)}…` : name;
  }

  protected filterOf(department: string, document: string, c: Cell): Record<string, string> {
    const base = { department, document, role: this.role() };
    return c.overdue > 0 ? { ...base, overdue: 'true' } : base;
  }
}
