import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A task event that departments (or the 督查室) should read in their inbox: an edit, a comment, a mention. */
export interface TaskEventNotice {
  taskId: string;
  /** e.g. 'task.deadline_edited', 'comment.mention' — shown as the notification's rule. */
  rule: string;
  title: string;
  body: string;
  departmentIds: readonly string[];
  /** Also the supervisors (a department's comment on a task). */
  supervisors?: boolean;
}

/**
 * Inbox notifications for task events, written in the caller's transaction so a notice exists exactly when
 * the change it tells of was committed. One notification row per recipient (department or 督查室) with a
 * unique event key, and one inbox delivery per active user who has not switched the inbox off. E-mail and
 * webhooks stay for reminders (their fan-out is NotificationFanOutService); this path only adds inbox rows.
 */
@Injectable()
export class TaskEventNotifier {
  async notify(manager: EntityManager, notice: TaskEventNotice): Promise<number> {
    const event = randomUUID();
    const recipients: (string | null)[] = [...new Set(notice.departmentIds)];
    if (notice.supervisors) recipients.push(null);
    let delivered = 0;
    for (const departmentId of recipients) {
      const key = `event:${event}:${departmentId ? `dept-${departmentId}` : 'supervisors'}`;
      const rows = await manager.query<{ id: string }[]>(
        `WITH n AS (
           INSERT INTO notifications (key, task_id, rule, recipient_kind, department_id, due_at, sent_at, title, body)
           VALUES ($1, $2, $3, $4, $5::uuid, now(), now(), $6, $7)
           ON CONFLICT ON CONSTRAINT "UQ_notifications_key" DO NOTHING RETURNING id
         )
         INSERT INTO notification_deliveries (notification_id, channel, dedupe_key, user_id, status, sent_at)
         SELECT n.id, 'inbox', $1 || ':inbox:' || u.id, u.id, 'sent', now()
           FROM n, users u LEFT JOIN notification_preferences p ON p.user_id = u.id
          WHERE u.active AND coalesce(p.inbox, true)
            AND (CASE WHEN $5::uuid IS NULL THEN u.role = 'supervisor'
                      ELSE u.role = 'officer' AND u.department_id = $5::uuid END)
         RETURNING id`,
        [
          key,
          notice.taskId,
          notice.rule,
          departmentId ? 'department' : 'supervisors',
          departmentId,
          notice.title,
          notice.body,
        ],
      );
      delivered += rows.length;
    }
    return delivered;
  }
}
