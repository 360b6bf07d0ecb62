import type { TaskStatus } from '../api/task-vocabulary';
import type { WorkingDayCalendar } from '../calendar/working-days';
import type { RecurrencePeriod } from '../extractor/types';

/**
 * What a reminder is about. Dated tasks use the deadline_* / overdue_* rules; tasks without a date
 * (长期 / 持续推进) use the report_* rules, where the "deadline" is the day a progress report falls due.
 */
export type ReminderRule =
  | 'deadline_approaching'
  | 'deadline_today'
  | 'overdue_urge'
  | 'overdue_escalation'
  | 'report_requested'
  | 'report_overdue_urge'
  | 'report_overdue_escalation'
  /** A 阶段节点 (milestone) before the deadline is coming up: lead and participant departments are told. */
  | 'milestone_approaching'
  /** A 阶段节点 falls today. */
  | 'milestone_today'
  /** 签收 window ends today: the 主办 lead department is asked to acknowledge the task. */
  | 'task.signoff_due'
  /** 签收 window passed without acknowledgement: the 督查室 is told. */
  | 'task.signoff_overdue';

export type ReminderRecipient = { kind: 'department'; departmentId: string } | { kind: 'supervisors' };

/** The facts about a task that its reminders depend on. Instants are ISO strings. */
export interface ReminderTaskState {
  id: string;
  status: TaskStatus;
  /** Deadline in force ('YYYY-MM-DD', after any granted extension); null for tasks without a date. */
  deadline: string | null;
  leadDepartmentIds: readonly string[];
  participantDepartmentIds: readonly string[];
  /** Latest progress report, if any (ISO instant). */
  lastReportAt: string | null;
  /** ISO instant. */
  createdAt: string;
  /** The 主办 lead department (it signs off); defaults to the first of `leadDepartmentIds`. */
  mainLeadDepartmentId?: string | null;
  /**
   * When the 主办 lead was asked to acknowledge (签收) the task (ISO instant): set while it waits for
   * 签收, null (or absent) once acknowledged — then no signoff reminders.
   */
  awaitingSignoffSince?: string | null;
  /** 阶段节点 before the deadline ('YYYY-MM-DD' and the step's phrase): each is announced ahead of its day. */
  milestones?: readonly { date: string; text: string }[];
  /** A recurring duty (每季度…): its reports fall due at the end of each period instead of every `reportIntervalDays`. */
  recurrence?: RecurrencePeriod | null;
}

export interface ReminderPolicy {
  /** Offset of the office time zone from UTC. Asia/Shanghai has had no DST since 1991: fixed +480. */
  utcOffsetMinutes: number;
  /** Local wall-clock time at which every reminder goes out, 'HH:MM'. */
  sendAtLocalTime: string;
  /** Days before the deadline on which lead and participant departments are reminded; 0 = on the day. */
  beforeDays: readonly number[];
  /** Days before each 阶段节点 on which lead and participant departments are told; 0 = on the day; [] = none. */
  milestoneBeforeDays: readonly number[];
  /** First 催办 to the lead departments this many days after the deadline day… */
  overdueFirstAfterDays: number;
  /** …then every this many days while the task stays overdue. */
  overdueEveryDays: number;
  /** One escalation to the supervisors this many days after the deadline day. */
  escalateAfterDays: number;
  /** A task without a date needs a progress report at least this often (days). */
  reportIntervalDays: number;
  /** The lead department is asked for its report this many days before it falls due. */
  reportReminderBeforeDays: number;
  /**
   * The 主办 lead has this many working days after the day it was assigned to acknowledge (签收) the task:
   * reminded on the last day of the window, 督查室 told on the next working day.
   */
  signoffWithinWorkingDays: number;
  /** A reminder this recent is still returned even when not late-sendable (clock skew, queue latency). */
  graceMs: number;
  /** A missed reminder is sent late at most this long after its due time (and never once superseded); escalations have no such bound. */
  maxLatenessMs: number;
  /**
   * What a reminder falling on a day off (weekend or public holiday) does: `shift` moves a reminder
   * about a coming deadline to the last working day before it (so it still arrives ahead of the
   * deadline) and every other one (催办, escalation, report requests) to the next working day, at
   * `sendAtLocalTime`; `keep` sends on the day itself.
   */
  nonWorkingDays: 'shift' | 'keep';
  /** The working-day calendar `shift` uses; without one, only Saturdays and Sundays are days off. */
  calendar?: WorkingDayCalendar;
}

export interface ExpectedReminder {
  /** `${taskId}:${recipientKey}:${rule}:${dueDate}` — the job id and the notification's unique key. */
  key: string;
  taskId: string;
  rule: ReminderRule;
  recipient: ReminderRecipient;
  /** ISO instant at which it should go out. */
  dueAt: string;
  /** Local calendar date of dueAt, 'YYYY-MM-DD'. */
  dueDate: string;
  /** The deadline (or report due date) the reminder refers to. */
  deadline: string;
  /** Calendar days from the deadline to dueDate: negative before it, positive once overdue. */
  dayOffset: number;
  /** For milestone rules: the step(s) it is about, as written in the document. */
  milestone?: string;
  /** For report rules of a recurring duty: its period (the message says 每季度…). */
  recurrence?: RecurrencePeriod;
  /** After this instant a missed reminder is no longer worth sending (the next one in its series is due); null = never expires (escalations). */
  expiresAt: string | null;
}
