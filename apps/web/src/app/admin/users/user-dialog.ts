import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  displayNameProblem,
  emailProblem,
  phoneProblem,
  usernameProblem,
  type CreatedUserDto,
  type DepartmentDto,
  type UserDto,
  type UserRole,
} from '@duban/domain/contract';
import { runBusy } from '../../core/run-busy';
import { DialogActions } from '../../shared/dialog-actions';
import { ErrorAlert } from '../../shared/error-alert';
import { departmentOptions } from '../../shared/picker/picker-options';
import { SearchPicker } from '../../shared/picker/search-picker';
import { UsersStore } from './users.store';

/** The role select joins role and 负责人: a department head is an officer with `isHead`. */
type RoleChoice = 'officer' | 'head' | 'supervisor' | 'admin';

const ROLE_CHOICES: { value: RoleChoice; label: string }[] = [
  { value: 'officer', label: '部门经办人' },
  { value: 'head', label: '部门负责人' },
  { value: 'supervisor', label: '督查室' },
  { value: 'admin', label: '系统管理员' },
];

export interface UserDialogData {
  /** Absent: create a new account. */
  user?: UserDto;
  departments: DepartmentDto[];
  store: UsersStore;
}

/** What the dialog closes with: the created account (with its one-time password) or the edited one. */
export type UserDialogResult = { created: CreatedUserDto } | { saved: UserDto };

function choiceOf(user: UserDto | undefined): RoleChoice {
  if (!user) return 'officer';
  return user.role === 'officer' ? (user.isHead ? 'head' : 'officer') : user.role;
}

/** 新建用户 / 编辑用户: the rules are the API's own (@duban/domain), said before the round trip. */
@Component({
  selector: 'db-user-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    SearchPicker,
    ErrorAlert,
    DialogActions,
  ],
  template: `
    <h2 mat-dialog-title>{{ editing ? '编辑用户' : '新建用户' }}</h2>
    <mat-dialog-content>
      <form [formGroup]="form" id="user-form" (ngSubmit)="save()" class="grid" novalidate>
        @if (editing) {
          <p class="fixed">
            用户名 <strong>{{ data.user?.username }}</strong>（不可修改）
          </p>
        } @else {
          <mat-form-field>
            <mat-label>用户名</mat-label>
            <input
              matInput
              formControlName="username"
              autocomplete="off"
              autocapitalize="none"
              spellcheck="false"
              data-testid="user-username"
            />
            <mat-hint>登录用，如 zhang.wei</mat-hint>
          </mat-form-field>
        }
        <mat-form-field>
          <mat-label>姓名</mat-label>
          <input matInput formControlName="displayName" autocomplete="off" data-testid="user-name" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>角色</mat-label>
          <mat-select formControlName="role" data-testid="user-role">
            @for (c of roleChoices; track c.value) {
              <mat-option [value]="c.value">{{ c.label }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        @if (needsDepartment()) {
          <db-search-picker
            class="picker"
            label="所属部门"
            placeholder="输入部门名称或简称查找"
            testId="user-department"
            [options]="options"
            [value]="department()"
            (changed)="department.set($event)"
          />
        }
        <mat-form-field>
          <mat-label>邮箱（选填）</mat-label>
          <input matInput type="email" formControlName="email" autocomplete="off" data-testid="user-email" />
          <mat-hint>用于接收通知</mat-hint>
        </mat-form-field>
        <mat-form-field>
          <mat-label>手机（选填）</mat-label>
          <input matInput type="tel" formControlName="phone" autocomplete="off" />
        </mat-form-field>
      </form>
      @if (editing && rightsChange()) {
        <p class="warn">修改角色或所属部门后，该用户当前的登录将全部失效，需要重新登录。</p>
      }
      <db-error-alert [message]="error()" />
    </mat-dialog-content>
    <db-dialog-actions testId="user-save" type="submit" form="user-form" [disabled]="busy()">
      {{ editing ? '保存' : '创建并生成初始密码' }}
    </db-dialog-actions>
  `,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
      gap: 4px 16px;
      padding-top: 4px;
    }
    .fixed {
      margin: 8px 0 16px;
      grid-column: 1 / -1;
    }
    .picker {
      display: block;
      margin-bottom: 16px;
    }
    .warn {
      color: #7a4f01;
      margin: 0;
    }
    .error-text {
      color: #b3261e;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserDialog {
  protected readonly data = inject<UserDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<UserDialog, UserDialogResult>>(MatDialogRef);

  protected readonly editing = this.data.user !== undefined;
  protected readonly roleChoices = ROLE_CHOICES;
  // Collective parties and merged-away units cannot hold accounts (the API refuses them too).
  protected readonly options = departmentOptions(
    this.data.departments.filter((d) => d.kind !== 'collective' && d.successor === null),
  );
  protected readonly form = new FormGroup({
    username: new FormControl('', { nonNullable: true }),
    displayName: new FormControl(this.data.user?.displayName ?? '', { nonNullable: true }),
    role: new FormControl<RoleChoice>(choiceOf(this.data.user), { nonNullable: true }),
    email: new FormControl(this.data.user?.email ?? '', { nonNullable: true }),
    phone: new FormControl(this.data.user?.phone ?? '', { nonNullable: true }),
  });
  protected readonly role = signal<RoleChoice>(choiceOf(this.data.user));
  protected readonly department = signal<string | null>(this.data.user?.department?.id ?? null);
  protected readonly needsDepartment = computed(() => this.role() === 'officer' || this.role() === 'head');
  protected readonly rightsChange = computed(() => {
    const user = this.data.user;
    if (!user) return false;
    const role: UserRole = this.role() === 'head' ? 'officer' : (this.role() as UserRole);
    return (
      role !== user.role || (this.needsDepartment() && this.department() !== (user.department?.id ?? null))
    );
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    this.form.controls.role.valueChanges.subscribe((value) => this.role.set(value));
    // A message about the previous attempt goes once the form changes.
    this.form.valueChanges.subscribe(() => this.error.set(null));
  }

  protected async save(): Promise<void> {
    const v = this.form.getRawValue();
    const problem =
      (this.editing ? null : usernameProblem(v.username.trim())) ??
      displayNameProblem(v.displayName) ??
      (this.needsDepartment() && !this.department() ? '请选择所属部门。' : null) ??
      emailProblem(v.email.trim()) ??
      phoneProblem(v.phone.trim());
    if (problem) return this.error.set(problem);
    const role: UserRole = v.role === 'head' ? 'officer' : v.role;
    const fields = {
      displayName: v.displayName.trim(),
      role,
      departmentId: this.needsDepartment() ? this.department() : null,
      isHead: v.role === 'head',
      email: v.email.trim() || null,
      phone: v.phone.trim() || null,
    };
    await runBusy(this.busy, this.error, '保存失败，请稍后重试。', async () => {
      const user = this.data.user;
      if (user) this.ref.close({ saved: await this.data.store.update(user.id, fields) });
      else
        this.ref.close({ created: await this.data.store.create({ username: v.username.trim(), ...fields }) });
    });
  }
}
