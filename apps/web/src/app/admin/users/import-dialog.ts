import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { personRoleLabel, type UserImportResultDto, type UserImportRowDto } from '@duban/domain/contract';
import { errorMessage } from '../../core/api-error';
import { runBusy } from '../../core/run-busy';
import { DialogActions } from '../../shared/dialog-actions';
import { ErrorAlert } from '../../shared/error-alert';
import { OneTimeActions } from './one-time-actions';
import { UsersStore } from './users.store';

export interface ImportDialogData {
  store: UsersStore;
}

/**
 * 批量导入: template → upload (checked, nothing created) → per-row errors → import of the rows without
 * errors → each new account's one-time password, shown once. The file is sent again for the import
 * (the server checks it again rather than keep a preview with passwords in it).
 */
@Component({
  selector: 'db-import-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatProgressBarModule,
    ErrorAlert,
    DialogActions,
    OneTimeActions,
  ],
  template: `
    <h2 mat-dialog-title>批量导入用户</h2>
    <mat-dialog-content>
      @if (!result()?.created?.length) {
        <p class="steps">
          1.
          <button mat-button type="button" class="inline" (click)="template()">下载用户导入模板</button
          >，每行一个人； 2. 上传填好的 .xlsx，先检查每一行；3. 确认后只创建无误的行。
        </p>
        <label class="file">
          <input
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            (change)="pick($event)"
            data-testid="import-file"
          />
        </label>
      }
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" />
      }
      <db-error-alert [message]="error()" />
      @if (result(); as r) {
        @if (r.created.length > 0) {
          <p class="ok" role="status">
            已创建
            {{ r.created.length }} 个账号。初始密码只显示这一次，请复制或记下后分发，对方首次登录后必须修改。
          </p>
          <div class="table-wrap">
            <table class="table" data-testid="import-created">
              <thead>
                <tr>
                  <th scope="col">用户名</th>
                  <th scope="col">姓名</th>
                  <th scope="col">初始密码</th>
                </tr>
              </thead>
              <tbody>
                @for (c of r.created; track c.username) {
                  <tr>
                    <td>{{ c.username }}</td>
                    <td>{{ c.displayName }}</td>
                    <td class="secret">{{ c.temporaryPassword }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        } @else if (!r.dryRun) {
          <p class="bad" role="status">没有创建任何账号：每一行都有错误（见下表），请修改后重新上传。</p>
        } @else {
          <p role="status">
            共 {{ r.rows.length }} 行：<strong>{{ r.rows.length - r.errorRows }}</strong> 行可以导入
            @if (r.errorRows > 0) {
              ，<strong class="bad">{{ r.errorRows }}</strong> 行有错误（不会导入）
            }
            。
          </p>
        }
        @if (shownRows().length > 0) {
          <div class="table-wrap">
            <table class="table" data-testid="import-rows">
              <thead>
                <tr>
                  <th scope="col">行</th>
                  <th scope="col">用户名</th>
                  <th scope="col">姓名</th>
                  <th scope="col">角色</th>
                  <th scope="col">所属部门</th>
                  <th scope="col">检查结果</th>
                </tr>
              </thead>
              <tbody>
                @for (row of shownRows(); track row.row) {
                  <tr [class.has-error]="row.errors.length > 0">
                    <td>{{ row.row }}</td>
                    <td>{{ row.username || '—' }}</td>
                    <td>{{ row.displayName || '—' }}</td>
                    <td>{{ roleOf(row) }}</td>
                    <td>{{ row.department?.name ?? '—' }}</td>
                    <td>
                      @for (e of row.errors; track $index) {
                        <div class="bad">{{ e }}</div>
                      } @empty {
                        <span class="good">可以导入</span>
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      }
    </mat-dialog-content>
    @if (result()?.created?.length) {
      <db-one-time-actions label="复制全部账号和密码" testId="import-copy" [text]="credentials()" />
    } @else {
      <db-dialog-actions
        testId="import-commit"
        [disabled]="busy() || importable() === 0"
        (confirmed)="commit()"
      >
        导入 {{ importable() }} 个账号
      </db-dialog-actions>
    }
  `,
  styles: `
    @use 'db';

    .steps {
      line-height: 1.8;
    }
    .inline {
      padding: 0 4px;
      min-width: 0;
      height: auto;
      vertical-align: baseline;
    }
    .file {
      display: block;
      margin: 8px 0 12px;
    }
    .table-wrap {
      @include db.scroll-box(50vh);
      margin-top: 8px;
    }
    @include db.data-table(4px 8px) {
      vertical-align: top;
    }
    .table th {
      @include db.sticky-header-cell;
      white-space: nowrap;
    }
    .has-error {
      background: #fdf3f2;
    }
    .bad {
      color: #b3261e;
    }
    .good {
      color: #1e6b34;
    }
    .ok {
      color: #1e6b34;
      font-weight: 600;
    }
    .secret {
      font-family: ui-monospace, Menlo, Consolas, monospace;
      white-space: nowrap;
      user-select: all;
    }
    .error-text {
      color: #b3261e;
    }
    /* On a phone each checked row is a small card, its reasons on their own lines below. */
    @media (max-width: 600px) {
      [data-testid='import-rows'] thead {
        display: none;
      }
      [data-testid='import-rows'] tr {
        display: flex;
        flex-wrap: wrap;
        gap: 0 8px;
        padding: 6px 0;
        border-bottom: 1px solid #eceff1;
      }
      [data-testid='import-rows'] td {
        border: none;
        padding: 0 4px;
      }
      [data-testid='import-rows'] td:first-child::before {
        content: '第 ';
      }
      [data-testid='import-rows'] td:first-child::after {
        content: ' 行';
      }
      [data-testid='import-rows'] td:last-child {
        flex: 1 1 100%;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportDialog {
  private readonly data = inject<ImportDialogData>(MAT_DIALOG_DATA);

  protected readonly file = signal<File | null>(null);
  protected readonly result = signal<UserImportResultDto | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly importable = computed(() => {
    const r = this.result();
    return r && r.dryRun ? r.rows.length - r.errorRows : 0;
  });
  /** The new accounts as a sheet to paste (tab-separated, with a header row). */
  protected readonly credentials = computed(() => {
    const lines = (this.result()?.created ?? []).map(
      (c) => `${c.username}\t${c.displayName}\t${c.temporaryPassword}`,
    );
    return ['用户名\t姓名\t初始密码', ...lines].join('\n');
  });
  /** After the import only the rows left behind (with their reasons) are worth a second look. */
  protected readonly shownRows = computed(() => {
    const r = this.result();
    if (!r) return [];
    return r.dryRun ? r.rows : r.rows.filter((row) => row.errors.length > 0);
  });

  protected roleOf(row: UserImportRowDto): string {
    return row.role ? personRoleLabel(row.role, row.isHead) : '—';
  }

  protected template(): void {
    this.data.store
      .downloadTemplate()
      .catch((err: unknown) => this.error.set(errorMessage(err, '模板下载失败')));
  }

  protected pick(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0] ?? null;
    this.file.set(file);
    this.result.set(null);
    if (file) void this.run(true);
  }

  protected commit(): void {
    void this.run(false);
  }

  private async run(dryRun: boolean): Promise<void> {
    const file = this.file();
    if (!file) return;
    await runBusy(this.busy, this.error, dryRun ? '文件检查失败' : '导入失败', async () =>
      this.result.set(await this.data.store.importSheet(file, dryRun)),
    );
  }
}
