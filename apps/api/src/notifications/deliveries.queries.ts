import type { DigestMode } from '@duban/domain';
import type { DeliveryChannel, DeliveryStatus } from './entities/notification-delivery.entity';
import { affectedRows, type SqlRunner } from './sql-result';

/** One e-mail or webhook delivery with what sending it needs (its notification, webhook, task, digest choice). */
export interface DeliveryRow {
  id: string;
  /** The recipient's digest choice (e-mail rows of a user; 'none' otherwise). */
  digest: DigestMode;
  channel: 'inbox' | 'email' | 'webhook';
  status: DeliveryStatus;
  attempts: number;
  dedupe_key: string;
  target: string | null;
  secret: string | null;
  webhook_enabled: boolean | null;
  key: string;
  rule: string;
  title: string;
  body: string;
  due_at: Date;
  sent_at: Date;
  task_id: string | null;
  task_title: string | null;
  /** Start of the retry window: creation, or the last 重新发送. */
  since: Date;
}

/** An e-mail or webhook row not sent, as the admins' 重新发送 list shows it. */
export interface UnsentDeliveryRow {
  id: string;
  channel: 'email' | 'webhook';
  status: DeliveryStatus;
  target: string | null;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  title: string;
}

export type UnsentStatus = 'pending' | 'failed' | 'abandoned';

/** The rows of many deliveries in one query (the sender's micro-batched read). */
export function loadDeliveries(db: SqlRunner, ids: readonly string[]): Promise<DeliveryRow[]> {
  return db.query<DeliveryRow[]>(
    `SELECT d.id, coalesce(p.digest, 'none') AS digest, d.channel, d.status, d.attempts, d.dedupe_key, d.target, w.secret, w.enabled AS webhook_enabled,
            n.key, n.rule, n.title, n.body, n.due_at, n.sent_at, n.task_id, t.title AS task_title,
            coalesce(d.resent_at, d.created_at) AS since
     FROM notification_deliveries d
     JOIN notifications n ON n.id = d.notification_id
     LEFT JOIN department_webhooks w ON w.id = d.webhook_id
     LEFT JOIN tasks t ON t.id = n.task_id
     LEFT JOIN notification_preferences p ON p.user_id = d.user_id AND d.channel = 'email'
     WHERE d.id = ANY($1::uuid[])`,
    [ids],
  );
}

/** Marks many deliveries sent in one statement (one commit instead of one per e-mail). */
export async function markDeliveriesSent(db: SqlRunner, ids: readonly string[], sentAt: Date): Promise<void> {
  await db.query(
    `UPDATE notification_deliveries SET status = 'sent', sent_at = $2::timestamptz, attempts = attempts + 1
     WHERE id = ANY($1::uuid[]) AND status <> 'sent'`,
    [[...new Set(ids)], sentAt],
  );
}

/** Counts a failed attempt: `failed` (retried later) or `abandoned` (its window ended). */
export async function recordDeliveryFailure(
  db: SqlRunner,
  id: string,
  message: string,
  status: 'failed' | 'abandoned',
): Promise<void> {
  await db.query(
    `UPDATE notification_deliveries SET attempts = attempts + 1, last_error = $2, status = $3
     WHERE id = $1 AND status <> 'sent'`,
    [id, message, status],
  );
}

/** Gives up on a delivery that cannot succeed (no address, webhook removed, forbidden target). */
export async function abandonDelivery(db: SqlRunner, id: string, reason: string): Promise<void> {
  await db.query(
    `UPDATE notification_deliveries SET status = 'abandoned', attempts = attempts + 1, last_error = $2
     WHERE id = $1 AND status <> 'sent'`,
    [id, reason],
  );
}

/** Abandons e-mail/webhook rows whose retry window (`maxAgeMs`, real time) ended; how many. */
export async function abandonExpiredDeliveries(db: SqlRunner, maxAgeMs: number): Promise<number> {
  const result: unknown = await db.query(
    `UPDATE notification_deliveries
     SET status = 'abandoned', last_error = coalesce(last_error, 'retry window ended')
     WHERE status IN ('pending', 'failed') AND channel <> 'inbox'
       AND coalesce(resent_at, created_at) <= now() - make_interval(secs => $1::double precision / 1000)`,
    [maxAgeMs],
  );
  return affectedRows(result);
}

/** E-mail/webhook rows still to send. */
export function deliveriesToSend(db: SqlRunner): Promise<{ id: string; channel: 'email' | 'webhook' }[]> {
  return db.query(
    `SELECT id, channel FROM notification_deliveries WHERE status IN ('pending', 'failed') AND channel <> 'inbox'`,
  );
}

export async function deliveryState(
  db: SqlRunner,
  id: string,
): Promise<{ channel: DeliveryChannel; status: DeliveryStatus } | undefined> {
  const [row]: { channel: DeliveryChannel; status: DeliveryStatus }[] = await db.query(
    `SELECT channel, status FROM notification_deliveries WHERE id = $1`,
    [id],
  );
  return row;
}

/** 重新发送: a failed or abandoned row becomes pending with a new window; false when it was neither. */
export async function reopenDelivery(db: SqlRunner, id: string): Promise<boolean> {
  const updated: unknown = await db.query(
    `UPDATE notification_deliveries SET status = 'pending', resent_at = now()
     WHERE id = $1 AND status IN ('failed', 'abandoned')`,
    [id],
  );
  return affectedRows(updated) > 0;
}

/** E-mail/webhook rows not sent, by status (held and digested rows are neither late nor failed). */
export function unsentCounts(db: SqlRunner): Promise<{ status: UnsentStatus; n: string }[]> {
  return db.query(
    `SELECT status, count(*) AS n FROM notification_deliveries
     WHERE status IN ('pending', 'failed', 'abandoned') AND channel <> 'inbox' GROUP BY status`,
  );
}

const LIST_LIMIT = 200;

/** The newest e-mail/webhook rows of `status` (at most LIST_LIMIT), with their notification's title. */
export function deliveriesWithStatus(
  db: SqlRunner,
  status: 'failed' | 'abandoned',
): Promise<UnsentDeliveryRow[]> {
  return db.query(
    `SELECT d.id, d.channel, d.status, d.target, d.attempts, d.last_error, d.created_at, n.title
     FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
     WHERE d.status = $1 AND d.channel <> 'inbox'
     ORDER BY d.created_at DESC LIMIT ${LIST_LIMIT}`,
    [status],
  );
}
