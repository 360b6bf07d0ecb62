import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { CHANNEL_LABELS, type ChannelPreferencesDto } from '@duban/domain/contract';
import { firstValueFrom } from 'rxjs';
import { errorMessage } from '../core/api-error';
import { DigestSection } from './digest-section';

/**
 * 个人设置 → 通知: the caller's own channels (GET/PUT /api/notifications/preferences, open to every role).
 * Webhooks are per department and set by an admin, so they are only mentioned here.
 */
@Component({
  selector: 'db-notification-section',
  imports: [ReactiveFormsModule, MatButtonModule, MatSlideToggleModule, DigestSection],
  template: `
    @if (error(); as e) {
      <p class="error-text" role="alert">{{ e }}</p>
    }
    <form [formGroup]="form" (ngSubmit)="save()" class="prefs">
      <mat-slide-toggle formControlName="inbox" data-testid="pref-inbox">{{ labels.inbox }}</mat-slide-toggle>
      <mat-slide-toggle formControlName="email" data-testid="pref-email"
        >{{ labels.email }}（发到上方「联系方式」中的邮箱）</mat-slide-toggle
      >
      <db-digest-section />
      <p class="muted">{{ labels.webhook }} 按部门推送，由系统管理员配置。</p>
      @if (message(); as m) {
        <p class="msg" role="status">{{ m }}</p>
      }
      <div>
        <button mat-flat-button type="submit" [disabled]="busy() || !loaded()" data-testid="pref-save">
          保存通知设置
        </button>
      </div>
    </form>
  `,
  styles: `
    .prefs {
      display: flex;
      flex-direction: column;
      gap: 12px;
      align-items: flex-start;
    }
    .muted {
      color: #5f6368;
      margin: 0;
      font-size: 13px;
    }
    .msg {
      font-weight: 600;
      margin: 0;
    }
    .error-text {
      color: #b3261e;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationSection implements OnInit {
  private readonly http = inject(HttpClient);
  protected readonly labels = CHANNEL_LABELS;
  protected readonly form = new FormGroup({
    inbox: new FormControl(true, { nonNullable: true }),
    email: new FormControl(true, { nonNullable: true }),
  });
  protected readonly loaded = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly message = signal<string | null>(null);

  ngOnInit(): void {
    firstValueFrom(this.http.get<ChannelPreferencesDto>('/api/notifications/preferences')).then(
      (prefs) => {
        this.form.reset(prefs);
        this.loaded.set(true);
      },
      (err: unknown) => this.error.set(errorMessage(err, '通知设置加载失败')),
    );
  }

  protected async save(): Promise<void> {
    this.busy.set(true);
    this.message.set(null);
    this.error.set(null);
    try {
      this.form.reset(
        await firstValueFrom(
          this.http.put<ChannelPreferencesDto>('/api/notifications/preferences', this.form.getRawValue()),
        ),
      );
      this.message.set('通知设置已保存');
    } catch (err) {
      this.error.set(errorMessage(err, '保存失败'));
    } finally {
      this.busy.set(false);
    }
  }
}
