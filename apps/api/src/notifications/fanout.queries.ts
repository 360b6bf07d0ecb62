import type { DeliveryChannel } from './entities/notification-delivery.entity';
import type { SqlRunner } from './sql-result';
import { mainLeadSql } from '../tasks/main-lead.queries';

/**
 * The fan-out statements: reminders and task events become notification rows and their per-channel
 * delivery rows, each batch in ONE set-based statement guarded by the unique keys (a re-run inserts
 * nothing). The services build the rows and messages; the SQL lives here.
 */

/** One reminder's notification as the reminder fan-out inserts it. */
export interface ReminderNotificationInput {
  key: string;
  taskId: string;
  rule: string;
  recipientKind: string;
  departmentId: string | null;
  dueAt: string;
  title: string;
  body: string;
  /** The 承办人 who gets the 主办 lead's e-mail first, or null. */
  assigneeId: string | null;
}

export interface ReminderFanOutRow {
  key: string;
  notification_id: string;
  delivery_id: string | null;
  channel: DeliveryChannel | null;
}

/**
 * Many reminders' notifications with their delivery rows. One statement, so one implicit transaction:
 * every notification row with its delivery rows, or none of them; a conflict on a key inserts nothing for it.
 */
export function insertReminderNotifications(
  db: SqlRunner,
  rows: readonly ReminderNotificationInput[],
  options: { now: Date; email: boolean },
): Promise<ReminderFanOutRow[]> {
  return db.query(
    `WITH i AS (
         SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::timestamptz[], $7::text[], $8::text[])
           AS i(key, task_id, rule, recipient_kind, department_id, due_at, title, body)
       ), a AS (
         SELECT * FROM unnest($1::text[], $11::uuid[]) AS a(key, assignee_id)
       ), n AS (
         INSERT INTO notifications (key, task_id, rule, recipient_kind, department_id, due_at, sent_at, title, body)
         SELECT key, task_id, rule, recipient_kind, department_id, due_at, $9::timestamptz, title, body FROM i
         ON CONFLICT ON CONSTRAINT "UQ_notifications_key" DO NOTHING RETURNING id, key, department_id
       ), r AS (
         SELECT n.id AS notification_id, n.key, u.id, u.email,
                coalesce(p.inbox, true) AS inbox_on, coalesce(p.email, true) AS email_on,
                -- A reminder to the 主办 lead with a 承办人 who can receive e-mail goes by e-mail to that
                -- officer alone; everyone in the department still has it in the inbox.
                (a.assignee_id IS NULL OR u.id = a.assignee_id OR NOT EXISTS (
                   SELECT 1 FROM users au LEFT JOIN notification_preferences ap ON ap.user_id = au.id
                    WHERE au.id = a.assignee_id AND au.active AND au.role = 'officer'
                      AND au.department_id = n.department_id AND coalesce(ap.email, true)
                      AND coalesce(au.email, '') <> '')) AS email_first
         FROM n JOIN a ON a.key = n.key JOIN users u ON u.active AND (CASE WHEN n.department_id IS NULL THEN u.role = 'supervisor'
                                                   ELSE u.role = 'officer' AND u.department_id = n.department_id END)
         LEFT JOIN notification_preferences p ON p.user_id = u.id
       ), d AS (
         INSERT INTO notification_deliveries (notification_id, channel, dedupe_key, user_id, webhook_id, target, status, sent_at)
         SELECT r.notification_id, 'inbox', r.key || ':inbox:' || r.id, r.id, NULL::uuid, NULL::text, 'sent', $9::timestamptz
           FROM r WHERE r.inbox_on
         UNION ALL
         SELECT r.notification_id, 'email', r.key || ':email:' || r.id, r.id, NULL, r.email, 'pending', NULL FROM r
           WHERE $10::boolean AND r.email_on AND r.email_first AND coalesce(r.email, '') <> ''
         UNION ALL
         SELECT n.id, 'webhook', n.key || ':webhook:' || w.id, NULL, w.id, w.url, 'pending', NULL
           FROM n JOIN department_webhooks w ON w.enabled AND w.department_id = n.department_id
         RETURNING id, notification_id, channel
       )
       SELECT n.key, n.id AS notification_id, d.id AS delivery_id, d.channel
       FROM n LEFT JOIN d ON d.notification_id = n.id`,
    [
      rows.map((r) => r.key),
      rows.map((r) => r.taskId),
      rows.map((r) => r.rule),
      rows.map((r) => r.recipientKind),
      rows.map((r) => r.departmentId),
      rows.map((r) => r.dueAt),
      rows.map((r) => r.title),
      rows.map((r) => r.body),
      options.now,
      options.email,
      rows.map((r) => r.assigneeId),
    ],
  );
}

/** One event's notification to one recipient, flattened for the statement. */
export interface EventNotificationInput {
  key: string;
  eventId: string;
  taskId: string;
  rule: string;
  recipientKind: string;
  departmentId: string | null;
  userId: string | null;
  title: string;
  body: string;
}

/** A delivery row inserted (null id and channel: none was), with the count of notifications inserted. */
export interface EventFanOutRow {
  id: string | null;
  channel: DeliveryChannel | null;
  n: number;
}

/**
 * A batch of events' notifications and their delivery rows in ONE statement, in the caller's transaction.
 * Recipient joins are equi-joins, so 50,000 rows stay one hash join.
 */
