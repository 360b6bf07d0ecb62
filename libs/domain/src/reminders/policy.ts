import type {
  ExpectedReminder,
  ReminderPolicy,
  ReminderRecipient,
  ReminderRule,
  ReminderTaskState,
} from './types';
import {
  dateOfDayNumber,
  dayNumber,
  dayShift,
  departments,
  localDateOf,
  localMidnight,
  sendInstant,
  WEEKDAYS_ONLY,
  DAY_MS,
  type Candidate,
  type DayShift,
} from './reminder-days';
import { milestoneSeries, recurringReportDueDate } from './milestone-series';

export { localDateOf } from './reminder-days';
export { recurringReportDueDate } from './milestone-series';

export const DEFAULT_REMINDER_POLICY: Readonly<ReminderPolicy> = Object.freeze({
  utcOffsetMinutes: 8 * 60,
  sendAtLocalTime: '09:00',
  beforeDays: Object.freeze([7, 1, 0]),
  milestoneBeforeDays: Object.freeze([3, 0]),
  overdueFirstAfterDays: 1,
  overdueEveryDays: 3,
  escalateAfterDays: 7,
  reportIntervalDays: 30,
  reportReminderBeforeDays: 7,
  signoffWithinWorkingDays: 2,
  graceMs: 60_000,
  maxLatenessMs: 3 * DAY_MS,
  // Plain calendar days here; the API's configuration (REMINDER_NON_WORKING_DAYS) defaults to 'shift'.
  nonWorkingDays: 'keep',
});

/** The string form of a recipient used inside reminder keys. */
export function recipientKey(recipient: ReminderRecipient): string {
  return recipient.kind === 'supervisors' ? 'supervisors' : `dept-${recipient.departmentId}`;
}

/** The deterministic key of a reminder: job id in the queue and unique key of the notification row. */
export function reminderKey(
  taskId: string,
  recipient: ReminderRecipient,
  rule: ReminderRule,
  dueDate: string,
): string {
  return `${taskId}:${recipientKey(recipient)}:${rule}:${dueDate}`;
}

/**
 * Occurrences of a repeating rule (first, first+every, …): the latest one already due (late-sendable
 * until the next one supersedes it) and the next one to come. Never more than two: bounded horizon.
 */
function repeatingOccurrences(
  firstDay: number,
  everyDays: number,
  nowMs: number,
  policy: ReminderPolicy,
): number[] {
  if (everyDays <= 0) throw new RangeError('overdueEveryDays must be positive');
  if (sendInstant(firstDay, policy) > nowMs) return [firstDay];
  const elapsed = Math.floor((nowMs - sendInstant(firstDay, policy)) / (everyDays * DAY_MS));
  let latest = firstDay + elapsed * everyDays;
  // Guard against rounding at the exact boundary.
  while (sendInstant(latest + everyDays, policy) <= nowMs) latest += everyDays;
  return [latest, latest + everyDays];
}

function deadlineSeries(
  deadlineDay: number,
  leads: ReminderRecipient[],
  everyone: ReminderRecipient[],
  state: ReminderTaskState,
  policy: ReminderPolicy,
  nowMs: number,
  rules: {
    approaching: ReminderRule | null;
    today: ReminderRule | null;
    urge: ReminderRule;
    escalation: ReminderRule;
  },
  beforeDays: readonly number[],
  shift: DayShift,
): Candidate[] {
  const out: Candidate[] = [];
  // Departments that have submitted wait for the supervisors: no nagging them, but escalation stays.
  const departmentsQuiet = state.status === 'submitted';
  if (!departmentsQuiet) {
    const days = [...new Set(beforeDays)].filter((b) => b >= 0).sort((a, b) => b - a);
    days.forEach((before, index) => {
      const rule = before === 0 ? rules.today : rules.approaching;
      if (!rule) return;
      const day = shift.before(deadlineDay - before);
      const next = days[index + 1];
      const nextDay = next === undefined ? null : shift.before(deadlineDay - next);
      // Two reminders moved onto the same working day: the one nearer the deadline says it all.
      if (nextDay !== null && nextDay <= day) return;
      const expiresAt =
        nextDay === null ? localMidnight(deadlineDay + 1, policy) : sendInstant(nextDay, policy);
      out.push({ rule, recipients: everyone, day, deadlineDay, expiresAt });
    });
    for (const day of repeatingOccurrences(
      deadlineDay + policy.overdueFirstAfterDays,
      policy.overdueEveryDays,
      nowMs,
      policy,
    )) {
      out.push({
        rule: rules.urge,
        recipients: leads,
        day: shift.after(day),
        deadlineDay,
        expiresAt: sendInstant(shift.after(day + policy.overdueEveryDays), policy),
      });
    }
  }
  out.push({
    rule: rules.escalation,
    recipients: [{ kind: 'supervisors' }],
    day: shift.after(deadlineDay + policy.escalateAfterDays),
    deadlineDay,
    expiresAt: null,
  });
  return out;
}

