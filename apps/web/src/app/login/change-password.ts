import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '@duban/domain/contract';
import { Session } from '../core/session';
import { runBusy } from '../core/run-busy';
import { ErrorAlert } from '../shared/error-alert';
import { AuthCard } from './auth-card';

/**
 * 修改密码. Forced after a login with a one-time password (the API answers nothing else until then),
 * open from the user menu at any time. The rules are the API's own (`passwordProblem`), said before
 * the round trip; the API still decides.
 */
@Component({
  selector: 'db-change-password',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    AuthCard,
    ErrorAlert,
  ],
  template: `
    <db-auth-card pageClass="page" heading="修改密码" [subtitle]="subtitle()" [width]="460" [busy]="busy()">
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <input type="text" name="username" autocomplete="username" [value]="username()" hidden />
        <mat-form-field class="full-width">
          <mat-label>当前密码</mat-label>
          <input matInput type="password" formControlName="current" autocomplete="current-password" />
          @if (form.controls.current.hasError('required')) {
            <mat-error>请输入当前密码</mat-error>
          }
        </mat-form-field>
        <mat-form-field class="full-width" subscriptSizing="dynamic">
          <mat-label>新密码</mat-label>
          <input matInput type="password" formControlName="next" autocomplete="new-password" />
          <mat-hint>至少 {{ minLength }} 个字符，包含字母、数字或符号中的两类，不含用户名</mat-hint>
        </mat-form-field>
        <span class="gap" aria-hidden="true"></span>
        <mat-form-field class="full-width">
          <mat-label>再次输入新密码</mat-label>
          <input matInput type="password" formControlName="repeat" autocomplete="new-password" />
        </mat-form-field>
        <db-error-alert [message]="error()" />
        <div class="actions">
          <button mat-flat-button type="submit" [disabled]="busy()">保存新密码</button>
          @if (!forced()) {
            <a mat-button routerLink="/">取消</a>
          } @else {
            <button mat-button type="button" (click)="logout()">退出登录</button>
          }
        </div>
      </form>
    </db-auth-card>
  `,
  styles: `
    form {
      margin-top: 16px;
      display: grid;
      gap: 4px;
    }
    .gap {
      height: 12px;
    }
    .actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
      margin-top: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePasswordPage {
  private readonly session = inject(Session);
  private readonly router = inject(Router);

  readonly returnUrl = input<string>();

  protected readonly minLength = MIN_PASSWORD_LENGTH;
  protected readonly forced = this.session.mustChangePassword;
  protected readonly subtitle = computed(() =>
    this.forced()
      ? '当前使用的是一次性初始密码，请先设置自己的密码再继续使用系统。'
      : '修改后，其他设备上的登录将全部失效。',
  );
  protected readonly username = () => this.session.user()?.username ?? '';
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = new FormGroup({
    current: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    next: new FormControl('', { nonNullable: true }),
    repeat: new FormControl('', { nonNullable: true }),
  });

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { current, next, repeat } = this.form.getRawValue();
    const problem = passwordProblem(next, { username: this.username(), current });
    if (problem) return this.error.set(problem);
    if (next !== repeat) return this.error.set('两次输入的新密码不一致。');
    await runBusy(this.busy, this.error, '修改密码失败，请稍后重试。', async () => {
      await this.session.changePassword(current, next);
      await this.router.navigateByUrl(this.returnUrl() || '/');
    });
  }

  protected logout(): void {
    this.session.logout();
    void this.router.navigateByUrl('/login');
  }
}
