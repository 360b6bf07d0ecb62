import type { NotificationDto, PageDto } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NotFoundError } from '../infra/http/domain-error';
import { affectedRows } from './sql-result';

interface InboxRow {
  id: string;
  task_id: string | null;
  task_title: string | null;
  rule: string;
  title: string;
  body: string;
  created_at: Date;
  read_at: Date | null;
  total: string;
}

export interface ChannelPreferences {
  inbox: boolean;
  email: boolean;
}

/** The in-app inbox: a user's inbox deliveries, read state and channel preferences. */
@Injectable()
export class NotificationInboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(
    userId: string,
    options: { unread?: boolean; page?: number; pageSize?: number },
  ): Promise<PageDto<NotificationDto>> {
    const page = options.page ?? 1;
    const pageSize = options.pageSize ?? 20;
    const rows: InboxRow[] = await this.dataSource.query(
      `SELECT n.id, n.task_id, t.title AS task_title, n.rule, n.title, n.body, n.sent_at AS created_at, d.read_at,
              count(*) OVER () AS total
       FROM notification_deliveries d
       JOIN notifications n ON n.id = d.notification_id
       LEFT JOIN tasks t ON t.id = n.task_id
       WHERE d.user_id = $1 AND d.channel = 'inbox' AND ($2::boolean IS NOT TRUE OR d.read_at IS NULL)
       ORDER BY n.sent_at DESC, n.id
       LIMIT $3 OFFSET $4`,
      [userId, options.unread ?? false, pageSize, (page - 1) * pageSize],
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        task: r.task_id ? { id: r.task_id, title: r.task_title ?? '' } : null,
        rule: r.rule,
        title: r.title,
        body: r.body,
        createdAt: r.created_at.toISOString(),
        readAt: r.read_at ? r.read_at.toISOString() : null,
      })),
      total: rows.length > 0 ? Number(rows[0].total) : await this.count(userId, options.unread ?? false),
      page,
      pageSize,
    };
  }

  async unreadCount(userId: string): Promise<number> {
    return this.count(userId, true);
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

  async markAllRead(userId: string): Promise<number> {
    const result: unknown = await this.dataSource.query(
      `UPDATE notification_deliveries SET read_at = now() WHERE user_id = $1 AND channel = 'inbox' AND read_at IS NULL`,
      [userId],
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

  private async count(userId: string, unread: boolean): Promise<number> {
    const [row]: { count: string }[] = await this.dataSource.query(
      `SELECT count(*) FROM notification_deliveries WHERE user_id = $1 AND channel = 'inbox' AND ($2::boolean IS NOT TRUE OR read_at IS NULL)`,
      [userId, unread],
    );
    return Number(row.count);
  }
}
