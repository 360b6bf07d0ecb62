import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { ConflictError, NotFoundError } from '../infra/http/domain-error';
import { deliveryJobId, JobName } from '../infra/queue/queue.catalogue';
import { QueueService, type JobRequest } from '../infra/queue/queue.service';
import type { DeliveryChannel, DeliveryStatus } from './entities/notification-delivery.entity';
import { affectedRows } from './sql-result';

export const DeliveryErrorCode = {
  NotFound: 'DELIVERY_NOT_FOUND',
  NotResendable: 'DELIVERY_NOT_RESENDABLE',
} as const;

export class DeliveryNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(DeliveryErrorCode.NotFound, '投递记录不存在。', { id });
  }
}

export class DeliveryNotResendableError extends ConflictError {
  constructor(id: string, status: DeliveryStatus | 'inbox') {
    super(DeliveryErrorCode.NotResendable, '只有发送失败或已放弃的邮件、Webhook 投递可以重新发送。', {
      id,
      status,
    });
  }
}

export interface DeliveryRevival {
  /** Rows still to send whose job was ensured. */
  ensured: number;
  /** Of those, jobs that had finished (failed or completed) and were made to run again. */
  revived: number;
  /** Rows past their retry window, marked `abandoned` by this pass. */
  abandoned: number;
}

export interface DeliveryListItem {
  id: string;
  channel: Exclude<DeliveryChannel, 'inbox'>;
  status: DeliveryStatus;
  target: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  notificationTitle: string;
}

const LIST_LIMIT = 200;

/**
 * Makes every e-mail/webhook row converge: re-runs the job of each row still to send (even when
 * BullMQ holds a failed or completed job under its deterministic id), abandons rows past their
 * window, and lets admins 重新发送 a failed or abandoned one.
 */
@Injectable()
export class DeliveryRecoveryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: QueueService,
  ) {}

  async revive(): Promise<DeliveryRevival> {
    // Real time, as the worker measures the window (see DeliveryService.failed).
    const abandoned: unknown = await this.dataSource.query(
      `UPDATE notification_deliveries
       SET status = 'abandoned', last_error = coalesce(last_error, 'retry window ended')
       WHERE status IN ('pending', 'failed') AND channel <> 'inbox'
         AND coalesce(resent_at, created_at) <= now() - make_interval(secs => $1::double precision / 1000)`,
      [this.config.deliveries.maxAgeMs],
    );
    const rows: { id: string; channel: 'email' | 'webhook' }[] = await this.dataSource.query(
      `SELECT id, channel FROM notification_deliveries WHERE status IN ('pending', 'failed') AND channel <> 'inbox'`,
    );
    const { revived } = await this.queues.ensureJobs(rows.map((r) => deliveryJob(r.channel, r.id)));
    return { ensured: rows.length, revived, abandoned: affectedRows(abandoned) };
  }

  /** 重新发送: a new retry window from now, and a job that runs even if the old one finished. */
  async resend(id: string): Promise<void> {
    const [row]: { channel: DeliveryChannel; status: DeliveryStatus }[] = await this.dataSource.query(
      `SELECT channel, status FROM notification_deliveries WHERE id = $1`,
      [id],
    );
    if (!row) throw new DeliveryNotFoundError(id);
    if (row.channel === 'inbox') throw new DeliveryNotResendableError(id, 'inbox');
    const updated: unknown = await this.dataSource.query(
      `UPDATE notification_deliveries SET status = 'pending', resent_at = now()
       WHERE id = $1 AND status IN ('failed', 'abandoned')`,
      [id],
    );
    if (affectedRows(updated) === 0) throw new DeliveryNotResendableError(id, row.status);
    await this.queues.ensureJobs([deliveryJob(row.channel, id)]);
  }

  /**
   * E-mail/webhook rows not sent, by status. Sent rows (nearly all of the table) are left out so that
   * readiness, which asks on every probe, reads only the status index's small part. Rows held for a
   * daily digest (and those it carried) are neither late nor failed, so they are not counted.
   */
  async counts(): Promise<Record<'pending' | 'failed' | 'abandoned', number>> {
    const rows: { status: 'pending' | 'failed' | 'abandoned'; n: string }[] = await this.dataSource.query(
      `SELECT status, count(*) AS n FROM notification_deliveries
       WHERE status IN ('pending', 'failed', 'abandoned') AND channel <> 'inbox' GROUP BY status`,
    );
    const out: Record<'pending' | 'failed' | 'abandoned', number> = { pending: 0, failed: 0, abandoned: 0 };
    for (const r of rows) out[r.status] = Number(r.n);
    return out;
  }

  /** The newest failed or abandoned deliveries, for the admins' 重新发送 list. */
  async list(status: 'failed' | 'abandoned'): Promise<DeliveryListItem[]> {
    const rows: {
      id: string;
      channel: 'email' | 'webhook';
      status: DeliveryStatus;
      target: string | null;
      attempts: number;
      last_error: string | null;
      created_at: Date;
      title: string;
    }[] = await this.dataSource.query(
      `SELECT d.id, d.channel, d.status, d.target, d.attempts, d.last_error, d.created_at, n.title
       FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
       WHERE d.status = $1 AND d.channel <> 'inbox'
       ORDER BY d.created_at DESC LIMIT ${LIST_LIMIT}`,
      [status],
    );
    return rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      status: r.status,
      target: r.target,
      attempts: r.attempts,
      lastError: r.last_error,
      createdAt: r.created_at.toISOString(),
      notificationTitle: r.title,
    }));
  }
}

export function deliveryJob(channel: 'email' | 'webhook', deliveryId: string): JobRequest<JobName> {
  return {
    name: channel === 'email' ? JobName.DeliverEmail : JobName.DeliverWebhook,
    jobId: deliveryJobId(deliveryId),
    payload: { deliveryId },
  };
}
