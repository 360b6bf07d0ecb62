import type { ReminderRecipient, ReminderRule } from '@duban/domain';

/** Every BullMQ queue of the application. */
export enum QueueName {
  /** Delayed reminder jobs, one per reminder key, due at the reminder's time. */
  Reminders = 'reminders',
  /** Outbound deliveries (e-mail, webhook), one job per delivery row. */
  Deliveries = 'deliveries',
  /** The periodic reconciler. */
  Maintenance = 'maintenance',
  /** The periodic drain of the task-event outbox (the NOTIFY-woken drain runs in-process). */
  Events = 'events',
}

/** Every job name, and the queue it runs on. */
export enum JobName {
  SendReminder = 'reminder.send',
  DeliverEmail = 'delivery.email',
  DeliverWebhook = 'delivery.webhook',
  Reconcile = 'reminders.reconcile',
  DrainEvents = 'events.drain',
  /** The daily digest of held 催办 e-mails (one per user per day). */
  SendDigests = 'notifications.digest',
}

export const JOB_QUEUE: Readonly<Record<JobName, QueueName>> = {
  [JobName.SendReminder]: QueueName.Reminders,
  [JobName.DeliverEmail]: QueueName.Deliveries,
  [JobName.DeliverWebhook]: QueueName.Deliveries,
  [JobName.Reconcile]: QueueName.Maintenance,
  [JobName.DrainEvents]: QueueName.Events,
  [JobName.SendDigests]: QueueName.Maintenance,
};

export interface SendReminderJob {
  key: string;
  taskId: string;
  rule: ReminderRule;
  recipient: ReminderRecipient;
  /** ISO instant (virtual clock). */
  dueAt: string;
  dueDate: string;
  deadline: string;
}

export interface DeliveryJob {
  deliveryId: string;
}

export interface ReconcileJob {
  reason: 'startup' | 'schedule' | 'manual';
}

export interface DrainEventsJob {
  reason: 'schedule' | 'manual';
}

export interface SendDigestsJob {
  reason: 'schedule' | 'manual';
}

/** The payload type of each job. */
export interface JobPayloads {
  [JobName.SendReminder]: SendReminderJob;
  [JobName.DeliverEmail]: DeliveryJob;
  [JobName.DeliverWebhook]: DeliveryJob;
  [JobName.Reconcile]: ReconcileJob;
  [JobName.DrainEvents]: DrainEventsJob;
  [JobName.SendDigests]: SendDigestsJob;
}

/** What a handler did; a thrown error means "retry" (or fail after the last attempt). */
export enum JobOutcome {
  Success = 'success',
  /** Nothing to do: already done, or no longer called for by the task's state. */
  Skipped = 'skipped',
  /** Gave up for good (a delivery past its retry window, or whose target is gone); a person may retry it. */
  Abandoned = 'abandoned',
}

export type JobHandler<N extends JobName> = (payload: JobPayloads[N], meta: JobMeta) => Promise<JobOutcome>;

export interface JobMeta {
  jobId: string;
  attemptsMade: number;
  /** Attempts allowed in total; the handler may record a permanent failure on the last one. */
  attempts: number;
}

/** Deliveries share one job-id scheme so a re-enqueued delivery is a no-op while its job exists. */
export function deliveryJobId(deliveryId: string): string {
  return `delivery-${deliveryId}`;
}
