import type { CalendarDay } from '../working-days';

/**
 * 国庆节 2026 as announced: 10-01…10-07 off, Sunday 09-20 and Saturday 10-10 worked. The one fixture of
 * the calendar spec and the reminder policy's specs (working-day shifting, the 签收 window).
 */
export const NATIONAL_DAY_2026: readonly CalendarDay[] = [
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({
    date: `2026-10-${d}`,
    kind: 'holiday' as const,
    name: '国庆节',
  })),
  { date: '2026-09-20', kind: 'workday', name: '国庆节' },
  { date: '2026-10-10', kind: 'workday', name: '国庆节' },
];
