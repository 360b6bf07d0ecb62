import type { EntityManager } from 'typeorm';

/**
 * A notice that is not about one task (the monthly 督查通报) put into the 督查室's inboxes: the notifications
 * feature's own statement, which other features (bulletins) call.
 */
type Sql = Pick<EntityManager, 'query'>;

/** Every active supervisor who keeps the inbox on gets the notice (notification and deliveries in one statement). */
const SUPERVISOR_NOTICE_SQL = `
WITH n AS (
  INSERT INTO notifications (key, task_id, rule, recipient_kind, department_id, due_at, sent_at, title, body)
  VALUES ($1, NULL, $5, 'supervisors', NULL, $2, $2, $3, $4)
  ON CONFLICT ON CONSTRAINT "UQ_notifications_key" DO NOTHING RETURNING id
), r AS (
  SELECT u.id FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id
   WHERE u.active AND u.role = 'supervisor' AND coalesce(p.inbox, true)
)
INSERT INTO notification_deliveries (notification_id, channel, dedupe_key, user_id, status, sent_at)
SELECT n.id, 'inbox', $1 || ':inbox:' || r.id, r.id, 'sent', $2::timestamptz FROM n, r
RETURNING id`;

/**
 * Puts a notice into every supervisor's inbox once (`key` makes a repeat a no-op), as a notification of
 * rule `rule`. Returns the deliveries written.
 */
export function notifySupervisors(
  db: Sql,
  notice: { key: string; rule: string; at: Date; title: string; body: string },
): Promise<{ id: string }[]> {
  return db.query<{ id: string }[]>(SUPERVISOR_NOTICE_SQL, [
    notice.key,
    notice.at,
    notice.title,
    notice.body,
    notice.rule,
  ]);
}
