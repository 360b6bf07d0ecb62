import type { AssignmentRole, TaskAction, TaskStatus, UserRole } from '../api/task-vocabulary';
import { canTransition, isOpenStatus } from './status';

/** Who is acting on a task: the user's role and, for an officer, how their department is assigned. */
export interface TaskActor {
  role: UserRole;
  /** The officer's department's assignment on this task (lead wins when it is both); null when none. */
  assignment: AssignmentRole | null;
  /** The officer's department is the 主办 lead (with several leads only it submits and asks for extensions). */
  mainLead?: boolean;
}

/** The parts of a task's state that decide which actions make sense now. */
export interface TaskActionState {
  status: TaskStatus;
  hasPendingExtension: boolean;
  /** Not yet acknowledged (签收) by the 主办 lead. */
  awaitingSignoff?: boolean;
  /** Lead departments: choosing the 主办 needs at least two. */
  leadCount?: number;
}

export const TASK_ACTIONS: readonly TaskAction[] = [
  'report_progress',
  'upload_evidence',
  'submit',
  'request_extension',
  'approve',
  'return',
  'grant_extension',
  'refuse_extension',
  'acknowledge',
  'name_assignee',
  'change_main_lead',
];

/** Co-leads (牵头 but not 主办) and participants report their part (配合意见) and upload evidence. */
const PARTICIPANT_ACTIONS: readonly TaskAction[] = ['report_progress', 'upload_evidence'];
/** The 主办 lead reports like the others and alone submits 办结, asks for extensions, signs off, names the 承办人. */
const MAIN_LEAD_ACTIONS: readonly TaskAction[] = [
  ...PARTICIPANT_ACTIONS,
  'submit',
  'request_extension',
  'acknowledge',
  'name_assignee',
];
const SUPERVISOR_ACTIONS: readonly TaskAction[] = [
  'approve',
  'return',
  'grant_extension',
  'refuse_extension',
  'change_main_lead',
];

/**
 * Actions the actor's role permits on the task regardless of its current status. An action outside this
 * set is an authorisation failure (HTTP 403); an action inside it that the status forbids is a conflict
 * (HTTP 409). Admins administer users and imports and read every task, but take no part in the workflow:
 * the issue reserves approving and returning for the supervisor (督查室), and a lead department's own
 * submission must come from that department. With several leads only the 主办 submits 办结, asks for
 * extensions, signs off (签收) and names the 承办人; the other leads report like participants.
 */
export function roleActions(actor: TaskActor): TaskAction[] {
  switch (actor.role) {
    case 'supervisor':
      return [...SUPERVISOR_ACTIONS];
    case 'admin':
      return [];
    case 'officer':
      if (actor.assignment === 'lead' && actor.mainLead !== false) return [...MAIN_LEAD_ACTIONS];
      if (actor.assignment === 'lead') return [...PARTICIPANT_ACTIONS];
      if (actor.assignment === 'participant') return [...PARTICIPANT_ACTIONS];
      return [];
  }
}

export function roleAllows(actor: TaskActor, action: TaskAction): boolean {
  return roleActions(actor).includes(action);
}

/** Whether the task's current state admits the action at all (whoever performs it). */
export function stateAllows(action: TaskAction, state: TaskActionState): boolean {
  switch (action) {
    case 'report_progress':
    case 'upload_evidence':
      return isOpenStatus(state.status);
    case 'submit':
      return canTransition(state.status, 'submitted');
    case 'request_extension':
      return isOpenStatus(state.status) && !state.hasPendingExtension;
    case 'approve':
      return canTransition(state.status, 'done');
    case 'return':
      return canTransition(state.status, 'returned');
    case 'grant_extension':
    case 'refuse_extension':
      return state.hasPendingExtension;
    case 'acknowledge':
      return isOpenStatus(state.status) && state.awaitingSignoff === true;
    case 'name_assignee':
      return isOpenStatus(state.status) || state.status === 'submitted';
    case 'change_main_lead':
      return (isOpenStatus(state.status) || state.status === 'submitted') && (state.leadCount ?? 0) > 1;
  }
}

/** What the actor may do now, in the fixed order of TASK_ACTIONS (the detail page's buttons). */
export function allowedActions(actor: TaskActor, state: TaskActionState): TaskAction[] {
  const permitted = roleActions(actor);
  return TASK_ACTIONS.filter((action) => permitted.includes(action) && stateAllows(action, state));
}