/** Statuses in which a task still waiting for 签收 is chased: not once it is submitted or closed. */
const SIGNOFF_CHASED: ReadonlySet<ReminderTaskState['status']> = new Set([
  'not_started',
  'in_progress',
  'returned',
]);

/**
 * The last day ('YYYY-MM-DD', local) of the 签收 window of a task whose 主办 lead was asked at `sinceIso`:
 * `signoffWithinWorkingDays` working days after that day (the day itself not counted).
 */
export function signoffDueDate(
  sinceIso: string,
  policy: Pick<ReminderPolicy, 'utcOffsetMinutes' | 'signoffWithinWorkingDays' | 'calendar'>,
): string {
  const sinceMs = Date.parse(sinceIso);
  if (Number.isNaN(sinceMs)) throw new RangeError('the 签收 start is not a valid instant');
  const calendar = policy.calendar ?? WEEKDAYS_ONLY;
  return calendar.addWorkingDays(localDateOf(sinceMs, policy), policy.signoffWithinWorkingDays);
}

/**
 * 签收: the 主办 lead has `signoffWithinWorkingDays` working days after the day it was assigned (that day
 * not counted). On the last day of the window it is reminded (until that day ends); on the next working
 * day the 督查室 is told once (never expires, like every escalation). Counted on the working-day calendar
 * whatever `nonWorkingDays` says: the window is defined in working days.
 */
function signoffSeries(state: ReminderTaskState, policy: ReminderPolicy): Candidate[] {
  if (!state.awaitingSignoffSince || !SIGNOFF_CHASED.has(state.status)) return [];
  const calendar = policy.calendar ?? WEEKDAYS_ONLY;
  const dueDate = signoffDueDate(state.awaitingSignoffSince, policy);
  const dueDay = dayNumber(dueDate);
  const escalationDay = dayNumber(calendar.addWorkingDays(dueDate, 1));
  const mainLead = state.mainLeadDepartmentId ?? state.leadDepartmentIds[0] ?? null;
  const out: Candidate[] = [];
  if (mainLead) {
    out.push({
      rule: 'task.signoff_due',
      recipients: departments([mainLead]),
      day: dueDay,
      deadlineDay: dueDay,
      expiresAt: localMidnight(dueDay + 1, policy),
    });
  }
  out.push({
    rule: 'task.signoff_overdue',
    recipients: [{ kind: 'supervisors' }],
    day: escalationDay,
    deadlineDay: dueDay,
    expiresAt: null,
  });
  return out;
}

/**
 * When a task without a date owes its next progress report ('YYYY-MM-DD', local): at the end of the period
 * for a recurring duty (`recurringReportDueDate`), else `reportIntervalDays` after the last report (or the
 * task's creation). The reminders and the task page both read it here, so they cannot disagree.
 */
export function reportDueDate(
  state: Pick<ReminderTaskState, 'lastReportAt' | 'createdAt' | 'recurrence'>,
  policy: Pick<ReminderPolicy, 'utcOffsetMinutes' | 'reportReminderBeforeDays' | 'reportIntervalDays'>,
): string {
  const recurring = recurringReportDueDate(state, policy);
  if (recurring !== null) return recurring;
  const anchorMs = Date.parse(state.lastReportAt ?? state.createdAt);
  if (Number.isNaN(anchorMs)) throw new RangeError('lastReportAt/createdAt is not a valid instant');
  return dateOfDayNumber(dayNumber(localDateOf(anchorMs, policy)) + policy.reportIntervalDays);
}

