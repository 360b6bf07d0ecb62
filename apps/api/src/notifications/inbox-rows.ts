import {
  categoryOfRule,
  inAppPath,
  inboxText,
  type NotificationCategory,
  type NotificationDto,
} from '@duban/domain';
import { categorySql } from './inbox-category.sql';

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
