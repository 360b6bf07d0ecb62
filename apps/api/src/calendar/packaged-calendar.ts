import type { CalendarDay } from '@duban/domain';
import packaged from 'chinese-days/dist/chinese-days.json';

/** `chinese-days` keeps `{ date: "English,中文,days" }` maps of days off and of 调休 working days. */
interface PackagedCalendar {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

function chineseName(entry: string): string {
  return entry.split(',')[1]?.trim() || entry;
}

/**
 * The State Council's announced days off and 调休 working days as shipped by the maintained
 * `chinese-days` package (updated each year; `npm update chinese-days` brings a new year).
 */
export function packagedCalendarDays(): CalendarDay[] {
  const data = packaged as PackagedCalendar;
  const days: CalendarDay[] = [];
  for (const [date, entry] of Object.entries(data.holidays)) {
    days.push({ date, kind: 'holiday', name: chineseName(entry) });
  }
  for (const [date, entry] of Object.entries(data.workdays)) {
    days.push({ date, kind: 'workday', name: chineseName(entry) });
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}
