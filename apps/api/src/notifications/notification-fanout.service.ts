import { reminderMessage, type ExpectedReminder } from '@duban/domain';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { Clock } from '../infra/queue/clock';
import { QueueService } from '../infra/queue/queue.service';
import type { ReminderTask } from '../reminders/reminder-task.source';
import { deliveryJob } from './delivery-recovery.service';
import type { DeliveryChannel } from './entities/notification-delivery.entity';

/** Display name of the supervisors as a recipient. */
export const SUPERVISORS_NAME = '督查室';

const NAME_CACHE_MS = 60_000;

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
  private readonly names = new Map<string, { name: string; until: number }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: QueueService,
    private readonly clock: Clock,
  ) {}

  /** Null when this reminder was already sent (by this or another worker). */
  async fanOut(reminder: ExpectedReminder, task: ReminderTask): Promise<FanOutResult | null> {
    const departmentId = reminder.recipient.kind === 'department' ? reminder.recipient.departmentId : null;
    const names = await this.departmentNames([
      ...task.leadDepartmentIds,
      ...(departmentId ? [departmentId] : []),
    ]);
    const nameOf = (id: string): string => names.get(id) ?? id;
    const message = reminderMessage({
      rule: reminder.rule,
      taskTitle: task.title,
      deadline: reminder.deadline,
      dayOffset: reminder.dayOffset,
      recipientName: departmentId ? nameOf(departmentId) : SUPERVISORS_NAME,
      leadNames: task.leadDepartmentIds.map(nameOf),
      link: this.taskLink(task.id),
    });
    // One statement, so one implicit transaction and one round trip: the notification row and
    // every delivery row appear together or not at all; a conflict on the key inserts nothing.
    const rows: { notification_id: string; delivery_id: string | null; channel: DeliveryChannel | null }[] =
      await this.dataSource.query(
        `WITH n AS (
           INSERT INTO notifications (key, task_id, rule, recipient_kind, department_id, due_at, sent_at, title, body)
           VALUES ($1, $2, $3, $4, $5::uuid, $6, $7, $8, $9)
           ON CONFLICT ON CONSTRAINT "UQ_notifications_key" DO NOTHING RETURNING id
         ), r AS (
           SELECT u.id, u.email, coalesce(p.inbox, true) AS inbox_on, coalesce(p.email, true) AS email_on
           FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id
           WHERE u.active AND (CASE WHEN $5::uuid IS NULL THEN u.role = 'supervisor'
                                    ELSE u.role = 'officer' AND u.department_id = $5::uuid END)
         ), d AS (
           INSERT INTO notification_deliveries (notification_id, channel, dedupe_key, user_id, webhook_id, target, status, sent_at)
           SELECT n.id, 'inbox', $1 || ':inbox:' || r.id, r.id, NULL::uuid, NULL::text, 'sent', $7::timestamptz FROM n, r WHERE r.inbox_on
           UNION ALL
           SELECT n.id, 'email', $1 || ':email:' || r.id, r.id, NULL, r.email, 'pending', NULL FROM n, r
             WHERE $10::boolean AND r.email_on AND coalesce(r.email, '') <> ''
           UNION ALL
           SELECT n.id, 'webhook', $1 || ':webhook:' || w.id, NULL, w.id, w.url, 'pending', NULL FROM n, department_webhooks w
             WHERE w.enabled AND w.department_id = $5::uuid
           RETURNING id, channel
         )
         SELECT n.id AS notification_id, d.id AS delivery_id, d.channel FROM n LEFT JOIN d ON true`,
        [
          reminder.key,
          task.id,
          reminder.rule,
          reminder.recipient.kind,
          departmentId,
          reminder.dueAt,
          this.clock.now(),
          message.title,
          message.body,
          this.config.mail.smtpUrl !== null,
        ],
      );
    if (rows.length === 0) return null;
    const of = (channel: DeliveryChannel): string[] =>
      rows.filter((r) => r.channel === channel && r.delivery_id).map((r) => r.delivery_id as string);
    const emails = of('email');
    const webhooks = of('webhook');
    // After commit: if this process dies first, the reconciler re-enqueues deliveries still to send.
    await this.queues.addBulk([
      ...emails.map((id) => deliveryJob('email', id)),
      ...webhooks.map((id) => deliveryJob('webhook', id)),
    ]);
    return {
      notificationId: rows[0].notification_id,
      inbox: of('inbox').length,
      email: emails.length,
      webhook: webhooks.length,
    };
  }

  /** Department names change rarely; a short cache saves a query per reminder. */
  private async departmentNames(ids: readonly string[]): Promise<Map<string, string>> {
    const now = Date.now();
    const missing = [...new Set(ids)].filter((id) => (this.names.get(id)?.until ?? 0) < now);
    if (missing.length > 0) {
      const rows: { id: string; name: string }[] = await this.dataSource.query(
        'SELECT id::text AS id, name FROM departments WHERE id = ANY($1::uuid[])',
        [missing],
      );
      for (const row of rows) this.names.set(row.id, { name: row.name, until: now + NAME_CACHE_MS });
    }
    return new Map(
      ids.flatMap((id) => (this.names.has(id) ? [[id, this.names.get(id)!.name] as const] : [])),
    );
  }

  taskLink(taskId: string): string {
    return `${this.config.app.baseUrl.replace(/\/+$/, '')}/tasks/${taskId}`;
  }
}
