/** The working-day calendar (/api/calendar): announced holidays and 调休 workdays. */

/** A weekday off (放假) or a weekend day worked (调休上班), as the State Council announces them. */
export type CalendarDayKind = 'holiday' | 'workday';

/** Where a calendar entry comes from: the maintained package, or an admin's own entry (which wins). */
export type CalendarDaySource = 'package' | 'admin';

export interface CalendarDayDto {
  date: string;
  kind: CalendarDayKind;
  name: string;
  source: CalendarDaySource;
}

/** GET /api/calendar?year= — the announced days of one year (ordinary weekdays and weekends are implied). */
export interface CalendarYearDto {
  year: number;
  /** Whether any announcement for the year is known: if not, only weekends count as days off. */
  covered: boolean;
  days: CalendarDayDto[];
}

/** GET /api/calendar/working-days?from=&days= — the end of 「N个工作日内」 counted from `from`. */
export interface WorkingDaysDto {
  from: string;
  days: number;
  date: string;
}

export interface ReplaceCalendarYearRequestDto {
  days: { date: string; kind: CalendarDayKind; name: string }[];
}
