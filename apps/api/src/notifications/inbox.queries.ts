import type { ChannelPreferencesDto } from '@duban/domain/contract';
import {
  categoryOfRule,
  inAppPath,
  inboxText,
  type DigestMode,
  type NotificationCategory,
  type NotificationDto,
} from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { categorySql } from './inbox-category.sql';
import { affectedRows } from './sql-result';

/** One inbox message as the inbox queries select it. */
export interface InboxMessageRow {
  id: string;
  task_id: string | null;
  task_title: string | null;
  rule: string;
  title: string;
  body: string;
  created_at: Date;
  read_at: Date | null;
}

/** The category expression on `n.rule`, computed once. */
export const CATEGORY_OF_N = categorySql('n.rule');

/**
 * The user's inbox messages as a CTE body (`$1` = user, `$2` = category or null, `$3` = unread only,
 * `$4` = task or null): read by the flat list and the task cards alike, so both filter the same way.
 */
export const INBOX_MESSAGES_SQL = `
  SELECT n.id, n.task_id, n.rule, n.title, n.body, n.sent_at AS created_at, d.read_at,
         ${CATEGORY_OF_N} AS category, coalesce(n.task_id, n.id) AS group_key
    FROM notification_deliveries d
    JOIN notifications n ON n.id = d.notification_id
   WHERE d.user_id = $1 AND d.channel = 'inbox'
     AND ($2::text IS NULL OR ${CATEGORY_OF_N} = $2::text)
     AND ($3::boolean IS NOT TRUE OR d.read_at IS NULL)
     AND ($4::uuid IS NULL OR n.task_id = $4::uuid)`;

export function inboxParameters(
  userId: string,
  filter: { category?: NotificationCategory; unread?: boolean; taskId?: string },
): unknown[] {
  return [userId, filter.category ?? null, filter.unread ?? false, filter.taskId ?? null];
}

export function toNotificationDto(row: InboxMessageRow, baseUrl: string): NotificationDto {
  return {
    id: row.id,
    task: row.task_id ? { id: row.task_id, title: row.task_title ?? '' } : null,
    rule: row.rule,
    category: categoryOfRule(row.rule),
    title: row.title,
    body: row.body,
    text: inboxText(row.body),
    appPath: row.task_id ? `/tasks/${row.task_id}` : inAppPath(row.body, baseUrl),
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
  };
}

export interface InboxFilter {
  unread?: boolean;
  category?: NotificationCategory;
  taskId?: string;
  page?: number;
  pageSize?: number;
}

export interface CardRow extends InboxMessageRow {
  group_key: string;
  messages: string;
  unread: string;
  categories: NotificationCategory[];
  total: string;
}

/** The person's own channels, as the contract has them. */
export type ChannelPreferences = ChannelPreferencesDto;

