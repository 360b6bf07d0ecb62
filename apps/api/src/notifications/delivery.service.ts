import { categoryOfRule } from '@duban/domain';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { Clock } from '../infra/queue/clock';
import { JobOutcome } from '../infra/queue/queue.catalogue';
import { QueueService } from '../infra/queue/queue.service';
import { RetryAtError } from '../infra/queue/worker.host';
import { afterFailure, type DeliveryRetryPolicy } from './delivery-policy';
import {
  abandonDelivery,
  loadDeliveries,
  markDeliveriesSent,
  recordDeliveryFailure,
  type DeliveryRow,
} from './deliveries.queries';
import { acceptedKey, DeliveryStatsRecorder } from './delivery-stats';
import { holdForDigest } from './digest.queries';
import { EmailChannel } from './email.channel';
import { MicroBatcher } from './micro-batcher';
import { NotificationFanOutService } from './notification-fanout.service';
import { WebhookChannel, type WebhookPayload } from './webhook.channel';
import { WebhookTargetError } from './webhook-target';

const ACCEPTED_TTL_S = 7 * 86_400;
const MARK_SENT_FIRST_DELAY_MS = 200;
const MARK_SENT_MAX_DELAY_MS = 5_000;

/**
 * Sends one e-mail or webhook delivery and marks it sent. A failed attempt is retried with capped
 * exponential backoff until the delivery's window ends (then `abandoned`); the job is put back as
 * delayed instead of failing, so no BullMQ attempt budget can strand the row. Errors of our own
 * database or Redis still throw (BullMQ retries them; the reconciler revives the job afterwards).
 */
