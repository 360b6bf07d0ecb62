import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  DEPARTMENT_KIND_LABELS,
  type DepartmentDto,
  type DirectoryImportResultDto,
  type MergeDepartmentResultDto,
} from '@duban/domain/contract';
import { errorMessage } from '../../core/api-error';
import { pinyinInitials } from '../../shared/picker/pinyin';
import { DepartmentEditDialog, type DepartmentEditData } from './department-edit-dialog';
import { DepartmentMergeDialog, type DepartmentMergeData } from './department-merge-dialog';
import { DepartmentsApi } from './departments.api';
import { DirectoryImportDialog, type DirectoryImportData } from './directory-import-dialog';

type DepartmentKind = DepartmentDto['kind'];

/** The 部门 tab: search (name, short name, pinyin initials) and kind, 新增, 编辑 (rename, short names, kind), 合并. */
@Component({
  selector: 'db-departments-panel',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  template: `
    <div class="bar">
      <mat-form-field subscriptSizing="dynamic" class="filter">
        <mat-label>查找单位或简称</mat-label>
        <input matInput [value]="query()" (input)="query.set(q.value)" #q data-testid="dept-filter" />
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic" class="kind">
        <mat-label>类别</mat-label>
        <mat-select [value]="kind()" (valueChange)="kind.set($event)" data-testid="dept-kind-filter">
          <mat-option [value]="null">全部</mat-option>
          @for (k of kinds; track k) {
            <mat-option [value]="k">{{ kindLabels[k] }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <span class="count muted">{{ visible().length }} / {{ departments().length }} 个单位</span>
      <button
        mat-stroked-button
        type="button"
        (click)="picker.click()"
        [disabled]="importing()"
        data-testid="dept-import"
      >
        导入名录
      </button>
      <input
        #picker
        type="file"
        accept=".xlsx,.csv,text/csv"
        hidden
        (change)="importFile(picker)"
        data-testid="dept-import-file"
      />
      <button mat-flat-button type="button" (click)="edit(null)" data-testid="dept-create">新增单位</button>
    </div>
    <p class="muted hint">
      名录文件（.xlsx 或 CSV）列：名称、简称（用顿号分隔）、辖区、类别（部委／地方／统称）、继任单位。
    </p>
    @if (message(); as m) {
      <p role="status" class="msg" data-testid="dept-message">{{ m }}</p>
    }
    @if (importError(); as e) {
      <p role="alert" class="error-text">{{ e }}</p>
    }
    <div class="table-wrap" tabindex="0" role="region" aria-label="部门列表">
      <table class="table">
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col">类别</th>
            <th scope="col">简称</th>
            <th scope="col">继任单位</th>
            <th scope="col">前身</th>
            <th scope="col"><span class="visually-hidden">操作</span></th>
          </tr>
        </thead>
        <tbody>
          @for (d of visible(); track d.id) {
            <tr [class.merged]="d.successor" data-testid="dept-row">
              <td class="name">
                {{ d.name }}
                @if (d.jurisdiction) {
                  <span class="tag place">{{ d.jurisdiction }}</span>
                }
                @if (d.createdFromImport) {
                  <span class="tag">导入新建</span>
                }
              </td>
              <td class="kind">
                {{ kindLabels[d.kind] }}
                @if (d.collective && d.kind !== 'collective') {
                  <span class="muted">·统称</span>
                }
              </td>
              <td class="aliases" data-label="简称" [class.none]="!d.aliases.length">
                {{ d.aliases.join('、') || '—' }}
              </td>
              <td data-label="继任单位" [class.none]="!d.successor">{{ d.successor?.name ?? '—' }}</td>
              <td data-label="前身" [class.none]="!d.predecessors.length">{{ names(d.predecessors) }}</td>
              <td class="actions">
                <button mat-button type="button" (click)="edit(d)" [attr.aria-label]="'编辑 ' + d.name">
                  编辑
                </button>
                @if (!d.successor && !d.collective) {
                  <button
                    mat-button
                    type="button"
                    (click)="merge(d)"
                    [attr.aria-label]="'合并 ' + d.name"
                    data-testid="dept-merge"
                  >
                    合并
                  </button>
                }
              </td>
            </tr>
          } @empty {
            <tr>
              <td colspan="6" class="muted">没有匹配的单位</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    @use 'db';

    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
      margin-bottom: 8px;
    }
    .filter {
      width: min(320px, 100%);
    }
    .kind {
      width: 120px;
    }
    .count {
      flex: 1;
    }
    .table-wrap {
      @include db.scroll-box(70vh);
    }
    @include db.data-table {
      vertical-align: middle;
    }
    .table thead th {
      @include db.sticky-header-cell;
      z-index: 1;
    }
    .table td:nth-child(2) {
      white-space: nowrap;
    }
    .aliases {
      max-width: 320px;
    }
    .actions {
      white-space: nowrap;
      text-align: right;
    }
    .merged td:first-child {
      color: #5f6368;
    }
    .tag {
      @include db.tag-chip;
      margin-left: 4px;
    }
    .tag.place {
      background: #e8f0fe;
      color: #174ea6;
    }
    .msg {
      font-weight: 600;
    }
    .hint {
      margin: 0 0 8px;
      font-size: 12px;
    }
    /* Phones: each unit is a card (name and kind, then the labelled lists, then the actions). */
    @media (max-width: 600px) {
      .table thead {
        display: none;
      }
      .table tr {
        display: grid;
        grid-template-columns: 1fr auto;
        padding: 6px 0;
        border-bottom: 1px solid #eceff1;
      }
      .table td {
        border: none;
        padding: 2px 4px;
      }
      .table td.name {
        font-weight: 600;
      }
      .table td[data-label] {
        grid-column: 1 / -1;
      }
      .table td[data-label]::before {
        content: attr(data-label) '：';
        color: #5f6368;
      }
      .table td.none {
        display: none;
      }
      .table td.actions {
        grid-column: 1 / -1;
        text-align: left;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DepartmentsPanel {
  private readonly dialog = inject(MatDialog);
  private readonly api = inject(DepartmentsApi);
  protected readonly importing = signal(false);
  protected readonly importError = signal<string | null>(null);
  readonly departments = input.required<DepartmentDto[]>();
  /** A unit was created, edited or merged: the page reloads the list. */
  readonly changed = output<void>();
  protected readonly kinds: DepartmentKind[] = ['ministry', 'local', 'collective'];
  protected readonly kindLabels = DEPARTMENT_KIND_LABELS;
  protected readonly query = signal('');
  protected readonly kind = signal<DepartmentKind | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly visible = computed(() => {
    const q = this.query().replace(/\s+/g, '').toLowerCase();
    const kind = this.kind();
    return this.departments().filter(
      (d) =>
        (!kind || d.kind === kind) &&
        (!q ||
          [d.name, ...d.aliases].some((n) => n.includes(q) || pinyinInitials(n).toLowerCase().includes(q))),
    );
  });

  /** Uploads the chosen directory file for a preview, then shows it; 确认导入 writes it. */
  protected async importFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.importing.set(true);
    this.importError.set(null);
    try {
      const preview = await this.api.importDirectory(file, false);
      this.dialog
        .open<DirectoryImportDialog, DirectoryImportData, DirectoryImportResultDto>(DirectoryImportDialog, {
          data: { file, preview },
          width: '860px',
          maxWidth: '96vw',
        })
        .afterClosed()
        .subscribe((done) => {
          if (!done) return;
          this.message.set(`名录已导入：新增 ${done.created} 个单位，更新 ${done.updated} 个。`);
          this.changed.emit();
        });
    } catch (err) {
      this.importError.set(errorMessage(err, '名录读取失败'));
    } finally {
      this.importing.set(false);
    }
  }

  protected names(list: { name: string }[]): string {
    return list.map((d) => d.name).join('、') || '—';
  }

  protected edit(unit: DepartmentDto | null): void {
    this.dialog
      .open<DepartmentEditDialog, DepartmentEditData, DepartmentDto>(DepartmentEditDialog, {
        data: unit,
        width: '560px',
        maxWidth: '96vw',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.message.set(unit ? `已保存“${saved.name}”` : `已新增“${saved.name}”`);
        this.changed.emit();
      });
  }

  protected merge(source: DepartmentDto): void {
    this.dialog
      .open<DepartmentMergeDialog, DepartmentMergeData, MergeDepartmentResultDto>(DepartmentMergeDialog, {
        data: { source, all: this.departments() },
        width: '620px',
        maxWidth: '96vw',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((done) => {
        if (!done) return;
        this.message.set(
          `“${done.merged.name}”已并入“${done.into.name}”：转移任务 ${done.tasksMoved} 项、账号 ${done.usersMoved} 个。`,
        );
        this.changed.emit();
      });
  }
}
