import type { TaskStatus, TrafficLight } from '@duban/domain/contract';

// The vocabulary lives in the shared contract (libs/domain/src/api/labels.ts) so screens, API messages and
// the Excel export say the same words; this file only re-exports it under the names the templates use.
export {
  ACTION_LABELS,
  actorLabel,
  ASSIGNMENT_ROLE_LABELS,
  auditActionLabel as auditLabel,
  CHANNEL_LABELS,
  DEPARTMENT_KIND_LABELS,
  EXTENSION_STATUS_LABELS,
  LIGHT_LABELS,
  ROLE_LABELS,
  STATUS_LABELS,
} from '@duban/domain/contract';

export const STATUSES: TaskStatus[] = [
  'not_started',
  'in_progress',
  'submitted',
  'returned',
  'done',
  'terminated',
];
export const LIGHTS: TrafficLight[] = ['red', 'yellow', 'green'];
