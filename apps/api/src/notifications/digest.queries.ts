import type { SqlRunner as Runner } from './sql-result';

export interface HeldRow {
  id: string;
  task_id: string | null;
  title: string;
  sent_at: Date;
}

/** The digest's rule on its notification row: category `other`, so the digest itself is never held. */
export const DIGEST_RULE = 'digest.daily';

/** Marks a not-yet-attempted e-mail delivery `held` for its recipient's daily digest. */
export async function holdForDigest(db: Runner, deliveryId: string): Promise<void> {
  await db.query(`UPDATE notification_deliveries SET status = 'held' WHERE id = $1 AND status = 'pending'`, [
    deliveryId,
  ]);
}

export async function usersWithHeldMail(db: Runner): Promise<string[]> {
  const rows = await db.query<{ user_id: string }[]>(
    `SELECT DISTINCT user_id FROM notification_deliveries
      WHERE status = 'held' AND channel = 'email' AND user_id IS NOT NULL`,
  );
  return rows.map((r) => r.user_id);
}

/** The user's held rows, oldest first, locked: a second worker waits here, then finds them `digested`. */
export function lockHeld(db: Runner, userId: string): Promise<HeldRow[]> {
  return db.query<HeldRow[]>(
    `SELECT d.id, n.task_id, n.title, n.sent_at
       FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
      WHERE d.user_id = $1 AND d.status = 'held' AND d.channel = 'email'
      ORDER BY n.sent_at, d.id
      FOR UPDATE OF d`,
    [userId],
  );
}

export async function digestRecipient(
  db: Runner,
  userId: string,
): Promise<{ display_name: string; email: string | null; active: boolean } | undefined> {
  const [user] = await db.query<{ display_name: string; email: string | null; active: boolean }[]>(
    'SELECT display_name, email, active FROM users WHERE id = $1',
    [userId],
  );
  return user;
}

/**
 * The digest as a notification keyed `digest:<user>:<date>` with its one pending e-mail delivery, and the
 * held rows marked `digested` pointing at it. Null when that key exists already (today's digest is made).
 */
export async function insertDigest(
  db: Runner,
  input: {
    key: string;
    userId: string;
    email: string | null;
    now: Date;
    title: string;
    body: string;
    heldIds: readonly string[];
  },
): Promise<string | null> {
  const [notification] = await db.query<{ id: string }[]>(
    `INSERT INTO notifications (key, task_id, rule, recipient_kind, department_id, due_at, sent_at, title, body)
     VALUES ($1, NULL, $2, 'user', NULL, $3, $3, $4, $5)
     ON CONFLICT ON CONSTRAINT "UQ_notifications_key" DO NOTHING RETURNING id`,
    [input.key, DIGEST_RULE, input.now, input.title, input.body],
  );
  if (!notification) return null;
  const [delivery] = await db.query<{ id: string }[]>(
    `INSERT INTO notification_deliveries (notification_id, channel, dedupe_key, user_id, target, status)
     VALUES ($1, 'email', $2, $3, $4, 'pending') RETURNING id`,
    [notification.id, `${input.key}:email:${input.userId}`, input.userId, input.email],
  );
  await db.query(
    `UPDATE notification_deliveries SET status = 'digested', digest_delivery_id = $2
      WHERE id = ANY($1::uuid[]) AND status = 'held'`,
    [input.heldIds, delivery.id],
  );
  return delivery.id;
}

export async function abandonHeld(db: Runner, ids: readonly string[], reason: string): Promise<void> {
  await db.query(
    `UPDATE notification_deliveries SET status = 'abandoned', last_error = $2 WHERE id = ANY($1::uuid[])`,
    [ids, reason],
  );
}
