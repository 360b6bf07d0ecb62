import { reminderMessage, type ExpectedReminder } from '@duban/domain';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { Clock } from '../infra/queue/clock';
import { deliveryJobId, JobName } from '../infra/queue/queue.catalogue';
import { QueueService, type JobRequest } from '../infra/queue/queue.service';
import type { ReminderTask } from '../reminders/reminder-task.source';

/** Display name of the supervisors as a recipient. */
export const SUPERVISORS_NAME = '督查室';

export interface FanOutResult {
  notificationId: string;
  inbox: number;
  email: number;
  webhook: number;
}

/**
 * Turns a due reminder into a notification row and its per-channel delivery rows, in ONE
 * transaction guarded by the notification's unique key: a retried or re-delivered job inserts
 * nothing and notifies nobody twice. E-mail and webhook rows are then sent by their own jobs.
 */
@Injectable()
export class NotificationFanOutService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: QueueService,
    private readonly clock: Clock,
  ) {}

  /** Null when this reminder was already sent (by this or another worker). */
  async fanOut(reminder: ExpectedReminder, task: ReminderTask): Promise<FanOutResult | null> {
    const departmentId = reminder.recipient.kind === 'department' ? reminder.recipient.departmentId : null;
    const result = await this.dataSource.transaction(async (manager) => {
      const names: { id: string; name: string }[] = await manager.query(
        'SELECT id::text AS id, name FROM departments WHERE id = ANY($1::uuid[])',
        [[...task.leadDepartmentIds, ...(departmentId ? [departmentId] : [])]],
      );
      const nameOf = (id: string): string => names.find((n) => n.id === id)?.name ?? id;
      const message = reminderMessage({
        rule: reminder.rule,
        taskTitle: task.title,
        deadline: reminder.deadline,
        dayOffset: reminder.dayOffset,
        recipientName: departmentId ? nameOf(departmentId) : SUPERVISORS_NAME,
        leadNames: task.leadDepartmentIds.map(nameOf),
        link: this.taskLink(task.id),
      });
      const sentAt = this.clock.now();
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO notifications (key, task_id, rule, recipient_kind, department_id, due_at, sent_at, title, body)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT ON CONSTRAINT "UQ_notifications_key" DO NOTHING RETURNING id`,
        [
          reminder.key,
          task.id,
          reminder.rule,
          reminder.recipient.kind,
          departmentId,
          reminder.dueAt,
          sentAt,
          message.title,
          message.body,
        ],
      );
      if (inserted.length === 0) return null;
      const notificationId = inserted[0].id;

      const recipientFilter = departmentId
        ? `u.role = 'officer' AND u.department_id = $3`
        : `u.role = 'supervisor'`;
      const params: unknown[] = [notificationId, reminder.key, ...(departmentId ? [departmentId] : [])];
      const inbox: unknown[] = await manager.query(
        `INSERT INTO notification_deliveries (notification_id, channel, dedupe_key, user_id, status, sent_at)
         SELECT $1, 'inbox', $2 || ':inbox:' || u.id, u.id, 'sent', now()
         FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id
         WHERE u.active AND coalesce(p.inbox, true) AND ${recipientFilter}
         RETURNING id`,
        params,
      );
      let emails: { id: string }[] = [];
      if (this.config.mail.smtpUrl) {
        emails = await manager.query(
          `INSERT INTO notification_deliveries (notification_id, channel, dedupe_key, user_id, target, status)
           SELECT $1, 'email', $2 || ':email:' || u.id, u.id, u.email, 'pending'
           FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id
           WHERE u.active AND u.email IS NOT NULL AND u.email <> '' AND coalesce(p.email, true) AND ${recipientFilter}
           RETURNING id`,
          params,
        );
      }
      let webhooks: { id: string }[] = [];
      if (departmentId) {
        webhooks = await manager.query(
          `INSERT INTO notification_deliveries (notification_id, channel, dedupe_key, webhook_id, target, status)
           SELECT $1, 'webhook', $2 || ':webhook:' || w.id, w.id, w.url, 'pending'
           FROM department_webhooks w WHERE w.enabled AND w.department_id = $3
           RETURNING id`,
          params,
        );
      }
      return { notificationId, inbox: inbox.length, emails, webhooks };
    });
    if (!result) return null;
    // After commit: if this process dies first, the reconciler re-enqueues pending deliveries.
    await this.queues.addBulk([
      ...result.emails.map((d) => deliveryJob(JobName.DeliverEmail, d.id)),
      ...result.webhooks.map((d) => deliveryJob(JobName.DeliverWebhook, d.id)),
    ]);
    return {
      notificationId: result.notificationId,
      inbox: result.inbox,
      email: result.emails.length,
      webhook: result.webhooks.length,
    };
  }

  /** Re-enqueues every e-mail/webhook delivery still pending (no-op for those whose job exists). */
  async requeuePendingDeliveries(): Promise<number> {
    const rows: { id: string; channel: 'email' | 'webhook' }[] = await this.dataSource.query(
      `SELECT id, channel FROM notification_deliveries WHERE status = 'pending' AND channel <> 'inbox'`,
    );
    await this.queues.addBulk(
      rows.map((r) =>
        deliveryJob(r.channel === 'email' ? JobName.DeliverEmail : JobName.DeliverWebhook, r.id),
      ),
    );
    return rows.length;
  }

  taskLink(taskId: string): string {
    return `${this.config.app.baseUrl.replace(/\/+$/, '')}/tasks/${taskId}`;
  }
}

function deliveryJob(
  name: JobName.DeliverEmail | JobName.DeliverWebhook,
  deliveryId: string,
): JobRequest<JobName> {
  return { name, jobId: deliveryJobId(deliveryId), payload: { deliveryId } };
}
