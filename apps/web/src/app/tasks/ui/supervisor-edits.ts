import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import type { TaskDetailDto } from '@duban/domain/contract';
import type { PickerOption } from '../../shared/picker/picker-options';
import { TaskEditDialog, type TaskEditDialogData, type TaskEditMode } from './task-edit-dialog';

/** The supervisor's edit buttons on an open task; each opens its dialog and reports when the task changed. */
@Component({
  selector: 'db-supervisor-edits',
  imports: [MatButtonModule],
  template: `
    <div class="row-actions" role="group" aria-label="督查室调整">
      <button mat-stroked-button type="button" (click)="open('deadline')" data-testid="edit-deadline-open">
        编辑时限
      </button>
      <button
        mat-stroked-button
        type="button"
        (click)="open('departments')"
        data-testid="edit-departments-open"
      >
        调整责任单位
      </button>
      <button mat-stroked-button type="button" (click)="open('split')" data-testid="edit-split-open">
        拆分
      </button>
      <button
        mat-stroked-button
        type="button"
        class="danger"
        (click)="open('terminate')"
        data-testid="edit-terminate-open"
      >
        终止
      </button>
    </div>
  `,
  styles: `
    .danger {
      color: #b3261e;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SupervisorEdits {
  private readonly dialog = inject(MatDialog);
  readonly task = input.required<TaskDetailDto>();
  readonly departments = input.required<PickerOption[]>();
  readonly changed = output<TaskEditMode>();

  protected open(mode: TaskEditMode): void {
    const data: TaskEditDialogData = { mode, task: this.task(), departments: this.departments() };
    this.dialog
      .open<TaskEditDialog, TaskEditDialogData, boolean>(TaskEditDialog, {
        data,
        width: '640px',
        maxWidth: '96vw',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((done) => {
        if (done) this.changed.emit(mode);
      });
  }
}
