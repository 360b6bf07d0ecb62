import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { DEPARTMENT_KIND_LABELS, type DepartmentDto } from '@duban/domain/contract';

type DepartmentKind = DepartmentDto['kind'];
import { runBusy } from '../../core/run-busy';
import { DialogActions } from '../../shared/dialog-actions';
import { ErrorAlert } from '../../shared/error-alert';
import { DepartmentsApi, parseAliases } from './departments.api';

/** null: a new unit; else the unit to edit (rename, short names, kind, jurisdiction). */
export type DepartmentEditData = DepartmentDto | null;

const KINDS: DepartmentKind[] = ['ministry', 'local', 'collective'];

/** 新增单位 / 编辑单位. A rename keeps the old name as a short name, so older documents still match. */
@Component({
  selector: 'db-department-edit-dialog',
  imports: [
    MatDialogModule,
    DialogActions,
    ErrorAlert,
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
  ],
  template: `
    <h2 mat-dialog-title>{{ unit ? '编辑单位' : '新增单位' }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="fields">
        <mat-form-field>
          <mat-label>单位全称</mat-label>
          <input matInput formControlName="name" data-testid="dept-name" />
          @if (unit && form.controls.name.value.trim() !== unit.name) {
            <mat-hint>原名称“{{ unit.name }}”将保留为简称，旧文件仍能匹配到本单位</mat-hint>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>简称（用顿号分隔）</mat-label>
          <textarea matInput rows="2" formControlName="aliases" data-testid="dept-aliases"></textarea>
          <mat-hint>如：市发展改革委、市发改委</mat-hint>
        </mat-form-field>
        <mat-form-field>
          <mat-label>类别</mat-label>
          <mat-select formControlName="kind" data-testid="dept-kind">
            @for (k of kinds; track k) {
              <mat-option [value]="k">{{ kindLabels[k] }}</mat-option>
            }
          </mat-select>
          @if (form.controls.kind.value === 'collective') {
            <mat-hint>统称（各有关部门等）不能开设账号，也不能作为继任单位</mat-hint>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>辖区（可选）</mat-label>
          <input
            matInput
            formControlName="jurisdiction"
            placeholder="如：杭州市"
            data-testid="dept-jurisdiction"
          />
        </mat-form-field>
        <db-error-alert [message]="error()" testId="dept-error" />
      </mat-dialog-content>
      <db-dialog-actions testId="dept-save" type="submit" [disabled]="busy()">保存</db-dialog-actions>
    </form>
  `,
  styles: `
    .fields {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: min(480px, 80vw);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DepartmentEditDialog {
  protected readonly unit = inject<DepartmentEditData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<DepartmentEditDialog, DepartmentDto>>(MatDialogRef);
  private readonly api = inject(DepartmentsApi);
  protected readonly kinds = KINDS;
  protected readonly kindLabels = DEPARTMENT_KIND_LABELS;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = new FormGroup({
    name: new FormControl(this.unit?.name ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/\S/)],
    }),
    aliases: new FormControl(this.unit?.aliases.join('、') ?? '', { nonNullable: true }),
    kind: new FormControl<DepartmentKind>(this.unit?.kind ?? 'local', { nonNullable: true }),
    jurisdiction: new FormControl(this.unit?.jurisdiction ?? '', { nonNullable: true }),
  });

  protected async save(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.error.set('请填写单位全称');
      return;
    }
    const v = this.form.getRawValue();
    const body = {
      name: v.name.trim(),
      aliases: parseAliases(v.aliases),
      kind: v.kind,
      jurisdiction: v.jurisdiction.trim() || null,
    };
    await runBusy(this.busy, this.error, '保存失败', async () => {
      const saved = this.unit ? await this.api.update(this.unit.id, body) : await this.api.create(body);
      this.ref.close(saved);
    });
  }
}
