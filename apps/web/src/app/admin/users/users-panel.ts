import { ChangeDetectionStrategy, Component, inject, input, OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { personRoleLabel, type DepartmentDto, type UserDto } from '@duban/domain/contract';
import { ImportDialog, type ImportDialogData } from './import-dialog';
import { PasswordDialog, type OneTimePasswordData } from './password-dialog';
import { UserDialog, type UserDialogData, type UserDialogResult } from './user-dialog';
import { UsersStore } from './users.store';

/** 系统管理 → 用户: search, 新建, 编辑, 停用/启用, 重置密码 (one-time password shown once), 批量导入. */
@Component({
  selector: 'db-users-panel',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatMenuModule],
  providers: [UsersStore],
  template: `
    <div class="bar">
      <mat-form-field subscriptSizing="dynamic" class="search">
        <mat-label>查找用户名、姓名、部门、邮箱或手机</mat-label>
        <input matInput [value]="store.query()" (input)="search(q.value)" #q data-testid="users-search" />
      </mat-form-field>
      <span class="spacer"></span>
      <button mat-stroked-button type="button" (click)="openImport()" data-testid="users-import">
        批量导入
      </button>
      <button mat-flat-button type="button" (click)="openCreate()" data-testid="users-create">
        新建用户
      </button>
    </div>
    @if (store.error(); as e) {
      <p class="error-text" role="alert">{{ e }}</p>
    }
    @if (store.message(); as m) {
      <p class="msg" role="status">{{ m }}</p>
    }
    <p class="muted">共 {{ store.total() }} 个账号</p>
    <div class="table-wrap" tabindex="0" role="region" aria-label="用户列表">
      <table class="table" data-testid="users-table">
        <thead>
          <tr>
            <th scope="col">用户名</th>
            <th scope="col">姓名</th>
            <th scope="col">角色</th>
            <th scope="col">所属部门</th>
            <th scope="col" class="wide">邮箱 / 手机</th>
            <th scope="col">状态</th>
            <th scope="col"><span class="visually-hidden">操作</span></th>
          </tr>
        </thead>
        <tbody>
          @for (u of store.users(); track u.id) {
            <tr [class.inactive]="!u.active">
              <td class="mono">{{ u.username }}</td>
              <td>{{ u.displayName }}</td>
              <td>{{ roleLabel(u) }}</td>
              <td>{{ u.department?.name ?? '—' }}</td>
              <td class="wide">
                {{ u.email ?? '' }}
                @if (u.email && u.phone) {
                  <br />
                }
                {{ u.phone ?? '' }}
                @if (!u.email && !u.phone) {
                  —
                }
              </td>
              <td>
                @if (!u.active) {
                  <span class="tag off">已停用</span>
                } @else if (u.mustChangePassword) {
                  <span class="tag">待改初始密码</span>
                } @else {
                  正常
                }
              </td>
              <td class="actions">
                <button
                  mat-button
                  type="button"
                  (click)="openEdit(u)"
                  [attr.aria-label]="'编辑 ' + u.username"
                >
                  编辑
                </button>
                <button
                  mat-icon-button
                  type="button"
                  [matMenuTriggerFor]="more"
                  [attr.aria-label]="'更多操作 ' + u.username"
                >
                  ⋯
                </button>
                <mat-menu #more="matMenu">
                  <button mat-menu-item type="button" (click)="reset(u)">重置密码</button>
                  @if (u.active) {
                    <button mat-menu-item type="button" (click)="setActive(u, false)">停用账号</button>
                  } @else {
                    <button mat-menu-item type="button" (click)="setActive(u, true)">启用账号</button>
                  }
                </mat-menu>
              </td>
            </tr>
          } @empty {
            <tr>
              <td colspan="7" class="muted">{{ store.loading() ? '加载中…' : '没有符合条件的用户' }}</td>
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
      gap: 8px;
      align-items: center;
      margin-bottom: 4px;
    }
    .search {
      width: min(360px, 100%);
    }
    .spacer {
      flex: 1 1 auto;
    }
    .table-wrap {
      @include db.scroll-box(70vh);
    }
    @include db.data-table(4px 8px);
    .table thead th {
      @include db.sticky-header-cell;
      z-index: 1;
      white-space: nowrap;
    }
    .table td {
      white-space: nowrap;
    }
    .table td.wide {
      white-space: normal;
      word-break: break-all;
      min-width: 140px;
    }
    .mono {
      font-family: ui-monospace, Menlo, Consolas, monospace;
    }
    .actions {
      text-align: right;
    }
    .inactive td:not(.actions) {
      color: #80868b;
    }
    .tag {
      @include db.tag-chip;
    }
    .tag.off {
      background: #f1f3f4;
      color: #5f6368;
    }
    .msg {
      font-weight: 600;
    }
    .muted {
      color: #5f6368;
      margin: 4px 0;
    }
    .error-text {
      color: #b3261e;
    }
    /* A phone gets one card per person instead of a table to scroll sideways. */
    @media (max-width: 600px) {
      .table thead {
        display: none;
      }
      .table tr {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0 8px;
        padding: 6px 0;
        border-bottom: 1px solid #eceff1;
      }
      .table td,
      .table td.wide {
        border: none;
        padding: 0 4px;
        white-space: normal;
        min-width: 0;
        order: 2;
      }
      .table td:first-child {
        flex: 1 1 50%;
        font-weight: 600;
        order: 0;
      }
      .table td.actions {
        order: 1;
        margin-left: auto;
      }
      .table td:empty {
        display: none;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPanel implements OnInit {
  protected readonly store = inject(UsersStore);
  private readonly dialog = inject(MatDialog);
  readonly departments = input<DepartmentDto[]>([]);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  ngOnInit(): void {
    void this.store.load();
  }

  protected roleLabel(u: UserDto): string {
    return personRoleLabel(u.role, u.isHead);
  }

  protected search(q: string): void {
    clearTimeout(this.searchTimer);
    // One request per pause in typing, not per key.
    this.searchTimer = setTimeout(() => void this.store.load(q), 250);
  }

  protected openCreate(): void {
    this.openUserDialog(undefined);
  }

  protected openEdit(user: UserDto): void {
    this.openUserDialog(user);
  }

  protected openImport(): void {
    this.dialog.open<ImportDialog, ImportDialogData>(ImportDialog, {
      data: { store: this.store },
      width: '960px',
      maxWidth: '96vw',
      autoFocus: 'dialog',
    });
  }

  protected async reset(user: UserDto): Promise<void> {
    if (!globalThis.confirm(`重置 ${user.username} 的密码？其当前登录将全部失效，需用新的初始密码登录。`))
      return;
    const reset = await this.store.resetPassword(user);
    if (reset)
      this.showPassword({
        title: '密码已重置',
        username: reset.username,
        displayName: user.displayName,
        password: reset.temporaryPassword,
      });
  }

  protected setActive(user: UserDto, active: boolean): void {
    if (
      !active &&
      !globalThis.confirm(`停用 ${user.username}（${user.displayName}）？其登录将立即失效，且无法再登录。`)
    )
      return;
    void this.store.setActive(user, active);
  }

  private openUserDialog(user: UserDto | undefined): void {
    const ref = this.dialog.open<UserDialog, UserDialogData, UserDialogResult>(UserDialog, {
      data: { user, departments: this.departments(), store: this.store },
      width: '640px',
      maxWidth: '96vw',
      autoFocus: 'first-tabbable',
    });
    ref.afterClosed().subscribe((result) => {
      if (result && 'created' in result) {
        const { user: created, temporaryPassword } = result.created;
        this.showPassword({
          title: '账号已创建',
          username: created.username,
          displayName: created.displayName,
          password: temporaryPassword,
        });
      }
    });
  }

  private showPassword(data: OneTimePasswordData): void {
    // Closed only by a button: a stray click beside the dialog must not lose a password shown once.
    this.dialog.open(PasswordDialog, { data, width: '480px', maxWidth: '96vw', disableClose: true });
  }
}
