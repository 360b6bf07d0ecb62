import { HttpClient } from '@angular/common/http';
import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import type { NotificationDto, PageDto } from '@duban/domain';
import { firstValueFrom } from 'rxjs';
import { errorMessage } from '../../core/api-error';

const POLL_MS = 30_000;

/** Unread count polled every 30 s and on window focus, plus the inbox page. */
@Injectable({ providedIn: 'root' })
export class NotificationsStore {
  private readonly http = inject(HttpClient);
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly onFocus = (): void => void this.refreshCount();

  readonly unread = signal(0);
  readonly items = signal<NotificationDto[]>([]);
  readonly total = signal(0);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);

  /** Starts polling for the lifetime of the caller (the shell). */
  startPolling(destroyRef: DestroyRef): void {
    this.stopPolling();
    void this.refreshCount();
    this.timer = setInterval(() => void this.refreshCount(), POLL_MS);
    window.addEventListener('focus', this.onFocus);
    destroyRef.onDestroy(() => this.stopPolling());
  }

  stopPolling(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    window.removeEventListener('focus', this.onFocus);
  }

  async refreshCount(): Promise<void> {
    try {
      const res = await firstValueFrom(this.http.get<{ count: number }>('/api/notifications/unread-count'));
      this.unread.set(res.count);
    } catch {
      // A missed poll is harmless; the next one retries.
    }
  }

  async load(page = 1, pageSize = 50): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const res = await firstValueFrom(
        this.http.get<PageDto<NotificationDto>>('/api/notifications', { params: { page, pageSize } }),
      );
      this.items.set(res.items);
      this.total.set(res.total);
    } catch (err) {
      this.error.set(errorMessage(err, '消息加载失败'));
    } finally {
      this.loading.set(false);
    }
  }

  async markRead(id: string): Promise<void> {
    await firstValueFrom(this.http.post(`/api/notifications/${id}/read`, {}));
    const now = new Date().toISOString();
    this.items.update((list) => list.map((n) => (n.id === id && !n.readAt ? { ...n, readAt: now } : n)));
    this.unread.update((c) => Math.max(0, c - 1));
  }

  async markAllRead(): Promise<void> {
    await firstValueFrom(this.http.post('/api/notifications/read-all', {}));
    const now = new Date().toISOString();
    this.items.update((list) => list.map((n) => (n.readAt ? n : { ...n, readAt: now })));
    this.unread.set(0);
  }
}