/**
 * The reminders the task's CURRENT state calls for, as seen at `now`: every future one within the
 * horizon (all pre-deadline reminders, the next occurrence of a repeating rule, the escalation) plus
 * those already due but still worth sending late.
 *
 * Missed reminders: a reminder whose time has passed is returned while it is still late-sendable —
 * not yet superseded by the next reminder of its series (its `expiresAt`) and at most
 * `maxLatenessMs` late — so the reconciler sends a missed-but-unsent reminder once, late, instead of
 * dropping it; whether it was already sent is the notification table's business, not this function's.
 * Anything due within `graceMs` before now is always returned.
 *
 * Done tasks get none. Tasks with a deadline get pre-deadline reminders to lead and participant
 * departments, 催办 to the lead departments while overdue, and one escalation to the supervisors.
 * Each 阶段节点 before the deadline is announced ahead of its day (see `milestoneSeries`).
 * Tasks without a date are reminded to report progress: a report falls due `reportIntervalDays`
 * after the last one (or after creation), or at the end of each period for a recurring duty (see
 * `recurringReportDueDate`), and, when missing, escalates like a deadline. A task waiting
 * for 签收 (`awaitingSignoffSince`) adds the signoff reminder and its escalation (see `signoffSeries`).
 */
export function expectedReminders(
  state: ReminderTaskState,
  policy: ReminderPolicy = DEFAULT_REMINDER_POLICY,
  now: Date = new Date(),
): ExpectedReminder[] {
  // 已办结 and 已终止 tasks call for no reminder (the scheduler then removes their pending jobs).
  if (state.status === 'done' || state.status === 'terminated') return [];
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) throw new RangeError('now is not a valid date');

  const leadIds =
    state.leadDepartmentIds.length > 0 ? state.leadDepartmentIds : state.participantDepartmentIds;
  const leads = departments(leadIds);
  const everyone = departments([...state.leadDepartmentIds, ...state.participantDepartmentIds]);

  const shift = dayShift(policy);
  let candidates: Candidate[];
  if (state.deadline !== null) {
    const deadlineDay = dayNumber(state.deadline);
    candidates = [
      ...deadlineSeries(
        deadlineDay,
        leads,
        everyone,
        state,
        policy,
        nowMs,
        {
          approaching: 'deadline_approaching',
          today: 'deadline_today',
          urge: 'overdue_urge',
          escalation: 'overdue_escalation',
        },
        policy.beforeDays,
        shift,
      ),
      ...milestoneSeries(state, deadlineDay, everyone, policy, shift),
    ];
  } else {
    candidates = deadlineSeries(
      dayNumber(reportDueDate(state, policy)),
      leads,
      leads,
      state,
      policy,
      nowMs,
      {
        approaching: 'report_requested',
        today: null,
        urge: 'report_overdue_urge',
        escalation: 'report_overdue_escalation',
      },
      [policy.reportReminderBeforeDays],
      shift,
    );
    const recurrence = state.recurrence ?? undefined;
    if (recurrence) candidates = candidates.map((c) => ({ ...c, recurrence }));
  }

  candidates.push(...signoffSeries(state, policy));

  // Keyed: two occurrences of a series moved onto the same working day are one reminder (the later-expiring).
  const byKey = new Map<string, ExpectedReminder>();
  for (const candidate of candidates) {
    const dueMs = sendInstant(candidate.day, policy);
    // Escalations never expire: supervisors must hear of an overdue task even if it was missed.
    const lateUntil =
      candidate.expiresAt === null ? Infinity : Math.min(candidate.expiresAt, dueMs + policy.maxLatenessMs);
    if (nowMs >= Math.max(dueMs + policy.graceMs, lateUntil)) continue;
    const dueDate = dateOfDayNumber(candidate.day);
    for (const recipient of candidate.recipients) {
      const key = reminderKey(state.id, recipient, candidate.rule, dueDate);
      const earlier = byKey.get(key);
      if (
        earlier &&
        (earlier.expiresAt === null ||
          (candidate.expiresAt !== null && Date.parse(earlier.expiresAt) >= candidate.expiresAt))
      )
        continue;
      byKey.set(key, {
        key,
        taskId: state.id,
        rule: candidate.rule,
        recipient,
        dueAt: new Date(dueMs).toISOString(),
        dueDate,
        deadline: dateOfDayNumber(candidate.deadlineDay),
        dayOffset: candidate.day - candidate.deadlineDay,
        expiresAt: candidate.expiresAt === null ? null : new Date(candidate.expiresAt).toISOString(),
        ...(candidate.milestone !== undefined ? { milestone: candidate.milestone } : {}),
        ...(candidate.recurrence !== undefined ? { recurrence: candidate.recurrence } : {}),
      });
    }
  }
  return [...byKey.values()].sort((a, b) =>
    a.dueAt === b.dueAt ? a.key.localeCompare(b.key) : a.dueAt < b.dueAt ? -1 : 1,
  );
}
