import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { SSO_ERROR_MESSAGES, type SsoErrorCode, type SsoInfoDto } from '@duban/domain/contract';
import { firstValueFrom } from 'rxjs';
import { Session } from '../core/session';
import { runBusy } from '../core/run-busy';
import { ErrorAlert } from '../shared/error-alert';
import { AuthCard } from './auth-card';

@Component({
  selector: 'db-login',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, AuthCard, ErrorAlert],
  template: `
    <db-auth-card
      pageClass="login"
      heading="督办 · 政策落实督办系统"
      subtitle="请使用单位分配的账号登录"
      [busy]="busy()"
    >
      @if (reason() === 'expired') {
        <p class="notice" role="status" data-testid="session-expired">
          登录已过期或已在别处退出，请重新登录；登录后回到刚才的页面。
        </p>
      }
      @if (ssoMessage(); as m) {
        <p class="error-text" role="alert" data-testid="sso-error">{{ m }}</p>
      }
      @if (sso()?.enabled) {
        <a mat-flat-button class="full-width sso" [href]="ssoHref()" data-testid="sso-login">{{
          sso()?.label
        }}</a>
        @if (showPasswordForm()) {
          <p class="or">或使用账号密码登录</p>
        } @else {
          <button mat-button type="button" class="full-width" (click)="passwordWanted.set(true)">
            系统管理员使用账号密码登录
          </button>
        }
      }
      @if (showPasswordForm()) {
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <mat-form-field class="full-width">
            <mat-label>用户名</mat-label>
            <input matInput formControlName="username" autocomplete="username" name="username" />
            @if (form.controls.username.hasError('required')) {
              <mat-error>请输入用户名</mat-error>
            }
          </mat-form-field>
          <mat-form-field class="full-width">
            <mat-label>密码</mat-label>
            <input
              matInput
              type="password"
              formControlName="password"
              autocomplete="current-password"
              name="password"
            />
            @if (form.controls.password.hasError('required')) {
              <mat-error>请输入密码</mat-error>
            }
          </mat-form-field>
          <db-error-alert [message]="error()" />
          <button mat-flat-button type="submit" class="full-width" [disabled]="busy()">登录</button>
        </form>
      }
    </db-auth-card>
  `,
  styles: `
    form {
      margin-top: 16px;
    }
    .sso {
      margin-top: 16px;
    }
    .or {
      margin: 16px 0 0;
      text-align: center;
      color: #5f6368;
    }
    .notice {
      margin: 12px 0 0;
      padding: 8px 12px;
      border-radius: 8px;
      background: #fef7e0;
      color: #5c3c00;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage implements OnInit {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly http = inject(HttpClient);

  readonly returnUrl = input<string>();
  /** `?reason=expired` when an API call was refused because the session ended. */
  readonly reason = input<string>();
  /** `?ssoError=<code>` when single sign-on came back without a session. */
  readonly ssoError = input<string>();

  /** What the server offers (GET /api/auth/sso); null until known, then the password form shows by default. */
  protected readonly sso = signal<SsoInfoDto | null>(null);
  /** With SSO only, admins open the password form themselves (their way in when the provider is down). */
  protected readonly passwordWanted = signal(false);
  protected readonly showPasswordForm = computed(
    () => this.sso()?.passwordLogin !== false || this.passwordWanted(),
  );
  protected readonly ssoHref = computed(
    () => `${this.sso()?.loginUrl ?? ''}?returnTo=${encodeURIComponent(this.returnUrl() || '/')}`,
  );
  protected readonly ssoMessage = computed(() => {
    const code = this.ssoError();
    return code ? (SSO_ERROR_MESSAGES[code as SsoErrorCode] ?? SSO_ERROR_MESSAGES.SSO_PROVIDER_ERROR) : null;
  });

  ngOnInit(): void {
    firstValueFrom(this.http.get<SsoInfoDto>('/api/auth/sso')).then(
      (info) => this.sso.set(info),
      // An older server without SSO: the password form is all there is.
      () => this.sso.set(null),
    );
  }

  protected readonly form = new FormGroup({
    username: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { username, password } = this.form.getRawValue();
    await runBusy(this.busy, this.error, '用户名或密码错误', async () => {
      await this.session.login(username.trim(), password);
      await this.router.navigateByUrl(this.returnUrl() || '/');
    });
  }
}