/** Every statement of the inbox (its rows are the notifications feature's own tables). */
@Injectable()
export class InboxQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A page of messages, newest first, with the filtered total and the task's title. */
  messages(userId: string, filter: InboxFilter, limit: number, offset: number) {
    return this.dataSource.query<(InboxMessageRow & { total: string })[]>(
      `WITH m AS (${INBOX_MESSAGES_SQL})
       SELECT m.*, t.title AS task_title, count(*) OVER () AS total
         FROM m LEFT JOIN tasks t ON t.id = m.task_id
        ORDER BY m.created_at DESC, m.id
        LIMIT $5 OFFSET $6`,
      [...inboxParameters(userId, filter), limit, offset],
    );
  }

  async countMessages(userId: string, filter: InboxFilter): Promise<number> {
    // The bell's poll (every 30 s per open tab): the deliveries' own index, no join.
    const [row] =
      !filter.category && !filter.taskId
        ? await this.dataSource.query<{ count: string }[]>(
            `SELECT count(*) FROM notification_deliveries
              WHERE user_id = $1 AND channel = 'inbox' AND ($2::boolean IS NOT TRUE OR read_at IS NULL)`,
            [userId, filter.unread ?? false],
          )
        : await this.dataSource.query<{ count: string }[]>(
            `SELECT count(*) FROM (${INBOX_MESSAGES_SQL}) m`,
            inboxParameters(userId, filter),
          );
    return Number(row.count);
  }

  /** One page of task cards: the groups, each with its latest message. */
  cards(userId: string, filter: InboxFilter, limit: number, offset: number) {
    return this.dataSource.query<CardRow[]>(
      `WITH m AS (${INBOX_MESSAGES_SQL}),
       g AS (
         SELECT group_key, max(created_at) AS latest_at, count(*) AS messages,
                count(*) FILTER (WHERE read_at IS NULL) AS unread,
                array_agg(DISTINCT category) AS categories,
                count(*) OVER () AS total
           FROM m GROUP BY group_key
          ORDER BY latest_at DESC, group_key
          LIMIT $5 OFFSET $6
       )
       SELECT g.group_key, g.messages, g.unread, g.categories, g.total, l.*
         FROM g CROSS JOIN LATERAL (
           SELECT m.id, m.task_id, m.rule, m.title, m.body, m.created_at, m.read_at
             FROM m WHERE m.group_key = g.group_key ORDER BY m.created_at DESC, m.id LIMIT 1
         ) l
        ORDER BY g.latest_at DESC, g.group_key`,
      [...inboxParameters(userId, filter), limit, offset],
    );
  }

  async countCards(userId: string, filter: InboxFilter): Promise<number> {
    const [row] = await this.dataSource.query<{ n: string }[]>(
      `SELECT count(DISTINCT group_key) AS n FROM (${INBOX_MESSAGES_SQL}) m`,
      inboxParameters(userId, filter),
    );
    return Number(row.n);
  }

  unreadByCategory(userId: string) {
    return this.dataSource.query<{ category: NotificationCategory; n: string }[]>(
      `SELECT ${CATEGORY_OF_N} AS category, count(*) AS n
         FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
        WHERE d.user_id = $1 AND d.channel = 'inbox' AND d.read_at IS NULL
        GROUP BY 1`,
      [userId],
    );
  }

  /** Rows affected (0: no such message of this user). */
  async markRead(userId: string, notificationId: string): Promise<number> {
    return affectedRows(
      await this.dataSource.query(
        `UPDATE notification_deliveries SET read_at = coalesce(read_at, now())
         WHERE user_id = $1 AND channel = 'inbox' AND notification_id = $2`,
        [userId, notificationId],
      ),
    );
  }

  /** `total`: the user's messages about the task; `updated`: those just marked read (within the tab). */
  async markTaskRead(
    userId: string,
    taskId: string,
    category: NotificationCategory | undefined,
  ): Promise<{ total: number; updated: number }> {
    const [row] = await this.dataSource.query<{ total: string; updated: string }[]>(
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
    return { total: Number(row.total), updated: Number(row.updated) };
  }

  async markAllRead(userId: string, category: NotificationCategory | undefined): Promise<number> {
    return affectedRows(
      await this.dataSource.query(
        `UPDATE notification_deliveries d SET read_at = now()
           FROM notifications n
          WHERE n.id = d.notification_id AND d.user_id = $1 AND d.channel = 'inbox' AND d.read_at IS NULL
            AND ($2::text IS NULL OR ${CATEGORY_OF_N} = $2::text)`,
        [userId, category ?? null],
      ),
    );
  }

  async preferences(
    userId: string,
  ): Promise<{ inbox: boolean; email: boolean; digest: DigestMode } | undefined> {
    const [row] = await this.dataSource.query<{ inbox: boolean; email: boolean; digest: DigestMode }[]>(
      'SELECT inbox, email, digest FROM notification_preferences WHERE user_id = $1',
      [userId],
    );
    return row;
  }

  async saveChannels(userId: string, next: ChannelPreferences): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO notification_preferences (user_id, inbox, email) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET inbox = EXCLUDED.inbox, email = EXCLUDED.email, updated_at = now()`,
      [userId, next.inbox, next.email],
    );
  }

  async saveDigest(userId: string, digest: DigestMode): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO notification_preferences (user_id, digest) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET digest = EXCLUDED.digest, updated_at = now()`,
      [userId, digest],
    );
  }
}
