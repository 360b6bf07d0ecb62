import {
  NOTIFICATION_CATEGORIES,
  type DigestMode,
  type InboxUnreadCountsDto,
  type NotificationCategory,
  type NotificationDto,
  type PageDto,
} from '@duban/domain';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { NotFoundError } from '../infra/http/domain-error';
import {
  CATEGORY_OF_N,
  INBOX_MESSAGES_SQL,
  inboxParameters,
  toNotificationDto,
  type InboxMessageRow,
} from './inbox-rows';
import { affectedRows } from './sql-result';

export interface ChannelPreferences {
  inbox: boolean;
  email: boolean;
}

export interface InboxFilter {
  unread?: boolean;
  category?: NotificationCategory;
  taskId?: string;
  page?: number;
  pageSize?: number;
}

/** The in-app inbox: a user's inbox deliveries, read state, channel and digest preferences. */
@Injectable()
export class NotificationInboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One row per message, newest first (optionally one tab, one task, unread only). */
  async list(userId: string, filter: InboxFilter): Promise<PageDto<NotificationDto>> {
    const page = filter.page ?? 1;
    const pageSize = filter.pageSize ?? 20;
    const rows: (InboxMessageRow & { total: string })[] = await this.dataSource.query(
      `WITH m AS (${INBOX_MESSAGES_SQL})
       SELECT m.*, t.title AS task_title, count(*) OVER () AS total
         FROM m LEFT JOIN tasks t ON t.id = m.task_id
        ORDER BY m.created_at DESC, m.id
        LIMIT $5 OFFSET $6`,
      [...inboxParameters(userId, filter), pageSize, (page - 1) * pageSize],
    );
    return {
      items: rows.map((r) => toNotificationDto(r, this.config.app.baseUrl)),
      total: rows.length > 0 ? Number(rows[0].total) : await this.count(userId, filter),
      page,
      pageSize,
    };
  }

  async unreadCount(userId: string): Promise<number> {
    return this.count(userId, { unread: true });
  }

  /** Unread messages per tab, for the badges (one pass over the user's unread rows). */
  async unreadCounts(userId: string): Promise<InboxUnreadCountsDto> {
    const rows: { category: NotificationCategory; n: string }[] = await this.dataSource.query(
      `SELECT ${CATEGORY_OF_N} AS category, count(*) AS n
         FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
        WHERE d.user_id = $1 AND d.channel = 'inbox' AND d.read_at IS NULL
        GROUP BY 1`,
      [userId],
    );
    const byCategory = Object.fromEntries(NOTIFICATION_CATEGORIES.map((c) => [c, 0])) as Record<
      NotificationCategory,
      number
    >;
    for (const row of rows) byCategory[row.category] = Number(row.n);
    return { total: Object.values(byCategory).reduce((a, b) => a + b, 0), byCategory };
  }

  async markRead(userId: string, notificationId: string): Promise<void> {
    const result: unknown = await this.dataSource.query(
      `UPDATE notification_deliveries SET read_at = coalesce(read_at, now())
       WHERE user_id = $1 AND channel = 'inbox' AND notification_id = $2`,
      [userId, notificationId],
    );
    if (affectedRows(result) === 0)
      throw new NotFoundError('NOTIFICATION_NOT_FOUND', '没有找到这条消息，可能已被删除或不属于您。');
  }

  /**
   * Every message of one task card, within a tab when one is given (a card shows the tab's messages);
   * 404 when the user has no message about that task at all.
   */
  async markTaskRead(userId: string, taskId: string, category?: NotificationCategory): Promise<number> {
    const [row]: { total: string; updated: string }[] = await this.dataSource.query(
      `WITH mine AS (
         SELECT d.id, d.read_at FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
          WHERE d.user_id = $1 AND d.channel = 'inbox' AND n.task_id = $2
       ), u AS (
         UPDATE notification_deliveries d SET read_at = now()
           FROM notifications n
          WHERE d.id IN (SELECT id FROM mine WHERE read_at IS NULL) AND n.id = d.notification_id
            AND ($3::text IS NULL OR ${CATEGORY_OF_N} = $3::text)
          RETURNING d.id
       )
       SELECT (SELECT count(*) FROM mine) AS total, (SELECT count(*) FROM u) AS updated`,
      [userId, taskId, category ?? null],
    );
    if (Number(row.total) === 0)
      throw new NotFoundError('NOTIFICATION_TASK_NOT_FOUND', '您的消息中没有关于这项任务的消息。');
    return Number(row.updated);
  }

  async markAllRead(userId: string, category?: NotificationCategory): Promise<number> {
    const result: unknown = await this.dataSource.query(
      `UPDATE notification_deliveries d SET read_at = now()
         FROM notifications n
        WHERE n.id = d.notification_id AND d.user_id = $1 AND d.channel = 'inbox' AND d.read_at IS NULL
          AND ($2::text IS NULL OR ${CATEGORY_OF_N} = $2::text)`,
      [userId, category ?? null],
    );
    return affectedRows(result);
  }

  async preferences(userId: string): Promise<ChannelPreferences> {
    const [row]: ChannelPreferences[] = await this.dataSource.query(
      'SELECT inbox, email FROM notification_preferences WHERE user_id = $1',
      [userId],
    );
    return row ?? { inbox: true, email: true };
  }

  async updatePreferences(userId: string, change: Partial<ChannelPreferences>): Promise<ChannelPreferences> {
    const current = await this.preferences(userId);
    const next = { inbox: change.inbox ?? current.inbox, email: change.email ?? current.email };
    await this.dataSource.query(
      `INSERT INTO notification_preferences (user_id, inbox, email) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET inbox = EXCLUDED.inbox, email = EXCLUDED.email, updated_at = now()`,
      [userId, next.inbox, next.email],
    );
    return next;
  }

  async digest(userId: string): Promise<DigestMode> {
    const [row]: { digest: DigestMode }[] = await this.dataSource.query(
      'SELECT digest FROM notification_preferences WHERE user_id = $1',
      [userId],
    );
    return row?.digest ?? 'none';
  }

  /** Applies to every 催办 e-mail not yet sent (DeliveryService reads it at send time). */
  async setDigest(userId: string, digest: DigestMode): Promise<DigestMode> {
    await this.dataSource.query(
      `INSERT INTO notification_preferences (user_id, digest) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET digest = EXCLUDED.digest, updated_at = now()`,
      [userId, digest],
    );
    return digest;
  }

  private async count(userId: string, filter: InboxFilter): Promise<number> {
    // The badge's poll (every 30 s per open tab): the deliveries' own index, no join.
    if (!filter.category && !filter.taskId) {
      const [row]: { count: string }[] = await this.dataSource.query(
        `SELECT count(*) FROM notification_deliveries
          WHERE user_id = $1 AND channel = 'inbox' AND ($2::boolean IS NOT TRUE OR read_at IS NULL)`,
        [userId, filter.unread ?? false],
      );
      return Number(row.count);
    }
    const [row]: { count: string }[] = await this.dataSource.query(
      `SELECT count(*) FROM (${INBOX_MESSAGES_SQL}) m`,
      inboxParameters(userId, filter),
    );
    return Number(row.count);
  }
}
