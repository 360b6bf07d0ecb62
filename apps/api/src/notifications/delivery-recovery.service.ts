import type { DeliveryDto } from '@duban/domain/contract';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { deliveryJobId, JobName } from '../infra/queue/queue.catalogue';
import { QueueService, type JobRequest } from '../infra/queue/queue.service';
import {
  abandonExpiredDeliveries,
  deliveriesToSend,
  deliveriesWithStatus,
  deliveryState,
  reopenDelivery,
  unsentCounts,
  type UnsentStatus,
} from './deliveries.queries';
import { DeliveryNotFoundError, DeliveryNotResendableError } from './notifications.errors';

export { DeliveryErrorCode, DeliveryNotFoundError, DeliveryNotResendableError } from './notifications.errors';

export interface DeliveryRevival {
  /** Rows still to send whose job was ensured. */
  ensured: number;
  /** Of those, jobs that had finished (failed or completed) and were made to run again. */
  revived: number;
  /** Rows past their retry window, marked `abandoned` by this pass. */
  abandoned: number;
}

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
    const abandoned = await abandonExpiredDeliveries(this.dataSource, this.config.deliveries.maxAgeMs);
    const rows = await deliveriesToSend(this.dataSource);
    const { revived } = await this.queues.ensureJobs(rows.map((r) => deliveryJob(r.channel, r.id)));
    return { ensured: rows.length, revived, abandoned };
  }

  /** 重新发送: a new retry window from now, and a job that runs even if the old one finished. */
  async resend(id: string): Promise<void> {
    const row = await deliveryState(this.dataSource, id);
    if (!row) throw new DeliveryNotFoundError(id);
    if (row.channel === 'inbox') throw new DeliveryNotResendableError(id, 'inbox');
    if (!(await reopenDelivery(this.dataSource, id))) throw new DeliveryNotResendableError(id, row.status);
    await this.queues.ensureJobs([deliveryJob(row.channel, id)]);
  }

  /**
   * E-mail/webhook rows not sent, by status. Sent rows (nearly all of the table) are left out so that
   * readiness, which asks on every probe, reads only the status index's small part. Rows held for a
   * daily digest (and those it carried) are neither late nor failed, so they are not counted.
   */
  async counts(): Promise<Record<UnsentStatus, number>> {
    const rows = await unsentCounts(this.dataSource);
    const out: Record<UnsentStatus, number> = { pending: 0, failed: 0, abandoned: 0 };
    for (const r of rows) out[r.status] = Number(r.n);
    return out;
  }

  /** The newest failed or abandoned deliveries, for the admins' 重新发送 list. */
  async list(status: 'failed' | 'abandoned'): Promise<DeliveryDto[]> {
    const rows = await deliveriesWithStatus(this.dataSource, status);
    return rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      status,
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
