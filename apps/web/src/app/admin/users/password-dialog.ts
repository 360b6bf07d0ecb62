import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { OneTimeActions } from './one-time-actions';

export interface OneTimePasswordData {
  title: string;
  username: string;
  displayName?: string;
  password: string;
}

/**
 * Shows a one-time password once (after 新建用户 or 重置密码): the server keeps only its hash, so once
 * this closes nobody can read it again; a new one takes a new reset.
 */
@Component({
  selector: 'db-password-dialog',
  imports: [MatDialogModule, OneTimeActions],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p>
        请把初始密码交给
        <strong>{{ data.displayName || data.username }}</strong>。对方首次登录后必须修改密码。
      </p>
      <dl class="cred">
        <dt>用户名</dt>
        <dd data-testid="otp-username">{{ data.username }}</dd>
        <dt>初始密码</dt>
        <dd class="secret" data-testid="otp-password">{{ data.password }}</dd>
      </dl>
      <p class="warn" role="note">此密码只显示这一次，关闭后无法再次查看；如遗失，请重新重置密码。</p>
    </mat-dialog-content>
    <db-one-time-actions label="复制用户名和密码" testId="otp-copy" [text]="credentials" />
  `,
  styles: `
    .cred {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 6px 16px;
      margin: 12px 0;
    }
    dt {
      color: #5f6368;
    }
    dd {
      margin: 0;
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      font-size: 16px;
      word-break: break-all;
    }
    .secret {
      font-size: 20px;
      letter-spacing: 1px;
      user-select: all;
    }
    .warn {
      color: #7a4f01;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PasswordDialog {
  protected readonly data = inject<OneTimePasswordData>(MAT_DIALOG_DATA);
  protected readonly credentials = `用户名：${this.data.username}\n初始密码：${this.data.password}`;
}
