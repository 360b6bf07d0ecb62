import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { DEPARTMENT_KIND_LABELS, type DirectoryImportResultDto } from '@duban/domain/contract';
import { runBusy } from '../../core/run-busy';
import { DialogActions } from '../../shared/dialog-actions';
import { ErrorAlert } from '../../shared/error-alert';
import { DepartmentsApi } from './departments.api';

export interface DirectoryImportData {
  file: File;
  preview: DirectoryImportResultDto;
}

const ACTIONS: Record<DirectoryImportResultDto['rows'][number]['action'], string> = {
  create: '新增',
  update: '更新',
  unchanged: '无变化',
};

/** 导入单位名录: every row with what it does or why it cannot; 确认导入 only when no row has an error. */
@Component({
  selector: 'db-directory-import-dialog',
  imports: [MatDialogModule, ErrorAlert, DialogActions],
  template: `
    <h2 mat-dialog-title>导入单位名录</h2>
    <mat-dialog-content>
      <p data-testid="directory-summary">
        “{{ data.file.name }}”：共 {{ data.preview.rows.length }} 行，新增 {{ data.preview.created }}、更新
        {{ data.preview.updated }}
        @if (data.preview.invalid) {
          ，<strong class="error-text">{{ data.preview.invalid }} 行有错误</strong>，请修改文件后重新导入。
        }
      </p>
      <div class="wrap">
        <table class="table">
          <thead>
            <tr>
              <th scope="col">行</th>
              <th scope="col">名称</th>
              <th scope="col">简称</th>
              <th scope="col">辖区</th>
              <th scope="col">类别</th>
              <th scope="col">处理</th>
            </tr>
          </thead>
          <tbody>
            @for (r of data.preview.rows; track r.line) {
              <tr [class.bad]="r.errors.length">
                <td>{{ r.line }}</td>
                <td>{{ r.name || '—' }}</td>
                <td>{{ r.shortNames.join('、') || '—' }}</td>
                <td>{{ r.jurisdiction ?? '—' }}</td>
                <td>{{ r.kind ? kindLabels[r.kind] : '—' }}</td>
                <td>
                  @if (r.errors.length) {
                    <span class="error-text">{{ r.errors.join('；') }}</span>
                  } @else {
                    {{ actions[r.action] }}
                    @if (r.successor) {
                      <span class="muted">（继任：{{ r.successor }}）</span>
                    }
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      <db-error-alert [message]="error()" />
    </mat-dialog-content>
    <db-dialog-actions
      testId="directory-commit"
      [disabled]="data.preview.invalid > 0 || busy()"
      (confirmed)="commit()"
    >
      确认导入
    </db-dialog-actions>
  `,
  styles: `
    @use 'db';

    .wrap {
      @include db.scroll-box(55vh);
    }
    @include db.data-table(4px 6px);
    .bad td {
      background: #fce8e6;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DirectoryImportDialog {
  protected readonly data = inject<DirectoryImportData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<DirectoryImportDialog, DirectoryImportResultDto>>(MatDialogRef);
  private readonly api = inject(DepartmentsApi);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly kindLabels = DEPARTMENT_KIND_LABELS;
  protected readonly actions = ACTIONS;

  protected async commit(): Promise<void> {
    await runBusy(this.busy, this.error, '名录导入失败', async () => {
      const done = await this.api.importDirectory(this.data.file, true);
      if (done.committed) this.ref.close(done);
      else this.error.set('名录未导入：文件中有错误的行，请修改后重新上传。');
    });
  }
}
