import { isIsoDate, shanghaiDate } from '@duban/domain';
import { applyDecorators } from '@nestjs/common';
import { ValidateBy, type ValidationArguments } from 'class-validator';

export interface CalendarDateOptions {
  /** Latest allowed date, as years after today (Asia/Shanghai). */
  maxYearsAhead?: number;
}

function latestAllowed(years: number): string {
  const today = shanghaiDate(new Date());
  return `${Number(today.slice(0, 4)) + years}${today.slice(4)}`;
}

/**
 * A real calendar date `YYYY-MM-DD` (2026-02-30 is refused with a zh-CN reason), optionally not more
 * than `maxYearsAhead` years away: no plan runs to 9999-12-31.
 */
export function IsCalendarDate(options: CalendarDateOptions = {}): PropertyDecorator {
  return applyDecorators(
    ValidateBy({
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !isIsoDate(value)) return false;
          return options.maxYearsAhead === undefined || value <= latestAllowed(options.maxYearsAhead);
        },
        defaultMessage: (args?: ValidationArguments) => {
          const value: unknown = args?.value;
          if (typeof value === 'string' && isIsoDate(value) && options.maxYearsAhead !== undefined) {
            return `${args?.property ?? '日期'} 不能晚于 ${latestAllowed(options.maxYearsAhead)}`;
          }
          return `${args?.property ?? '日期'} 须为真实存在的日期（YYYY-MM-DD），如 2027-03-31`;
        },
      },
    }),
  );
}
