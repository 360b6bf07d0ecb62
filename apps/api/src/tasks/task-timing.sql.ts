import type { TimingRules } from '@duban/domain';

/** Column expressions of the task being judged (aliases differ between queries). */
export interface TimingColumns {
  status: string;
  /** Deadline in force, a `date` column. */
  deadline: string;
  createdAt: string;
  lastReportAt: string;
}

/** Named parameters every timing expression binds; pass them with the query. */
export interface TimingParameters {
  timingNow: Date;
  timingYellowDays: number;
  timingStaleDays: number;
}

export function timingParameters(now: Date, rules: TimingRules): TimingParameters {
  return { timingNow: now, timingYellowDays: rules.yellowWithinDays, timingStaleDays: rules.staleAfterDays };
}

/** Today's calendar date in Asia/Shanghai at the bound instant. */
const TODAY = `((CAST(:timingNow AS timestamptz) AT TIME ZONE 'Asia/Shanghai')::date)`;

/**
 * SQL twins of libs/domain `isOverdue` / `trafficLight`, evaluated at query time (never stored), so
 * filters and sorting agree with the DTO values. A deadline passes at 24:00 Shanghai: overdue exactly
 * when the Shanghai date today is after the deadline date.
 */
export function overdueSql(c: Pick<TimingColumns, 'status' | 'deadline'>): string {
  return `(${c.status} NOT IN ('done', 'terminated') AND ${c.deadline} IS NOT NULL AND ${c.deadline} < ${TODAY})`;
}

export function lightSql(c: TimingColumns): string {
  return `(CASE
    WHEN ${c.status} IN ('done', 'terminated') THEN 'green'
    WHEN ${c.deadline} IS NOT NULL THEN
      CASE WHEN ${c.deadline} < ${TODAY} THEN 'red'
           WHEN ${c.deadline} - ${TODAY} <= CAST(:timingYellowDays AS int) THEN 'yellow'
           ELSE 'green' END
    WHEN COALESCE(${c.lastReportAt}, ${c.createdAt})
         < CAST(:timingNow AS timestamptz) - make_interval(days => CAST(:timingStaleDays AS int)) THEN 'yellow'
    ELSE 'green' END)`;
}
