import type { EntityManager } from 'typeorm';
import type { JobName } from '../infra/queue/queue.catalogue';
import type { JobRequest } from '../infra/queue/queue.service';
import { deliveryJob } from './delivery-recovery.service';
import type { DeliveryChannel } from './entities/notification-delivery.entity';
import type { EventRecipient } from './event-recipients';
import { insertEventNotificationRows } from './fanout.queries';

/** One event's notification to one recipient, as the fan-out writes it. */
export interface EventNotificationRow {
  /** `event:<event id>:<recipient>` (unique). */
  key: string;
  eventId: string;
  taskId: string;
  rule: string;
  recipient: EventRecipient;
  title: string;
  body: string;
}

export interface EventFanOutResult {
  notifications: number;
  deliveries: Record<DeliveryChannel, number>;
  /** E-mail and webhook jobs to enqueue once the transaction committed. */
  jobs: JobRequest<JobName>[];
}

/**
 * Writes the notifications of a batch of events and their delivery rows in ONE statement, in the caller's
 * transaction (the one that marks the events processed). Per event, each user gets one row per channel
 * (inbox, e-mail: `event:<id>:<channel>:<user>`; webhooks: `event:<id>:webhook:<webhook>`), also when two
 * recipients of the event include them: keys are unique and conflicts insert nothing, so a re-run of a
 * batch (a killed worker's) adds nothing. Recipient joins are equi-joins, so 50,000 rows stay one hash join.
 */
export async function insertEventNotifications(
  manager: EntityManager,
  rows: readonly EventNotificationRow[],
  options: { now: Date; email: boolean },
): Promise<EventFanOutResult> {
  const result: EventFanOutResult = {
    notifications: 0,
    deliveries: { inbox: 0, email: 0, webhook: 0 },
    jobs: [],
  };
  if (rows.length === 0) return result;
  const inserted = await insertEventNotificationRows(
    manager,
    rows.map((r) => ({
      key: r.key,
      eventId: r.eventId,
      taskId: r.taskId,
      rule: r.rule,
      recipientKind: r.recipient.kind,
      departmentId: r.recipient.kind === 'department' ? r.recipient.departmentId : null,
      userId: r.recipient.kind === 'user' ? r.recipient.userId : null,
      title: r.title,
      body: r.body,
    })),
    options,
  );
  for (const row of inserted) {
    result.notifications = row.n;
    if (!row.id || !row.channel) continue;
    result.deliveries[row.channel] += 1;
    if (row.channel !== 'inbox') result.jobs.push(deliveryJob(row.channel, row.id));
  }
  return result;
}
