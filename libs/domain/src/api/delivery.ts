/**
 * The admin's side of notification delivery: department webhooks, the reminder policy, channel
 * preferences and the reminder system's state (/api/admin/*, /api/notifications/preferences).
 */
import type { ReminderPolicy } from '../reminders/types';
import type { NotificationChannel } from './task-vocabulary';

/** A row of GET /api/admin/webhooks (the secret is write-only and never comes back). */
export interface WebhookDto {
  id: string;
  departmentId: string;
  url: string;
  enabled: boolean;
  createdAt: string;
}

/** Body of POST /api/admin/webhooks. */
export interface CreateWebhookRequestDto {
  departmentId: string;
  url: string;
  secret: string;
}

/** GET and PUT /api/admin/reminder-policy: the policy in force, without the working-day calendar object. */
export type ReminderPolicyDto = Omit<ReminderPolicy, 'calendar'>;

/** Body of PUT /api/admin/reminder-policy: only the editable fields (time zone, grace and lateness are not). */
export type UpdateReminderPolicyRequestDto = Partial<
  Pick<
    ReminderPolicyDto,
    | 'sendAtLocalTime'
    | 'beforeDays'
    | 'milestoneBeforeDays'
    | 'overdueFirstAfterDays'
    | 'overdueEveryDays'
    | 'escalateAfterDays'
    | 'reportIntervalDays'
    | 'reportReminderBeforeDays'
    | 'nonWorkingDays'
  >
>;

/** GET and PUT /api/notifications/preferences: the person's own channels (webhooks are the department's). */
export type ChannelPreferencesDto = Record<Exclude<NotificationChannel, 'webhook'>, boolean>;

export type DeliveryStatusDto = 'pending' | 'failed' | 'abandoned';

/** A row of GET /api/admin/deliveries: an e-mail or webhook delivery that did not go out. */
export interface DeliveryDto {
  id: string;
  channel: Exclude<NotificationChannel, 'inbox'>;
  /** Only failed (still retrying) and abandoned ones are listed. */
  status: Exclude<DeliveryStatusDto, 'pending'>;
  target: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  notificationTitle: string;
}

/** GET /api/admin/deliveries?status=failed|abandoned. */
export interface DeliveryListDto {
  items: DeliveryDto[];
  counts: Record<DeliveryStatusDto, number>;
}

/** GET /api/admin/reminder-system: what readiness sees (workers, the last reconcile pass, deliveries, problems). */
export interface ReminderSystemDto {
  problems: { code: string; reason: string }[];
  workers: { id: string; beatAt: string }[];
  lastReconcile: {
    at: string;
    recreated: number;
    deliveriesRevived: number;
    deliveriesAbandoned: number;
  } | null;
  deliveries: Record<DeliveryStatusDto, number>;
  details: { orphanedActiveJobs: number; deliveryFailureRate: number | null };
}
