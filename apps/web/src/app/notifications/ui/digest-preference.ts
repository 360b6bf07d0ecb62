import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { MatRadioModule } from '@angular/material/radio';
import { DIGEST_MODE_LABELS, DIGEST_MODES, type DigestMode } from '@duban/domain/contract';
import { NotificationsStore } from '../data-access/notifications.store';

/**
 * 催办邮件的接收方式 (逐条 / 每日汇总), for the 个人设置 page: standalone, loads and saves the signed-in
 * user's choice itself (GET/PUT /api/me/digest). The inbox gets every message at once either way.
 */
@Component({
  selector: 'db-digest-preference',
  imports: [MatRadioModule],
  template: `
    <fieldset class="digest">
      <legend>催办邮件接收方式</legend>
      @if (store.digest(); as current) {
        <mat-radio-group [value]="current" (change)="save($event.value)" aria-label="催办邮件接收方式">
          @for (mode of modes; track mode) {
            <mat-radio-button [value]="mode">{{ labels[mode] }}</mat-radio-button>
          }
        </mat-radio-group>
      }
      <p class="muted hint">
        选择「每日汇总」后，催办类邮件每天 08:30 合并为一封发送，列出涉及的每项任务；站内消息仍即时送达。
      </p>
      @if (saved()) {
        <p class="feedback ok" role="status">已保存</p>
      }
      @if (store.digestError(); as e) {
        <p class="error-text" role="alert">{{ e }}</p>
      }
    </fieldset>
  `,
  styles: `
    .digest {
      border: 0;
      margin: 0;
      padding: 0;
    }
    legend {
      font-weight: 600;
      margin-bottom: 4px;
    }
    mat-radio-group {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
    }
    .hint {
      font-size: 13px;
      line-height: 1.6;
      margin: 4px 0 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DigestPreferenceComponent implements OnInit {
  protected readonly store = inject(NotificationsStore);
  protected readonly modes = DIGEST_MODES;
  protected readonly labels = DIGEST_MODE_LABELS;
  protected readonly saved = signal(false);

  ngOnInit(): void {
    void this.store.loadDigest();
  }

  protected async save(mode: DigestMode): Promise<void> {
    this.saved.set(false);
    this.saved.set(await this.store.setDigest(mode));
  }
}
