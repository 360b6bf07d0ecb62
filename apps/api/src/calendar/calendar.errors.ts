import { ValidationError } from '../infra/http/domain-error';

export const CalendarErrorCode = {
  DateOutsideYear: 'CALENDAR_DATE_OUTSIDE_YEAR',
  DuplicateDate: 'CALENDAR_DUPLICATE_DATE',
  NoWorkingDay: 'CALENDAR_NO_WORKING_DAY',
} as const;

export class CalendarDateOutsideYearError extends ValidationError {
  constructor(date: string, year: number) {
    super(CalendarErrorCode.DateOutsideYear, `日期 ${date} 不在 ${year} 年内，请在对应年份下录入。`, {
      date,
      year,
    });
  }
}

export class CalendarDuplicateDateError extends ValidationError {
  constructor(date: string) {
    super(CalendarErrorCode.DuplicateDate, `日期 ${date} 重复录入，每个日期只能有一条安排。`, { date });
  }
}

export class CalendarNoWorkingDayError extends ValidationError {
  constructor(from: string) {
    super(CalendarErrorCode.NoWorkingDay, `从 ${from} 起一年内没有工作日，请检查节假日安排。`, { from });
  }
}
