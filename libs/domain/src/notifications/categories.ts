/**
 * What an inbox message is about, as the inbox's filter tabs name it. Every notification rule falls in
 * exactly one category; a rule nobody listed (a new event type) is `other`, never an error, so a
 * producer can add rules without touching the inbox.
 */
export type NotificationCategory = 'reminder' | 'review' | 'extension' | 'returned' | 'other';

/** In tab order. */
export const NOTIFICATION_CATEGORIES: readonly NotificationCategory[] = [
  'reminder',
  'review',
  'extension',
  'returned',
  'other',
];

export const NOTIFICATION_CATEGORY_LABELS: Readonly<Record<NotificationCategory, string>> = {
  reminder: '催办',
  review: '审核',
  extension: '延期',
  returned: '退回',
  other: '其他',
};

/** The reminder policy's rules (ReminderRule; spelled out so this file imports nothing). */
const REMINDER_RULES: readonly string[] = [
  'deadline_approaching',
  'deadline_today',
  'overdue_urge',
  'overdue_escalation',
  'report_requested',
  'report_overdue_urge',
  'report_overdue_escalation',
  'milestone_approaching',
  'milestone_today',
];

/**
 * The mapping as data, so the API can turn the very same table into a SQL expression (a filter on a
 * category must agree with the label on each card). A rule matches a category by its exact name or
 * by a prefix; exact names are checked first.
 */
export const NOTIFICATION_CATEGORY_RULES: Readonly<
  Record<Exclude<NotificationCategory, 'other'>, { rules: readonly string[]; prefixes: readonly string[] }>
> = {
  // 催办: the reminder policy's rules and 签收 (task.signoff_due, task.signoff_overdue and any later 签收 rule).
  reminder: { rules: REMINDER_RULES, prefixes: ['task.signoff_'] },
  review: { rules: ['task.submitted', 'task.approved'], prefixes: [] },
  extension: { rules: [], prefixes: ['extension.'] },
  returned: { rules: ['task.returned'], prefixes: [] },
};

const BY_RULE = new Map<string, NotificationCategory>(
  Object.entries(NOTIFICATION_CATEGORY_RULES).flatMap(([category, { rules }]) =>
    rules.map((rule) => [rule, category as NotificationCategory] as const),
  ),
);

/** The category of a notification rule (`overdue_urge` → reminder, `extension.granted` → extension, …). */
export function categoryOfRule(rule: string): NotificationCategory {
  const exact = BY_RULE.get(rule);
  if (exact) return exact;
  for (const [category, { prefixes }] of Object.entries(NOTIFICATION_CATEGORY_RULES)) {
    if (prefixes.some((prefix) => rule.startsWith(prefix))) return category as NotificationCategory;
  }
  return 'other';
}

/** Type guard for query strings. */
export function isNotificationCategory(value: unknown): value is NotificationCategory {
  return typeof value === 'string' && (NOTIFICATION_CATEGORIES as readonly string[]).includes(value);
}
