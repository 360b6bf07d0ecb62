import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { TaskDetailDto } from '@duban/domain/contract';
import { runBusy } from '../../core/run-busy';
import { DeskApi } from '../../desk/data-access/desk.api';
import { DepartmentListPicker } from '../../desk/ui/department-list-picker';
import { DialogActions } from '../../shared/dialog-actions';
import { ErrorAlert } from '../../shared/error-alert';
import { toIsoDate } from '../../shared/format';
import { ZhDatePipe } from '../../shared/format.pipes';
import type { PickerOption } from '../../shared/picker/picker-options';

export type TaskEditMode = 'deadline' | 'departments' | 'split' | 'terminate';

export interface TaskEditDialogData {
  mode: TaskEditMode;
  task: TaskDetailDto;
  departments: PickerOption[];
}

const TITLES: Record<TaskEditMode, string> = {
  deadline: '编辑时限',
  departments: '调整责任单位',
  split: '拆分任务',
  terminate: '终止任务',
};

interface SplitPart {
  text: FormControl<string>;
  lead: string[];
}

const required = [Validators.required, Validators.pattern(/\S/)];

/**
 * The supervisor's corrections of a task, each with a required reason (recorded in the timeline with
 * before/after, and sent to the departments concerned). Sends the task's version: if someone changed it
 * meanwhile the API answers 409 and the message says to reload. Closes with true when the task changed.
 */
@Component({
  selector: 'db-task-edit-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepickerModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    ZhDatePipe,
    DepartmentListPicker,
    ErrorAlert,
    DialogActions,
  ],
  templateUrl: './task-edit-dialog.html',
  styles: `
    .full-width {
      width: 100%;
    }
    .part {
      border: 1px solid #dadce0;
      border-radius: 8px;
      padding: 8px 12px;
      margin-bottom: 12px;
    }
    h3 {
      font-size: 14px;
      font-weight: 500;
      margin: 8px 0 4px;
    }
    .error-text {
      color: #b3261e;
    }
    .warn {
      color: #8c1d18;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskEditDialog {
  protected readonly data = inject<TaskEditDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<TaskEditDialog, boolean>>(MatDialogRef);
  private readonly api = inject(DeskApi);

  protected readonly title = TITLES[this.data.mode];
  protected readonly task = this.data.task;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly reason = new FormControl('', { nonNullable: true, validators: required });
  protected readonly deadline = new FormControl<Date | null>(
    this.task.deadline ? new Date(`${this.task.deadline}T00:00:00`) : null,
  );
  protected readonly lead = signal(this.task.lead.map((d) => d.id));
  protected readonly participants = signal(this.task.participants.map((d) => d.id));
  protected readonly parts = signal<SplitPart[]>([this.newPart(), this.newPart()]);
  protected readonly leadMissing = signal(false);

  private newPart(): SplitPart {
    return {
      text: new FormControl('', { nonNullable: true, validators: required }),
      lead: this.task.lead.map((d) => d.id),
    };
  }

  protected setLead(ids: string[]): void {
    this.lead.set(ids);
    this.participants.update((p) => p.filter((id) => !ids.includes(id)));
  }

  protected addPart(): void {
    this.parts.update((p) => [...p, this.newPart()]);
  }

  protected removePart(index: number): void {
    this.parts.update((p) => p.filter((_, i) => i !== index));
  }

  protected setPartLead(index: number, ids: string[]): void {
    this.parts.update((p) => p.map((part, i) => (i === index ? { ...part, lead: ids } : part)));
  }

  protected async save(): Promise<void> {
    this.reason.markAsTouched();
    const parts = this.parts();
    const invalid =
      this.reason.invalid ||
      (this.data.mode === 'departments' && this.lead().length === 0) ||
      (this.data.mode === 'split' && parts.some((p) => p.text.invalid || p.lead.length === 0));
    this.leadMissing.set(invalid && (this.lead().length === 0 || parts.some((p) => p.lead.length === 0)));
    parts.forEach((p) => p.text.markAsTouched());
    if (invalid) return;
    const { id, version } = this.task;
    const reason = this.reason.value.trim();
    const done = await runBusy(this.busy, this.error, undefined, async () => {
      switch (this.data.mode) {
        case 'deadline':
          await this.api.editDeadline(id, version, { deadline: toIsoDate(this.deadline.value), reason });
          break;
        case 'departments':
          await this.api.changeDepartments(id, version, {
            leadDepartmentIds: this.lead(),
            participantDepartmentIds: this.participants(),
            reason,
          });
          break;
        case 'split':
          await this.api.split(id, version, {
            reason,
            parts: parts.map((p) => ({
              text: p.text.value.trim(),
              leadDepartmentIds: p.lead,
              participantDepartmentIds: [],
            })),
          });
          break;
        case 'terminate':
          await this.api.terminate(id, version, { reason });
          break;
      }
    });
    if (done) this.ref.close(true);
  }
}
