import type { DataSource } from 'typeorm';
import type { DeliveryChannel, DeliveryStatus } from './entities/notification-delivery.entity';

/**
 * Read-only figures for the Prometheus scrape (apps/api/src/metrics): the notifications feature owns
 * these tables, so their SQL lives here. Each is one aggregate statement, run once per scrape.
 */
export interface DeliveryCount {
  channel: DeliveryChannel;
  status: DeliveryStatus;
  count: number;
}

export async function deliveryCountsByChannelAndStatus(dataSource: DataSource): Promise<DeliveryCount[]> {
  const rows: { channel: DeliveryChannel; status: DeliveryStatus; n: string }[] = await dataSource.query(
    `SELECT channel, status, count(*) AS n FROM notification_deliveries GROUP BY channel, status`,
  );
  return rows.map((r) => ({ channel: r.channel, status: r.status, count: Number(r.n) }));
}

export interface ReminderLateness {
  /** Reminders sent in the window. */
  count: number;
  /** Seconds from due to sent (null when none was sent in the window). */
  p50: number | null;
  p99: number | null;
  max: number | null;
}

/** Lateness (`sent_at - due_at`) of the reminders sent after `since` (application clock). */
export async function reminderLatenessSince(dataSource: DataSource, since: Date): Promise<ReminderLateness> {
  const [row]: { n: string; p50: number | null; p99: number | null; max: number | null }[] =
    await dataSource.query(
      `SELECT count(*) AS n,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - due_at)) AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - due_at)) AS p99,
              max(extract(epoch FROM sent_at - due_at)) AS max
         FROM notifications WHERE sent_at >= $1`,
      [since],
    );
  return {
    count: Number(row?.n ?? 0),
    p50: row?.p50 === null || row?.p50 === undefined ? null : Number(row.p50),
    p99: row?.p99 === null || row?.p99 === undefined ? null : Number(row.p99),
    max: row?.max === null || row?.max === undefined ? null : Number(row.max),
  };
}

/** Every reminder that went out (one row per reminder and recipient; rows are not deleted). */
export async function remindersSentTotal(dataSource: DataSource): Promise<number> {
  const [row]: { n: string }[] = await dataSource.query(`SELECT count(*) AS n FROM notifications`);
  return Number(row?.n ?? 0);
}
