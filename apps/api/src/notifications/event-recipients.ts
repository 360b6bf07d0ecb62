import type { EntityManager } from 'typeorm';
import { eventTasks } from './fanout.queries';

/** Who a task event reaches: every active officer of a department, the 督查室 (supervisors), or one person. */
export type EventRecipient =
  | { kind: 'department'; departmentId: string }
  | { kind: 'supervisors' }
  | { kind: 'user'; userId: string; name: string };

/** What the recipient rules and the messages need to know about a task. */
export interface EventTask {
  id: string;
  title: string;
  deadline: string | null;
  documentTitle: string | null;
  leadDepartmentIds: string[];
  /** The 主办 lead (flagged, else the first lead by order): it answers for the task and reads the 配合意见. */
  mainLeadId: string | null;
  participantDepartmentIds: string[];
}

/** An outbox row as the worker reads it. */
export interface RecordedEvent {
  id: string;
  taskId: string;
  kind: string;
  payload: Record<string, unknown>;
  actor: { id: string | null; name: string } | null;
}

export const SUPERVISORS: EventRecipient = { kind: 'supervisors' };

const department = (departmentId: string): EventRecipient => ({ kind: 'department', departmentId });

function recipientId(r: EventRecipient): string {
  return r.kind === 'department'
    ? `dept-${r.departmentId}`
    : r.kind === 'user'
      ? `user-${r.userId}`
      : 'supervisors';
}

/** Once each, in order. */
function unique(recipients: readonly EventRecipient[]): EventRecipient[] {
  const seen = new Map<string, EventRecipient>();
  for (const r of recipients) if (!seen.has(recipientId(r))) seen.set(recipientId(r), r);
  return [...seen.values()];
}

const stringOf = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/** The unique key of one event's notification to one recipient; deliveries derive theirs from the event id. */
export function eventNotificationKey(eventId: string, recipient: EventRecipient): string {
  return `event:${eventId}:${recipientId(recipient)}`;
}

/**
 * The recipient rules of task events, over the facts of one batch of events (loaded in one query by
 * `load`). Rules are fixed by name (see TASK_EVENT_KINDS); a notice (TaskEventNotifier) names its own.
 */
export class EventRecipientRules {
  constructor(readonly tasks: ReadonlyMap<string, EventTask>) {}

  static async load(manager: EntityManager, taskIds: readonly string[]): Promise<EventRecipientRules> {
    const rows = await eventTasks(manager, taskIds);
    return new EventRecipientRules(
      new Map(
        rows.map((r) => [
          r.id,
          {
            id: r.id,
            title: r.title,
            deadline: r.deadline,
            documentTitle: r.document_title,
            leadDepartmentIds: r.lead_ids,
            mainLeadId: r.main_lead_id,
            participantDepartmentIds: r.participant_ids,
          },
        ]),
      ),
    );
  }

  /**
   * The lead side of a task: its lead departments' officers. The one place to extend when the lead gets
   * a named person (承办人): add `{ kind: 'user', userId, name }` here (and its column to `load`).
   */
  leadRecipients(taskId: string): EventRecipient[] {
    return (this.tasks.get(taskId)?.leadDepartmentIds ?? []).map(department);
  }

  participantRecipients(taskId: string): EventRecipient[] {
    return (this.tasks.get(taskId)?.participantDepartmentIds ?? []).map(department);
  }

  /** Everyone the event reaches, once each. */
  recipients(event: RecordedEvent): EventRecipient[] {
    const p = event.payload;
    if (p['notice'] === true) return noticeRecipients(p);
    switch (event.kind) {
      case 'report.participant': {
        const main = this.tasks.get(event.taskId)?.mainLeadId;
        return main ? [department(main)] : unique(this.leadRecipients(event.taskId));
      }
      case 'task.assigned':
      case 'task.returned':
        return unique(this.leadRecipients(event.taskId));
      case 'task.submitted':
      case 'extension.requested':
        return [SUPERVISORS];
      case 'extension.granted':
      case 'extension.refused': {
        const requester = stringOf(p['departmentId']);
        return unique([...(requester ? [department(requester)] : []), ...this.leadRecipients(event.taskId)]);
      }
      case 'task.approved':
        return unique([...this.leadRecipients(event.taskId), ...this.participantRecipients(event.taskId)]);
      case 'task.changed':
      case 'task.progress':
        return [];
      default:
        return noticeRecipients(p);
    }
  }
}

/** A notice (TaskEventNotifier) carries its recipients: departments, and the 督查室 when `supervisors`. */
function noticeRecipients(payload: Record<string, unknown>): EventRecipient[] {
  const ids = Array.isArray(payload['departmentIds'])
    ? payload['departmentIds'].filter((id): id is string => typeof id === 'string')
    : [];
  return unique([...ids.map(department), ...(payload['supervisors'] === true ? [SUPERVISORS] : [])]);
}
