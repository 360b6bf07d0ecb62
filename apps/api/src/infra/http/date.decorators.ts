import { isIsoDate } from '@duban/domain';
import { ValidateBy, type ValidationArguments } from 'class-validator';

/** A real calendar date `YYYY-MM-DD`: 2026-02-30 is refused with a zh-CN reason, never reaches SQL. */
export function IsCalendarDate(): PropertyDecorator {
  return ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isIsoDate(value),
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property ?? '日期'} 须为真实存在的日期（YYYY-MM-DD），如 2027-03-31`,
    },
  });
}
