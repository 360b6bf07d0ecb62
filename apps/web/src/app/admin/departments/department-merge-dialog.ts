import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import type { DepartmentDto, DepartmentUsageDto, MergeDepartmentResultDto } from '@duban/domain/contract';
import { errorMessage } from '../../core/api-error';
import { runBusy } from '../../core/run-busy';
import { DialogActions } from '../../shared/dialog-actions';
import { ErrorAlert } from '../../shared/error-alert';
import { departmentOptions } from '../../shared/picker/picker-options';
import { SearchPicker } from '../../shared/picker/search-picker';
import { DepartmentsApi, mergeTargets } from './departments.api';

export interface DepartmentMergeData {
  source: DepartmentDto;
  all: readonly DepartmentDto[];
}

/**
 * 合并到继任单位: pick the successor (searchable; collective parties and merged units are not offered),
 * see how many tasks and accounts will move, confirm. The merged unit is kept, hidden from pickers.
 */
@Component({
  selector: 'db-department-merge-dialog',
  imports: [MatDialogModule, SearchPicker, ErrorAlert, DialogActions],
  template: `
    <h2 mat-dialog-title>合并单位</h2>
    <mat-dialog-content class="body">
      <p>
        将“<strong>{{ data.source.name }}</strong
        >”并入继任单位。其任务、账号和名称（作为简称）将转到继任单位，本单位保留但不再出现在选择列表中。
      </p>
      <db-search-picker
        label="继任单位"
        [options]="options()"
        [value]="into()"
        placeholder="输入名称、简称或拼音首字母查找"
        testId="merge-into"
        (changed)="into.set($event)"
      />
      @if (usage(); as u) {
        <ul class="moves" data-testid="merge-usage">
          <li>
            任务：<strong>{{ u.tasks }}</strong> 项（其中未办结 {{ u.openTasks }} 项）
          </li>
          <li>
            账号：<strong>{{ u.users }}</strong> 个
          </li>
        </ul>
        @if (target(); as t) {
          <p class="confirm" data-testid="merge-summary">
            确认后，{{ u.tasks }} 项任务和 {{ u.users }} 个账号将转到“{{
              t.name
            }}”；两单位都参与的任务只保留一条责任记录（牵头优先）。此操作记入每项任务的办理记录。
          </p>
        }
      } @else if (!error()) {
        <p class="muted">正在统计将转移的任务和账号…</p>
      }
      <db-error-alert [message]="error()" testId="merge-error" />
    </mat-dialog-content>
    <db-dialog-actions testId="merge-confirm" [disabled]="!into() || busy()" (confirmed)="confirm()">
      确认合并
    </db-dialog-actions>
  `,
  styles: `
    .body {
      display: flex;
      flex-direction: column;
      gap: 8px;
      min-width: min(520px, 80vw);
    }
    db-search-picker {
      width: 100%;
    }
    .moves {
      margin: 0;
      padding-left: 20px;
    }
    .confirm {
      background: #fef7e0;
      border-radius: 6px;
      padding: 8px 10px;
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DepartmentMergeDialog implements OnInit {
  protected readonly data = inject<DepartmentMergeData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<DepartmentMergeDialog, MergeDepartmentResultDto>>(MatDialogRef);
  private readonly api = inject(DepartmentsApi);
  protected readonly into = signal<string | null>(null);
  protected readonly usage = signal<DepartmentUsageDto | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly targets = mergeTargets(this.data.all, this.data.source);
  protected readonly options = computed(() => departmentOptions(this.targets));
  protected readonly target = computed(() => this.targets.find((d) => d.id === this.into()) ?? null);

  ngOnInit(): void {
    this.api.usage(this.data.source.id).then(
      (u) => this.usage.set(u),
      (err: unknown) => this.error.set(errorMessage(err, '无法统计将转移的任务')),
    );
  }

  protected async confirm(): Promise<void> {
    const into = this.into();
    if (!into) return;
    await runBusy(this.busy, this.error, '合并失败', async () =>
      this.ref.close(await this.api.merge(this.data.source.id, into)),
    );
  }
}