@Injectable()
export class DeliveryService implements OnModuleDestroy {
  private readonly logger = new Logger('Deliveries');
  private readonly policy: DeliveryRetryPolicy;
  // The worker runs many deliveries at once: their reads and their "mark sent" updates go to
  // PostgreSQL together (see MicroBatcher), which is most of what raised e-mails/s per worker.
  private readonly loads = new MicroBatcher((ids: string[]) => this.loadMany(ids), {
    maxSize: 200,
    maxInFlight: 2,
  });
  private readonly marks = new MicroBatcher((ids: string[]) => this.markSentMany(ids), {
    maxSize: 200,
    maxInFlight: 2,
  });
  private readonly stats: DeliveryStatsRecorder;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly email: EmailChannel,
    private readonly webhook: WebhookChannel,
    private readonly fanOut: NotificationFanOutService,
    private readonly queues: QueueService,
    private readonly clock: Clock,
  ) {
    this.policy = config.deliveries;
    this.stats = new DeliveryStatsRecorder(queues.redis, queues.prefix);
  }

  onModuleDestroy(): Promise<void> {
    return this.stats.flush();
  }

  async deliver(deliveryId: string): Promise<JobOutcome> {
    const accepted = acceptedKey(this.queues.prefix, deliveryId);
    const { row, wasAccepted } = await this.loads.submit(deliveryId);
    // Any row not yet sent is attempted, `abandoned` too: only a person (Bull Board retry, 重新发送)
    // runs the job of an abandoned row, and they expect it to send.
    if (!row || row.status === 'sent' || row.channel === 'inbox') return JobOutcome.Skipped;
    // Held for (or already carried by) the recipient's daily digest: DigestService sends it.
    if (row.status === 'held' || row.status === 'digested') return JobOutcome.Skipped;
    if (this.heldForDigest(row)) return this.hold(row.id);
    // The server took it on an earlier run whose "mark sent" never reached the database: do not send again.
    if (wasAccepted) return this.markSent(row.id, accepted, true);
    const permanent = this.permanentProblem(row);
    if (permanent) return this.abandon(row.id, permanent);
    try {
      if (row.channel === 'email') {
        await this.email.send({
          to: row.target as string,
          subject: row.title,
          text: row.body,
          dedupeKey: row.dedupe_key,
        });
      } else {
        await this.webhook.send(
          row.target as string,
          row.secret as string,
          row.dedupe_key,
          this.payload(row),
        );
      }
    } catch (error) {
      // A target the SSRF policy refuses stays refused until an admin changes it: no point retrying.
      if (error instanceof WebhookTargetError && error.reason === 'forbidden_address') {
        return this.abandon(row.id, error.message);
      }
      return this.failed(row, error);
    }
    this.stat(true);
    return this.markSent(row.id, accepted, false);
  }

  /** The rows of many deliveries in one query, and their "accepted" markers in one Redis pipeline. */
  private async loadMany(ids: string[]): Promise<{ row: DeliveryRow | undefined; wasAccepted: boolean }[]> {
    const [rows, markers] = await Promise.all([
      loadDeliveries(this.dataSource, ids),
      this.queues.redis.pipeline(ids.map((id) => ['exists', acceptedKey(this.queues.prefix, id)])).exec(),
    ]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id, i) => {
      const [error, exists] = markers?.[i] ?? [null, 0];
      if (error) throw error;
      return { row: byId.get(id), wasAccepted: exists === 1 };
    });
  }

  /** Marks many deliveries sent in one statement (one commit instead of one per e-mail). */
  private async markSentMany(ids: string[]): Promise<void[]> {
    await markDeliveriesSent(this.dataSource, ids, this.clock.now());
    return ids.map(() => undefined);
  }

  /**
   * A 催办-category e-mail to a user who chose the daily digest waits for it (the preference is read
   * at send time, so a change applies to every e-mail not yet sent). A row an admin re-sends is sent.
   */
  private heldForDigest(row: DeliveryRow): boolean {
    return (
      row.channel === 'email' &&
      row.digest === 'daily' &&
      row.status === 'pending' &&
      row.attempts === 0 &&
      categoryOfRule(row.rule) === 'reminder'
    );
  }

  private async hold(id: string): Promise<JobOutcome> {
    await holdForDigest(this.dataSource, id);
    return JobOutcome.Skipped;
  }

  private permanentProblem(row: DeliveryRow): string | null {
    if (row.channel === 'email') return row.target ? null : 'no e-mail address';
    return row.target && row.secret && row.webhook_enabled !== false ? null : 'webhook removed or disabled';
  }

  private payload(row: DeliveryRow): WebhookPayload {
    return {
      event: 'reminder',
      deliveryId: row.id,
      notification: {
        key: row.key,
        rule: row.rule,
        title: row.title,
        body: row.body,
        dueAt: row.due_at.toISOString(),
        sentAt: row.sent_at.toISOString(),
        task: row.task_id
          ? { id: row.task_id, title: row.task_title ?? '', link: this.fanOut.taskLink(row.task_id) }
          : null,
      },
    };
  }

  /** The server refused or was unreachable: count it, then retry after the backoff or give up. */
  private async failed(row: DeliveryRow, error: unknown): Promise<JobOutcome> {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    this.stat(false);
    const failures = row.attempts + 1;
    // Real time, like `created_at`: the window measures how long the servers were away, not the reminders' clock.
    const step = afterFailure(failures, row.since.getTime(), Date.now(), this.policy);
    await recordDeliveryFailure(
      this.dataSource,
      row.id,
      message,
      step.kind === 'abandon' ? 'abandoned' : 'failed',
    );
    if (step.kind === 'abandon') {
      this.logger.warn(`delivery ${row.id} abandoned after ${failures} attempts: ${message}`);
      return JobOutcome.Abandoned;
    }
    throw new RetryAtError(Date.now() + step.delayMs);
  }

  private async abandon(id: string, reason: string): Promise<JobOutcome> {
    await abandonDelivery(this.dataSource, id, reason);
    return JobOutcome.Abandoned;
  }

  /**
   * The message is out: keep trying to record that for DELIVERY_MARK_SENT_RETRY_MS (a PostgreSQL
   * restart must not turn into a second e-mail). If the database stays away longer, leave a marker in
   * Redis and fail the job: its retry marks the row without sending (see `deliver`).
   */
  private async markSent(id: string, accepted: string, hadMarker: boolean): Promise<JobOutcome> {
    const giveUpAt = Date.now() + this.config.deliveries.markSentRetryMs;
    let delay = MARK_SENT_FIRST_DELAY_MS;
    for (;;) {
      try {
        await this.marks.submit(id);
        break;
      } catch (error) {
        if (Date.now() + delay > giveUpAt) {
          await this.queues.redis.set(accepted, '1', 'EX', ACCEPTED_TTL_S);
          throw error;
        }
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, MARK_SENT_MAX_DELAY_MS);
      }
    }
    if (hadMarker) await this.queues.redis.del(accepted).catch(() => undefined);
    return JobOutcome.Success;
  }

  /** Counted in memory and written to Redis a moment later: statistics must neither fail nor slow a delivery. */
  private stat(ok: boolean): void {
    this.stats.record(ok);
  }
}
