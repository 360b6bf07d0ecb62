import { HttpClient } from '@angular/common/http';
import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import type {
  DigestMode,
  DigestPreferenceDto,
  InboxTaskCardDto,
  InboxUnreadCountsDto,
  NotificationCategory,
  NotificationDto,
  PageDto,
} from '@duban/domain/contract';
import { firstValueFrom } from 'rxjs';
import { errorMessage } from '../../core/api-error';

const POLL_MS = 30_000;
export const INBOX_PAGE_SIZE = 20;

/** A card's opened history: its messages, or loading / the error that stopped it. */
export interface CardHistory {
  loading: boolean;
  items: NotificationDto[];
  error: string | null;
}

/**
 * The inbox feature's one store: the unread count behind the bell (polled every 30 s and on window
 * focus), the inbox page's task cards for the chosen tab with each tab's unread count, the opened
 * cards' histories, and the user's digest choice.
 */
@Injectable({ providedIn: 'root' })
export class NotificationsStore {
  private readonly http = inject(HttpClient);
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly onFocus = (): void => void this.refreshCount();

  readonly unread = signal(0);
  /** null = 全部. */
  readonly category = signal<NotificationCategory | null>(null);
  readonly cards = signal<InboxTaskCardDto[]>([]);
  readonly total = signal(0);
  readonly page = signal(1);
  readonly counts = signal<InboxUnreadCountsDto | null>(null);
  readonly histories = signal<Record<string, CardHistory>>({});
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  readonly digest = signal<DigestMode | null>(null);
  readonly digestError = signal<string | null>(null);

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

  /** The tab badges (and the bell, which they add up to). */
  async refreshCounts(): Promise<void> {
    try {
      const counts = await firstValueFrom(
        this.http.get<InboxUnreadCountsDto>('/api/notifications/unread-counts'),
      );
      this.counts.set(counts);
      this.unread.set(counts.total);
    } catch {
      // The badges keep their last figures; the cards say if the inbox itself failed.
    }
  }

  /** One page of task cards of the current tab; opened histories are closed (their cards may be gone). */
  async load(page = this.page()): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    const category = this.category();
    try {
      const [res] = await Promise.all([
        firstValueFrom(
          this.http.get<PageDto<InboxTaskCardDto>>('/api/notifications', {
            params: { groupBy: 'task', page, pageSize: INBOX_PAGE_SIZE, ...(category ? { category } : {}) },
          }),
        ),
        this.refreshCounts(),
      ]);
      this.cards.set(res.items);
      this.total.set(res.total);
      this.page.set(res.page);
      this.histories.set({});
    } catch (err) {
      this.error.set(errorMessage(err, '消息加载失败'));
    } finally {
      this.loading.set(false);
    }
  }

  async selectCategory(category: NotificationCategory | null): Promise<void> {
    if (category === this.category() && this.cards().length > 0) return;
    this.category.set(category);
    await this.load(1);
  }

  /** Opens or closes a task card's history (the messages of that task within the current tab). */
  async toggleHistory(card: InboxTaskCardDto): Promise<void> {
    const open = this.histories();
    if (open[card.key]) {
      const rest = { ...open };
      delete rest[card.key];
      this.histories.set(rest);
      return;
    }
    if (!card.task) return;
    this.setHistory(card.key, { loading: true, items: [], error: null });
    const category = this.category();
    try {
      const res = await firstValueFrom(
        this.http.get<PageDto<NotificationDto>>('/api/notifications', {
          params: { taskId: card.task.id, pageSize: 100, ...(category ? { category } : {}) },
        }),
      );
      this.setHistory(card.key, { loading: false, items: res.items, error: null });
    } catch (err) {
      this.setHistory(card.key, { loading: false, items: [], error: errorMessage(err, '历史消息加载失败') });
    }
  }

  /** One message read: its card's unread count, its history row and the badges follow. */
  async markRead(id: string): Promise<void> {
    await firstValueFrom(this.http.post(`/api/notifications/${id}/read`, {}));
    const now = new Date().toISOString();
    const wasUnread = (n: NotificationDto): boolean => n.id === id && !n.readAt;
    this.cards.update((cards) =>
      cards.map((c) => {
        const inHistory = this.histories()[c.key]?.items.some(wasUnread) ?? false;
        const latest = wasUnread(c.latest);
        if (!latest && !inHistory) return c;
        return {
          ...c,
          unread: Math.max(0, c.unread - 1),
          latest: latest ? { ...c.latest, readAt: now } : c.latest,
        };
      }),
    );
    this.histories.update((all) =>
      Object.fromEntries(
        Object.entries(all).map(([key, h]) => [
          key,
          { ...h, items: h.items.map((n) => (wasUnread(n) ? { ...n, readAt: now } : n)) },
        ]),
      ),
    );
    this.unread.update((c) => Math.max(0, c - 1));
    await this.refreshCounts();
  }

  /** Every message of a card read: a task's card shows the current tab's messages, and those are read. */
  async markCardRead(card: InboxTaskCardDto): Promise<void> {
    if (!card.task) {
      if (!card.latest.readAt) await this.markRead(card.latest.id);
      return;
    }
    const category = this.category();
    await firstValueFrom(
      this.http.post(
        `/api/notifications/tasks/${card.task.id}/read`,
        {},
        { params: category ? { category } : {} },
      ),
    );
    const now = new Date().toISOString();
    this.cards.update((cards) =>
      cards.map((c) =>
        c.key === card.key ? { ...c, unread: 0, latest: { ...c.latest, readAt: c.latest.readAt ?? now } } : c,
      ),
    );
    this.histories.update((all) =>
      all[card.key]
        ? {
            ...all,
            [card.key]: {
              ...all[card.key],
              items: all[card.key].items.map((n) => ({ ...n, readAt: n.readAt ?? now })),
            },
          }
        : all,
    );
    await this.refreshCounts();
  }

  /** All read, within the current tab (全部: everything). */
  async markAllRead(): Promise<void> {
    const category = this.category();
    await firstValueFrom(
      this.http.post('/api/notifications/read-all', {}, { params: category ? { category } : {} }),
    );
    await this.load(this.page());
  }

  async loadDigest(): Promise<void> {
    this.digestError.set(null);
    try {
      const res = await firstValueFrom(this.http.get<DigestPreferenceDto>('/api/me/digest'));
      this.digest.set(res.digest);
    } catch (err) {
      this.digestError.set(errorMessage(err, '汇总设置加载失败'));
    }
  }

  /** Saves the choice; on failure the previous choice is shown again with the reason. */
  async setDigest(digest: DigestMode): Promise<boolean> {
    const before = this.digest();
    this.digest.set(digest);
    this.digestError.set(null);
    try {
      const res = await firstValueFrom(this.http.put<DigestPreferenceDto>('/api/me/digest', { digest }));
      this.digest.set(res.digest);
      return true;
    } catch (err) {
      this.digest.set(before);
      this.digestError.set(errorMessage(err, '汇总设置保存失败'));
      return false;
    }
  }

  private setHistory(key: string, history: CardHistory): void {
    this.histories.update((all) => ({ ...all, [key]: history }));
  }
}
