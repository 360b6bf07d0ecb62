// Imports nothing from the contract entry (which re-exports this file): no import cycle.
import type { TaskStatus, TrafficLight } from '../api/task-vocabulary';
import type { NotificationCategory } from './categories';

export interface NotificationDto {
  id: string;
  task: { id: string; title: string } | null;
  rule: string;
  /** The inbox tab it belongs to (categoryOfRule). */
  category: NotificationCategory;
  title: string;
  /** As sent (the e-mail text, with its link). */
  body: string;
  /** As the inbox shows it: the body without salutation, link lines and footer (inboxText). */
  text: string;
  /** Where its action goes inside the web app (`/tasks/…`, `/bulletins?period=…`); null when nowhere. */
  appPath: string | null;
  createdAt: string;
  readAt: string | null;
}

/** How a user's 催办 e-mails arrive: one by one, or collected into one e-mail a day (08:30 Asia/Shanghai). */
export type DigestMode = 'none' | 'daily';

export const DIGEST_MODES: readonly DigestMode[] = ['none', 'daily'];

export const DIGEST_MODE_LABELS: Readonly<Record<DigestMode, string>> = {
  none: '逐条发送',
  daily: '每日汇总（08:30）',
};

/** GET/PUT /api/me/digest */
export interface DigestPreferenceDto {
  digest: DigestMode;
}

/** The task a card is about, as the task list would show it. */
export interface InboxTaskDto {
  id: string;
  title: string;
  document: { id: string; title: string };
  deadline: string | null;
  deadlineText: string | null;
  status: TaskStatus;
  light: TrafficLight;
  overdue: boolean;
  /** `逾期6天`, `今天到期`, `剩余3天` on the server's today; null without a date or when closed. */
  deadlineFact: string | null;
}

/**
 * GET /api/notifications?groupBy=task — one card per task (a message without a task is a card of its
 * own), newest activity first. Counts and categories are over the messages the filter kept.
 */
export interface InboxTaskCardDto {
  /** The task id, or the notification id of a message that has no task. */
  key: string;
  /** Null for a message without a task (e.g. 督查通报), or a task since deleted. */
  task: InboxTaskDto | null;
  latest: NotificationDto;
  count: number;
  unread: number;
  categories: NotificationCategory[];
}

/** GET /api/notifications/unread-counts — the tab badges. */
export interface InboxUnreadCountsDto {
  total: number;
  byCategory: Record<NotificationCategory, number>;
}
