import { describe, expect, it } from 'vitest';

import { NATIONAL_DAY_2026 } from './testing/national-day-2026';
import { WorkingDayCalendar } from './working-days';

describe(WorkingDayCalendar.name, () => {
  const calendar = new WorkingDayCalendar(NATIONAL_DAY_2026);

  it('treats plain weekdays as working days and weekends as days off', () => {
    const plain = WorkingDayCalendar.weekdaysOnly();
    expect(plain.isWorkingDay('2026-12-02')).toBe(true); // Wednesday
    expect(plain.isWorkingDay('2026-12-05')).toBe(false); // Saturday
    expect(plain.isWorkingDay('2026-12-06')).toBe(false); // Sunday
    expect(plain.isWorkingDay('2026-12-07')).toBe(true); // Monday
  });

  it('knows announced holidays on weekdays and 调休 weekend working days', () => {
    expect(calendar.isWorkingDay('2026-10-01')).toBe(false); // Thursday, 国庆节
    expect(calendar.isWorkingDay('2026-10-07')).toBe(false); // Wednesday, 国庆节
    expect(calendar.isWorkingDay('2026-10-08')).toBe(true);
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true); // Sunday worked
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true); // Saturday worked
    expect(calendar.nameOf('2026-10-03')).toBe('国庆节');
    expect(calendar.nameOf('2026-10-12')).toBeNull();
  });

  it('moves a date to the nearest working day in either direction', () => {
    expect(calendar.onOrAfter('2026-10-01')).toBe('2026-10-08');
    expect(calendar.onOrBefore('2026-10-01')).toBe('2026-09-30');
    expect(calendar.onOrAfter('2026-10-09')).toBe('2026-10-09');
    expect(calendar.onOrAfter('2026-10-11')).toBe('2026-10-12'); // Sunday after the worked Saturday
  });

  it('counts 「N个工作日内」 from the day after the start, skipping holidays and counting 调休 days', () => {
    // Wednesday 09-30 + 3 working days: 10-08 (Thu), 10-09 (Fri), 10-10 (worked Sat).
    expect(calendar.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(calendar.addWorkingDays('2026-09-30', 0)).toBe('2026-09-30');
    expect(calendar.workingDaysBetween('2026-09-30', '2026-10-10')).toBe(3);
    expect(calendar.workingDaysBetween('2026-10-10', '2026-09-30')).toBe(0);
  });

  it('says which years it has announcements for', () => {
    expect(calendar.coversYear(2026)).toBe(true);
    expect(calendar.coversYear(2027)).toBe(false);
  });

  it('lets a later entry for the same date win (an admin correction over the package data)', () => {
    const corrected = new WorkingDayCalendar([
      ...NATIONAL_DAY_2026,
      { date: '2026-10-07', kind: 'workday', name: '国庆节' },
    ]);
    expect(corrected.isWorkingDay('2026-10-07')).toBe(true);
  });

  it('refuses impossible dates and counts', () => {
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-01-01', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-01-01', 1.5)).toThrow(RangeError);
    expect(() => new WorkingDayCalendar([{ date: '2026-13-01', kind: 'holiday', name: 'x' }])).toThrow(
      RangeError,
    );
  });
});
