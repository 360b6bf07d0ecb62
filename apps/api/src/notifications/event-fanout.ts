import type { EntityManager } from 'typeorm';
import type { JobName } from '../infra/queue/queue.catalogue';
import type { JobRequest } from '../infra/queue/queue.service';
import { deliveryJob } from './delivery-recovery.service';
import type { DeliveryChannel } from './entities/notification-delivery.entity';
import type { EventRecipient } from './event-recipients';

/** One event's notification to one recipient, as the fan-out writes it. */
export interface EventNotificationRow {
  /** `event:<event id>:<recipient>` (unique). */
  key: string;
  eventId: string;
  taskId: string;
  rule: string;
  recipient: EventRecipient;
  title: string;
  body: string;
}

export interface EventFanOutResult {
  notifications: number;
  deliveries: Record<DeliveryChannel, number>;
  /** E-mail and webhook jobs to enqueue once the transaction committed. */
  jobs: JobRequest<JobName>[];
}

/**
 * Writes the notifications of a batch of events and their delivery rows in ONE statement, in the caller's
 * transaction (the one that marks the events processed). Per event, each user gets one row per channel
 * (inbox, e-mail: `event:<id>:<channel>:<user>`; webhooks: `event:<id>:webhook:<webhook>`), also when two
 * recipients of the event include them: keys are unique and conflicts insert nothing, so a re-run of a
 * batch (a killed worker's) adds nothing. Recipient joins are equi-joins, so 50,000 rows stay one hash join.
 */
export async function insertEventNotifications(
  manager: EntityManager,
  rows: readonly EventNotificationRow[],
  options: { now: Date; email: boolean },
): Promise<EventFanOutResult> {
  const result: EventFanOutResult = {
    notifications: 0,
    deliveries: { inbox: 0, email: 0, webhook: 0 },
    jobs: [],
  };
  if (rows.length === 0) return result;
  const inserted = await manager.query<{ id: string | null; channel: DeliveryChannel | null; n: number }[]>(
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
      rows.map((r) => r.recipient.kind),
      rows.map((r) => (r.recipient.kind === 'department' ? r.recipient.departmentId : null)),
      rows.map((r) => (r.recipient.kind === 'user' ? r.recipient.userId : null)),
      rows.map((r) => r.title),
      rows.map((r) => r.body),
      options.now,
      options.email,
    ],
  );
  for (const row of inserted) {
    result.notifications = row.n;
    if (!row.id || !row.channel) continue;
    result.deliveries[row.channel] += 1;
    if (row.channel !== 'inbox') result.jobs.push(deliveryJob(row.channel, row.id));
  }
  return result;
}
