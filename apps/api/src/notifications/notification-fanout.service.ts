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
import { departmentNames, insertReminderNotifications } from './fanout.queries';

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
        milestone: reminder.milestone,
        recurrence: reminder.recurrence,
      });
      // The 承办人 gets the 主办 lead's e-mail first (see the r CTE); other departments as before.
      const assigneeId = departmentId && departmentId === task.mainLeadDepartmentId ? task.assigneeId : null;
      return { reminder, task, departmentId, message, assigneeId };
    });
    // One statement, so one implicit transaction: every notification row with its delivery rows, or
    // none of them; a conflict on a key inserts nothing for that key.
    const inserted = await insertReminderNotifications(
      this.dataSource,
      rows.map((r) => ({
        key: r.reminder.key,
        taskId: r.task.id,
        rule: r.reminder.rule,
        recipientKind: r.reminder.recipient.kind,
        departmentId: r.departmentId,
        dueAt: r.reminder.dueAt,
        title: r.message.title,
        body: r.message.body,
        assigneeId: r.assigneeId,
      })),
      { now: this.clock.now(), email: this.config.mail.smtpUrl !== null },
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
      const rows = await departmentNames(this.dataSource, missing);
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
