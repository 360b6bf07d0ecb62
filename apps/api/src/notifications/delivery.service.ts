import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../infra/queue/clock';
import { JobOutcome, type JobMeta } from '../infra/queue/queue.catalogue';
import { EmailChannel } from './email.channel';
import { NotificationFanOutService } from './notification-fanout.service';
import { WebhookChannel } from './webhook.channel';

interface DeliveryRow {
  id: string;
  channel: 'inbox' | 'email' | 'webhook';
  status: 'pending' | 'sent' | 'failed';
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
}

/** Sends one e-mail or webhook delivery and marks it sent; throws to retry with backoff. */
@Injectable()
export class DeliveryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly email: EmailChannel,
    private readonly webhook: WebhookChannel,
    private readonly fanOut: NotificationFanOutService,
    private readonly clock: Clock,
  ) {}

  async deliver(deliveryId: string, meta: JobMeta): Promise<JobOutcome> {
    const [row]: DeliveryRow[] = await this.dataSource.query(
      `SELECT d.id, d.channel, d.status, d.dedupe_key, d.target, w.secret, w.enabled AS webhook_enabled,
              n.key, n.rule, n.title, n.body, n.due_at, n.sent_at, n.task_id, t.title AS task_title
       FROM notification_deliveries d
       JOIN notifications n ON n.id = d.notification_id
       LEFT JOIN department_webhooks w ON w.id = d.webhook_id
       LEFT JOIN tasks t ON t.id = n.task_id
       WHERE d.id = $1`,
      [deliveryId],
    );
    if (!row || row.status !== 'pending' || row.channel === 'inbox') return JobOutcome.Skipped;
    try {
      if (row.channel === 'email') {
        if (!row.target) return this.finish(row.id, 'failed', 'no e-mail address');
        const text = row.body;
        await this.email.send({ to: row.target, subject: row.title, text, dedupeKey: row.dedupe_key });
      } else {
        if (!row.target || !row.secret || row.webhook_enabled === false)
          return this.finish(row.id, 'failed', 'webhook removed or disabled');
        await this.webhook.send(row.target, row.secret, row.dedupe_key, {
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
        });
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const last = meta.attemptsMade + 1 >= meta.attempts;
      await this.dataSource.query(
        `UPDATE notification_deliveries SET attempts = attempts + 1, last_error = $2, status = CASE WHEN $3 THEN 'failed' ELSE status END
         WHERE id = $1 AND status = 'pending'`,
        [row.id, message.slice(0, 1000), last],
      );
      throw error;
    }
    return this.finish(row.id, 'sent', null);
  }

  private async finish(id: string, status: 'sent' | 'failed', error: string | null): Promise<JobOutcome> {
    await this.dataSource.query(
      `UPDATE notification_deliveries SET status = $2, sent_at = CASE WHEN $2 = 'sent' THEN $4::timestamptz ELSE NULL END,
              attempts = attempts + 1, last_error = coalesce($3, last_error)
       WHERE id = $1 AND status = 'pending'`,
      [id, status, error, this.clock.now()],
    );
    return status === 'sent' ? JobOutcome.Success : JobOutcome.Skipped;
  }
}
