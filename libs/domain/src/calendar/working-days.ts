/**
 * The working-day calendar of the People's Republic of China: Monday to Friday, minus the public
 * holidays (法定节假日 and the days off around them) the State Council announces each year, plus the
 * weekend days worked in exchange (调休上班). The data are supplied by the caller — the API merges a
 * maintained package with the admins' own entries — so this stays pure and testable.
 */
import type { CalendarDayKind } from '../api/calendar';

/** One announced day: a day off on a weekday (`holiday`) or a weekend day worked (`workday`). */
export interface CalendarDay {
  /** 'YYYY-MM-DD', a local (Asia/Shanghai) calendar date. */
  date: string;
  kind: CalendarDayKind;
  /** e.g. 春节, 国庆节; the festival a 调休 day belongs to. */
  name: string;
}

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A bound on every walk: no real calendar has this many days off in a row. */
const MAX_WALK_DAYS = 366;

/** Day number (days since 1970-01-01) of a 'YYYY-MM-DD' date; throws on an impossible date. */
export function calendarDayNumber(date: string): number {
  const match = DATE_RE.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`not a calendar date: ${date}`);
  return ms / DAY_MS;
}

export function calendarDateOf(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

export class WorkingDayCalendar {
  private readonly kinds = new Map<number, CalendarDayKind>();
  private readonly names = new Map<number, string>();
  private readonly years = new Set<number>();

  /** Later entries for the same date win (admins' corrections come after the package's data). */
  constructor(days: Iterable<CalendarDay> = []) {
    for (const day of days) {
      const n = calendarDayNumber(day.date);
      this.kinds.set(n, day.kind);
      this.names.set(n, day.name);
      this.years.add(Number(day.date.slice(0, 4)));
    }
  }

  /** A calendar of plain weeks (Monday to Friday), for tests and years nobody has announced. */
  static weekdaysOnly(): WorkingDayCalendar {
    return new WorkingDayCalendar();
  }

  /** Whether any holiday of `year` is known: outside such years only weekends are days off. */
  coversYear(year: number): boolean {
    return this.years.has(year);
  }

  isWorkingDay(date: string): boolean {
    return this.isWorkingDayNumber(calendarDayNumber(date));
  }

  isWorkingDayNumber(day: number): boolean {
    const kind = this.kinds.get(day);
    if (kind) return kind === 'workday';
    const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    return weekday !== 0 && weekday !== 6;
  }

  /** The festival name of an announced day, or null for an ordinary day. */
  nameOf(date: string): string | null {
    return this.names.get(calendarDayNumber(date)) ?? null;
  }

  /** `date` itself when it is a working day, else the first working day after it. */
  onOrAfter(date: string): string {
    return calendarDateOf(this.shiftDayNumber(calendarDayNumber(date), 1));
  }

  /** `date` itself when it is a working day, else the last working day before it. */
  onOrBefore(date: string): string {
    return calendarDateOf(this.shiftDayNumber(calendarDayNumber(date), -1));
  }

  /** The nearest working day from `day` in `direction` (+1 later, −1 earlier), `day` included. */
  shiftDayNumber(day: number, direction: 1 | -1): number {
    for (let step = 0; step <= MAX_WALK_DAYS; step++) {
      const candidate = day + step * direction;
      if (this.isWorkingDayNumber(candidate)) return candidate;
    }
    throw new RangeError(`no working day within ${MAX_WALK_DAYS} days of ${calendarDateOf(day)}`);
  }

  /**
   * The date that ends a period of `count` working days starting the day after `from` — the deadline
   * of 「N个工作日内」 counted from `from` (the day of the document or of 签收, which itself does not count).
   */
  addWorkingDays(from: string, count: number): string {
    if (!Number.isInteger(count) || count < 0 || count > MAX_WALK_DAYS) {
      throw new RangeError(`working-day count must be an integer from 0 to ${MAX_WALK_DAYS}`);
    }
    let day = calendarDayNumber(from);
    let left = count;
    while (left > 0) {
      day += 1;
      if (this.isWorkingDayNumber(day)) left -= 1;
    }
    return calendarDateOf(day);
  }

  /** Working days in (from, to]: how many working days after `from` the date `to` is (0 when to ≤ from). */
  workingDaysBetween(from: string, to: string): number {
    const start = calendarDayNumber(from);
    const end = calendarDayNumber(to);
    if (end - start > 20 * MAX_WALK_DAYS) throw new RangeError('range too long');
    let count = 0;
    for (let day = start + 1; day <= end; day++) if (this.isWorkingDayNumber(day)) count += 1;
    return count;
  }
}
