import { reminderMessage, shanghaiDate, type ExpectedReminder } from '@duban/domain';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { Clock } from '../infra/queue/clock';
import type { JobName } from '../infra/queue/queue.catalogue';
import { QueueService, type JobRequest } from '../infra/queue/queue.service';
import type { ReminderTask } from '../reminders/reminder-task.source';
import { deliveryJob } from './delivery-recovery.service';
import type { DeliveryChannel } from './entities/notification-delivery.entity';

/** Display name of the supervisors as a recipient. */
export const SUPERVISORS_NAME = '督查室';

const NAME_CACHE_MS = 60_000;

/** The task's page in the web app (APP_BASE_URL), the link every message carries. */
export function taskLink(baseUrl: string, taskId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/tasks/${taskId}`;
}

export interface FanOutResult {
  notificationId: string;
  inbox: number;
  email: number;
  webhook: number;
}

/**
 * Turns due reminders into notification rows and their per-channel delivery rows, in ONE
 * statement per batch, guarded by each notification's unique key: a retried or re-delivered job
 * inserts nothing and notifies nobody twice. E-mail and webhook rows are then sent by their own jobs.
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
    const [result] = await this.fanOutMany([{ reminder, task }]);
    return result;
  }

  /**
   * Many reminders in ONE statement (one round trip, one commit) and one `addBulk` for their e-mail
   * and webhook jobs; answers per item, in order (null: already sent). Each notification and its
   * delivery rows still appear together or not at all, guarded by the notification's unique key.
   */
  async fanOutMany(
    items: readonly { reminder: ExpectedReminder; task: ReminderTask }[],
  ): Promise<(FanOutResult | null)[]> {
    if (items.length === 0) return [];
    const departmentOf = (r: ExpectedReminder): string | null =>
      r.recipient.kind === 'department' ? r.recipient.departmentId : null;
    const names = await this.departmentNames(
      items.flatMap(({ reminder, task }) => {
        const departmentId = departmentOf(reminder);
        return [...task.leadDepartmentIds, ...(departmentId ? [departmentId] : [])];
      }),
    );
    const nameOf = (id: string): string => names.get(id) ?? id;
    // A key twice in one batch (a job re-delivered while its twin runs) is inserted once; the twin gets null.
    const unique = new Map<string, { reminder: ExpectedReminder; task: ReminderTask }>();
    for (const item of items) if (!unique.has(item.reminder.key)) unique.set(item.reminder.key, item);
    const rows = [...unique.values()].map(({ reminder, task }) => {
      const departmentId = departmentOf(reminder);
      const message = reminderMessage({
        rule: reminder.rule,
        taskTitle: task.title,
        deadline: reminder.deadline,
        dayOffset: reminder.dayOffset,
        today: shanghaiDate(this.clock.now()),
        recipientName: departmentId ? nameOf(departmentId) : SUPERVISORS_NAME,
        leadNames: task.leadDepartmentIds.map(nameOf),
        link: this.taskLink(task.id),
      });
      // The 承办人 gets the 主办 lead's e-mail first (see the r CTE); other departments as before.
      const assigneeId = departmentId && departmentId === task.mainLeadDepartmentId ? task.assigneeId : null;
      return { reminder, task, departmentId, message, assigneeId };
    });
    // One statement, so one implicit transaction: every notification row with its delivery rows, or
    // none of them; a conflict on a key inserts nothing for that key.
    const inserted: {
      key: string;
      notification_id: string;
      delivery_id: string | null;
      channel: DeliveryChannel | null;
    }[] = await this.dataSource.query(
      `WITH i AS (
         SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::timestamptz[], $7::text[], $8::text[])
           AS i(key, task_id, rule, recipient_kind, department_id, due_at, title, body)
       ), a AS (
         SELECT * FROM unnest($1::text[], $11::uuid[]) AS a(key, assignee_id)
       ), n AS (
         INSERT INTO notifications (key, task_id, rule, recipient_kind, department_id, due_at, sent_at, title, body)
         SELECT key, task_id, rule, recipient_kind, department_id, due_at, $9::timestamptz, title, body FROM i
         ON CONFLICT ON CONSTRAINT "UQ_notifications_key" DO NOTHING RETURNING id, key, department_id
       ), r AS (
         SELECT n.id AS notification_id, n.key, u.id, u.email,
                coalesce(p.inbox, true) AS inbox_on, coalesce(p.email, true) AS email_on,
                -- A reminder to the 主办 lead with a 承办人 who can receive e-mail goes by e-mail to that
                -- officer alone; everyone in the department still has it in the inbox.
                (a.assignee_id IS NULL OR u.id = a.assignee_id OR NOT EXISTS (
                   SELECT 1 FROM users au LEFT JOIN notification_preferences ap ON ap.user_id = au.id
                    WHERE au.id = a.assignee_id AND au.active AND au.role = 'officer'
                      AND au.department_id = n.department_id AND coalesce(ap.email, true)
                      AND coalesce(au.email, '') <> '')) AS email_first
         FROM n JOIN a ON a.key = n.key JOIN users u ON u.active AND (CASE WHEN n.department_id IS NULL THEN u.role = 'supervisor'
                                                   ELSE u.role = 'officer' AND u.department_id = n.department_id END)
         LEFT JOIN notification_preferences p ON p.user_id = u.id
       ), d AS (
         INSERT INTO notification_deliveries (notification_id, channel, dedupe_key, user_id, webhook_id, target, status, sent_at)
         SELECT r.notification_id, 'inbox', r.key || ':inbox:' || r.id, r.id, NULL::uuid, NULL::text, 'sent', $9::timestamptz
           FROM r WHERE r.inbox_on
         UNION ALL
         SELECT r.notification_id, 'email', r.key || ':email:' || r.id, r.id, NULL, r.email, 'pending', NULL FROM r
           WHERE $10::boolean AND r.email_on AND r.email_first AND coalesce(r.email, '') <> ''
         UNION ALL
         SELECT n.id, 'webhook', n.key || ':webhook:' || w.id, NULL, w.id, w.url, 'pending', NULL
           FROM n JOIN department_webhooks w ON w.enabled AND w.department_id = n.department_id
         RETURNING id, notification_id, channel
       )
       SELECT n.key, n.id AS notification_id, d.id AS delivery_id, d.channel
       FROM n LEFT JOIN d ON d.notification_id = n.id`,
      [
        rows.map((r) => r.reminder.key),
        rows.map((r) => r.task.id),
        rows.map((r) => r.reminder.rule),
        rows.map((r) => r.reminder.recipient.kind),
        rows.map((r) => r.departmentId),
        rows.map((r) => r.reminder.dueAt),
        rows.map((r) => r.message.title),
        rows.map((r) => r.message.body),
        this.clock.now(),
        this.config.mail.smtpUrl !== null,
        rows.map((r) => r.assigneeId),
      ],
    );
    const byKey = new Map<string, FanOutResult>();
    const jobs: JobRequest<JobName>[] = [];
    for (const row of inserted) {
      const result = byKey.get(row.key) ?? {
        notificationId: row.notification_id,
        inbox: 0,
        email: 0,
        webhook: 0,
      };
      byKey.set(row.key, result);
      if (!row.delivery_id || !row.channel) continue;
      result[row.channel] += 1;
      if (row.channel !== 'inbox') jobs.push(deliveryJob(row.channel, row.delivery_id));
    }
    // After commit: if this process dies first, the reconciler re-enqueues deliveries still to send.
    await this.queues.addBulk(jobs);
    const answered = new Set<string>();
    return items.map(({ reminder }) => {
      const result = byKey.get(reminder.key);
      if (!result || answered.has(reminder.key)) return null;
      answered.add(reminder.key);
      return result;
    });
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
    return taskLink(this.config.app.baseUrl, taskId);
  }
}
