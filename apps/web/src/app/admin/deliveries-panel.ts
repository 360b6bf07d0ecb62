import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import {
  CHANNEL_LABELS,
  type DeliveryDto,
  type DeliveryListDto,
  type ReminderSystemDto,
} from '@duban/domain/contract';
import { firstValueFrom } from 'rxjs';
import { errorMessage } from '../core/api-error';

/** Admins: the reminder system's state (workers, last reconcile, problems) and abandoned deliveries with 重新发送. */
@Component({
  selector: 'db-deliveries-panel',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (error()) {
      <p class="error" role="alert">{{ error() }}</p>
    }
    @if (system(); as s) {
      <section aria-label="提醒系统状态">
        @if (s.problems.length === 0) {
          <p>运行正常：{{ s.workers.length }} 个 worker 在线。</p>
        } @else {
          <ul class="error">
            @for (p of s.problems; track p.code) {
              <li>{{ p.reason }}（{{ p.code }}）</li>
            }
          </ul>
        }
        <p>
          待发送 {{ s.deliveries.pending }}，重试中 {{ s.deliveries.failed }}，已放弃
          {{ s.deliveries.abandoned }}； 上次核对：{{ s.lastReconcile ? s.lastReconcile.at : '无记录' }}
        </p>
      </section>
    }
    <h3>已放弃的投递</h3>
    @for (d of abandoned(); track d.id) {
      <div class="row">
        <span
          >{{ channelLabels[d.channel] }} → {{ d.target }}：{{ d.notificationTitle }}（{{ d.attempts }} 次，{{
            d.lastError
          }}）</span
        >
        <button mat-stroked-button type="button" (click)="resend(d.id)">重新发送</button>
      </div>
    } @empty {
      <p>没有已放弃的投递。</p>
    }
  `,
})
export class DeliveriesPanel implements OnInit {
  private readonly http = inject(HttpClient);
  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly system = signal<ReminderSystemDto | null>(null);
  protected readonly abandoned = signal<DeliveryDto[]>([]);
  protected readonly error = signal<string | null>(null);

  ngOnInit(): void {
    void this.load();
  }

  async load(): Promise<void> {
    try {
      const [system, list] = await Promise.all([
        firstValueFrom(this.http.get<ReminderSystemDto>('/api/admin/reminder-system')),
        firstValueFrom(
          this.http.get<DeliveryListDto>('/api/admin/deliveries', { params: { status: 'abandoned' } }),
        ),
      ]);
      this.system.set(system);
      this.abandoned.set(list.items);
      this.error.set(null);
    } catch (err) {
      this.error.set(errorMessage(err, '提醒系统状态加载失败'));
    }
  }

  async resend(id: string): Promise<void> {
    try {
      await firstValueFrom(this.http.post(`/api/admin/deliveries/${id}/resend`, {}));
      await this.load();
    } catch (err) {
      this.error.set(errorMessage(err, '重新发送失败'));
    }
  }
}
