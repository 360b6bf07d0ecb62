import {
  NOTIFICATION_CATEGORIES,
  type DigestMode,
  type InboxUnreadCountsDto,
  type NotificationCategory,
  type NotificationDto,
  type PageDto,
} from '@duban/domain';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { notificationErrors } from './notifications.errors';
import { InboxQueries, toNotificationDto, type ChannelPreferences, type InboxFilter } from './inbox.queries';

export type { ChannelPreferences, InboxFilter } from './inbox.queries';

/** The in-app inbox: a user's inbox deliveries, read state, channel and digest preferences. */
@Injectable()
export class NotificationInboxService {
  constructor(
    private readonly queries: InboxQueries,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One row per message, newest first (optionally one tab, one task, unread only). */
  async list(userId: string, filter: InboxFilter): Promise<PageDto<NotificationDto>> {
    const page = filter.page ?? 1;
    const pageSize = filter.pageSize ?? 20;
    const rows = await this.queries.messages(userId, filter, pageSize, (page - 1) * pageSize);
    return {
      items: rows.map((r) => toNotificationDto(r, this.config.app.baseUrl)),
      total: rows.length > 0 ? Number(rows[0].total) : await this.queries.countMessages(userId, filter),
      page,
      pageSize,
    };
  }

  unreadCount(userId: string): Promise<number> {
    return this.queries.countMessages(userId, { unread: true });
  }

  /** Unread messages per tab, for the badges (one pass over the user's unread rows). */
  async unreadCounts(userId: string): Promise<InboxUnreadCountsDto> {
    const rows = await this.queries.unreadByCategory(userId);
    const byCategory = Object.fromEntries(NOTIFICATION_CATEGORIES.map((c) => [c, 0])) as Record<
      NotificationCategory,
      number
    >;
    for (const row of rows) byCategory[row.category] = Number(row.n);
    return { total: Object.values(byCategory).reduce((a, b) => a + b, 0), byCategory };
  }

  async markRead(userId: string, notificationId: string): Promise<void> {
    if ((await this.queries.markRead(userId, notificationId)) === 0)
      throw notificationErrors.notificationNotFound();
  }

  /**
   * Every message of one task card, within a tab when one is given (a card shows the tab's messages);
   * 404 when the user has no message about that task at all.
   */
  async markTaskRead(userId: string, taskId: string, category?: NotificationCategory): Promise<number> {
    const { total, updated } = await this.queries.markTaskRead(userId, taskId, category);
    if (total === 0) throw notificationErrors.notificationTaskNotFound();
    return updated;
  }

  markAllRead(userId: string, category?: NotificationCategory): Promise<number> {
    return this.queries.markAllRead(userId, category);
  }

  async preferences(userId: string): Promise<ChannelPreferences> {
    const row = await this.queries.preferences(userId);
    return row ? { inbox: row.inbox, email: row.email } : { inbox: true, email: true };
  }

  async updatePreferences(userId: string, change: Partial<ChannelPreferences>): Promise<ChannelPreferences> {
    const current = await this.preferences(userId);
    const next = { inbox: change.inbox ?? current.inbox, email: change.email ?? current.email };
    await this.queries.saveChannels(userId, next);
    return next;
  }

  async digest(userId: string): Promise<DigestMode> {
    return (await this.queries.preferences(userId))?.digest ?? 'none';
  }

  /** Applies to every 催办 e-mail not yet sent (DeliveryService reads it at send time). */
  async setDigest(userId: string, digest: DigestMode): Promise<DigestMode> {
    await this.queries.saveDigest(userId, digest);
    return digest;
  }
}
