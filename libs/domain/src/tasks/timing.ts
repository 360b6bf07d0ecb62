import type { TaskStatus, TrafficLight } from '../api/task-vocabulary';
import { isClosedStatus } from './status';

/** Thresholds of the traffic light; the API reads them from its configuration. */
export interface TimingRules {
  /** A dated task turns yellow when its deadline is this many calendar days away or fewer. */
  yellowWithinDays: number;
  /** A task without a date turns yellow after this many days without a progress report. */
  staleAfterDays: number;
}

export const DEFAULT_TIMING_RULES: Readonly<TimingRules> = { yellowWithinDays: 7, staleAfterDays: 30 };

/** The facts about a task that its derived state depends on. Instants are Date objects. */
export interface TaskTimingInput {
  status: TaskStatus;
  /** Deadline in force, 'YYYY-MM-DD' (after any granted extension); null for undated / 长期 tasks. */
  deadline: string | null;
  createdAt: Date;
  lastReportAt: Date | null;
}

const DAY_MS = 86_400_000;
/** China Standard Time has had no daylight saving since 1991, so the offset is fixed. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(date: string): { y: number; m: number; d: number } {
  const match = DATE_RE.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    throw new RangeError(`not a calendar date: ${date}`);
  }
  return { y, m, d };
}

export function isIsoDate(value: string): boolean {
  try {
    parseDate(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * The instant a deadline passes: 24:00 of that day in Asia/Shanghai (i.e. 16:00 UTC the same day).
 * Work completed strictly before this instant meets the deadline.
 */
export function deadlineEnd(deadline: string): Date {
  const { y, m, d } = parseDate(deadline);
  return new Date(Date.UTC(y, m - 1, d + 1) - SHANGHAI_OFFSET_MS);
}

/** The calendar date in Asia/Shanghai at an instant, as 'YYYY-MM-DD'. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (both 'YYYY-MM-DD'); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const a = parseDate(from);
  const b = parseDate(to);
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / DAY_MS);
}

/** Overdue: a deadline in force has passed and the task is not 已办结 / 已终止 (a submitted task still counts). */
export function isOverdue(task: Pick<TaskTimingInput, 'status' | 'deadline'>, now: Date): boolean {
  if (isClosedStatus(task.status) || task.deadline === null) return false;
  return now.getTime() >= deadlineEnd(task.deadline).getTime();
}

/**
 * The traffic light. Red: overdue. Yellow: the deadline is today or within `yellowWithinDays` calendar
 * days (Shanghai calendar); for an undated task, no progress report (or, before any report, no
 * creation) within `staleAfterDays`. Green otherwise, and always for done tasks. An undated task is never
 * red: there is nothing to be late against.
 */
export function trafficLight(
  task: TaskTimingInput,
  now: Date,
  rules: TimingRules = DEFAULT_TIMING_RULES,
): TrafficLight {
  if (isClosedStatus(task.status)) return 'green';
  if (task.deadline !== null) {
    if (isOverdue(task, now)) return 'red';
    return daysBetween(shanghaiDate(now), task.deadline) <= rules.yellowWithinDays ? 'yellow' : 'green';
  }
  const lastActivity = task.lastReportAt ?? task.createdAt;
  return now.getTime() - lastActivity.getTime() > rules.staleAfterDays * DAY_MS ? 'yellow' : 'green';
}

/** Met when completed before the end of the deadline day (Shanghai); null when there is no deadline. */
export function completedOnTime(completedAt: Date, deadline: string | null): boolean | null {
  if (deadline === null) return null;
  return completedAt.getTime() < deadlineEnd(deadline).getTime();
}

export interface CompletionInput {
  completedAt: Date | null;
  /** Deadline in force. */
  deadline: string | null;
  /** The deadline as imported, when an extension changed it; else null. */
  originalDeadline: string | null;
}

export interface CompletionVerdict {
  completedOnTime: boolean | null;
  completedOnTimeOriginal: boolean | null;
}

/** On-time verdicts of a done task, against the deadline in force and (after an extension) the original. */
export function completionVerdict(input: CompletionInput): CompletionVerdict {
  if (input.completedAt === null) return { completedOnTime: null, completedOnTimeOriginal: null };
  return {
    completedOnTime: completedOnTime(input.completedAt, input.deadline),
    completedOnTimeOriginal:
      input.originalDeadline === null ? null : completedOnTime(input.completedAt, input.originalDeadline),
  };
}
