import type { TaskStatus } from '../api/task-vocabulary';
import { STATUS_LABELS } from '../api/labels';

/** zh-CN labels of the statuses: the shared vocabulary (api/labels.ts), kept under this name for the API. */
export const TASK_STATUS_LABELS: Readonly<Record<TaskStatus, string>> = STATUS_LABELS;

export const TASK_STATUSES: readonly TaskStatus[] = [
  'not_started',
  'in_progress',
  'submitted',
  'done',
  'returned',
  'terminated',
];

/**
 * The status machine. A task cannot jump from 未开始 to 已提交待审核: work has to be reported first, and the
 * first progress report moves it to 进行中. A returned task goes back to 进行中 (again through a progress
 * report) before it can be submitted again, so the supervisor sees what changed. 已办结 is final.
 */
const TRANSITIONS: Readonly<Record<TaskStatus, readonly TaskStatus[]>> = {
  not_started: ['in_progress'],
  in_progress: ['submitted'],
  submitted: ['done', 'returned'],
  returned: ['in_progress'],
  done: [],
  // Reached only by the supervisor's 终止 (any open or submitted task), never by the workflow's transitions.
  terminated: [],
};

/** Statuses reachable from `status` in one step. */
export function nextStatuses(status: TaskStatus): TaskStatus[] {
  return [...TRANSITIONS[status]];
}

export function canTransition(from: TaskStatus, to: TaskStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Thrown for a transition the status machine does not allow; the API answers 409 with `allowed`. */
export class ForbiddenTransitionError extends Error {
  readonly code = 'TASK_FORBIDDEN_TRANSITION';
  readonly allowed: TaskStatus[];

  constructor(
    readonly from: TaskStatus,
    readonly to: TaskStatus,
  ) {
    super(`不能从「${TASK_STATUS_LABELS[from]}」变为「${TASK_STATUS_LABELS[to]}」`);
    this.name = 'ForbiddenTransitionError';
    this.allowed = nextStatuses(from);
  }
}

export function assertTransition(from: TaskStatus, to: TaskStatus): void {
  if (!canTransition(from, to)) throw new ForbiddenTransitionError(from, to);
}

/**
 * Status after a progress report: the first report starts the task, a report on a returned task resumes
 * it; on a running task it changes nothing. Reports on submitted or done tasks are refused (the
 * supervisor is looking at a frozen state), signalled by a ForbiddenTransitionError towards in_progress.
 */
export function statusAfterProgress(status: TaskStatus): TaskStatus {
  if (status === 'in_progress') return status;
  assertTransition(status, 'in_progress');
  return 'in_progress';
}

/** Statuses in which the work is still open: progress and evidence are accepted, extensions may be asked. */
export function isOpenStatus(status: TaskStatus): boolean {
  return status === 'not_started' || status === 'in_progress' || status === 'returned';
}

/** Final statuses: no reminders, never overdue, nothing more to do (已办结, 已终止). */
export function isClosedStatus(status: TaskStatus): boolean {
  return status === 'done' || status === 'terminated';
}

/** The supervisor may 终止 (or split) a task that is not closed yet, whatever its workflow state. */
export function canTerminate(status: TaskStatus): boolean {
  return !isClosedStatus(status);
}