export function insertEventNotificationRows(
  db: SqlRunner,
  rows: readonly EventNotificationInput[],
  options: { now: Date; email: boolean },
): Promise<EventFanOutRow[]> {
  return db.query<EventFanOutRow[]>(
    `WITH i AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::uuid[], $7::uuid[], $8::text[], $9::text[])
         AS i(key, event_id, task_id, rule, recipient_kind, department_id, user_id, title, body)
     ), n AS (
       INSERT INTO notifications (key, task_id, rule, recipient_kind, department_id, user_id, due_at, sent_at, title, body)
       SELECT key, task_id, rule, recipient_kind, department_id, user_id, $10::timestamptz, $10::timestamptz, title, body FROM i
       ON CONFLICT ON CONSTRAINT "UQ_notifications_key" DO NOTHING
       RETURNING id, key, recipient_kind, department_id, user_id
     ), ne AS (
       SELECT n.*, i.event_id FROM n JOIN i ON i.key = n.key
     ), people AS (
       SELECT ne.id AS notification_id, ne.event_id, ne.key, u.id AS user_id, u.email
         FROM ne JOIN users u ON u.department_id = ne.department_id AND u.role = 'officer' AND u.active
        WHERE ne.recipient_kind = 'department'
       UNION ALL
       SELECT ne.id, ne.event_id, ne.key, u.id, u.email
         FROM ne JOIN users u ON u.role = 'supervisor' AND u.active
        WHERE ne.recipient_kind = 'supervisors'
       UNION ALL
       SELECT ne.id, ne.event_id, ne.key, u.id, u.email
         FROM ne JOIN users u ON u.id = ne.user_id AND u.active
        WHERE ne.recipient_kind = 'user'
     ), r AS (
       -- One row per (event, person): someone reached twice by one event hears of it once.
       SELECT DISTINCT ON (people.event_id, people.user_id) people.*,
              coalesce(p.inbox, true) AS inbox_on, coalesce(p.email, true) AS email_on
         FROM people LEFT JOIN notification_preferences p ON p.user_id = people.user_id
        ORDER BY people.event_id, people.user_id, people.key
     ), d AS (
       INSERT INTO notification_deliveries (notification_id, channel, dedupe_key, user_id, webhook_id, target, status, sent_at)
       SELECT r.notification_id, 'inbox', 'event:' || r.event_id || ':inbox:' || r.user_id, r.user_id, NULL::uuid, NULL::text,
              'sent', $10::timestamptz
         FROM r WHERE r.inbox_on
       UNION ALL
       SELECT r.notification_id, 'email', 'event:' || r.event_id || ':email:' || r.user_id, r.user_id, NULL, r.email,
              'pending', NULL
         FROM r WHERE $11::boolean AND r.email_on AND coalesce(r.email, '') <> ''
       UNION ALL
       SELECT ne.id, 'webhook', 'event:' || ne.event_id || ':webhook:' || w.id, NULL, w.id, w.url, 'pending', NULL
         FROM ne JOIN department_webhooks w ON w.enabled AND w.department_id = ne.department_id
        WHERE ne.recipient_kind = 'department'
       ON CONFLICT ON CONSTRAINT "UQ_notification_deliveries_dedupe_key" DO NOTHING
       RETURNING id, channel
     )
     SELECT d.id, d.channel, (SELECT count(*)::int FROM n) AS n FROM d
     UNION ALL
     SELECT NULL, NULL, (SELECT count(*)::int FROM n) WHERE NOT EXISTS (SELECT 1 FROM d)`,
    [
      rows.map((r) => r.key),
      rows.map((r) => r.eventId),
      rows.map((r) => r.taskId),
      rows.map((r) => r.rule),
      rows.map((r) => r.recipientKind),
      rows.map((r) => r.departmentId),
      rows.map((r) => r.userId),
      rows.map((r) => r.title),
      rows.map((r) => r.body),
      options.now,
      options.email,
    ],
  );
}

export interface EventTaskRow {
  id: string;
  title: string;
  deadline: string | null;
  document_title: string | null;
  lead_ids: string[];
  participant_ids: string[];
  main_lead_id: string | null;
}

/** What the event recipient rules and messages need of each task, in one query. */
export function eventTasks(db: SqlRunner, taskIds: readonly string[]): Promise<EventTaskRow[]> {
  return db.query<EventTaskRow[]>(
    `SELECT t.id::text AS id, t.title, to_char(t.deadline, 'YYYY-MM-DD') AS deadline, d.title AS document_title,
              coalesce(array_agg(a.department_id::text ORDER BY a.position) FILTER (WHERE a.role = 'lead'), '{}') AS lead_ids,
              coalesce(array_agg(a.department_id::text ORDER BY a.position) FILTER (WHERE a.role = 'participant'), '{}')
                AS participant_ids,
              ${mainLeadSql('t.id')}::text AS main_lead_id
         FROM tasks t
         LEFT JOIN policy_documents d ON d.id = t.document_id
         LEFT JOIN task_assignments a ON a.task_id = t.id
        WHERE t.id = ANY($1::uuid[])
        GROUP BY t.id, d.title`,
    [[...new Set(taskIds)]],
  );
}

/** Department names by id (the messages name departments). */
export async function departmentNames(
  db: SqlRunner,
  ids: readonly string[],
): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return db.query<{ id: string; name: string }[]>(
    'SELECT id::text AS id, name FROM departments WHERE id = ANY($1::uuid[])',
    [ids],
  );
}

/** Which of `keys` already have a notification row (a reminder sent is never scheduled again). */
export async function existingNotificationKeys(db: SqlRunner, keys: readonly string[]): Promise<string[]> {
  const rows: { key: string }[] = await db.query(
    'SELECT key FROM notifications WHERE key = ANY($1::text[])',
    [keys],
  );
  return rows.map((r) => r.key);
}
