import type { CalendarDayKind } from '@duban/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../infra/http/date.decorators';

const KINDS: CalendarDayKind[] = ['holiday', 'workday'];
const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

export class CalendarYearParams {
  @ApiProperty({ example: 2027 })
  @Transform(toInt)
  @IsInt({ message: '年份须为整数，如 2027' })
  @Min(2000, { message: '年份不能早于 2000 年' })
  @Max(2100, { message: '年份不能晚于 2100 年' })
  year!: number;
}

export class CalendarYearQuery {
  @ApiPropertyOptional({ example: 2027, description: 'Defaults to the current year (Asia/Shanghai)' })
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: '年份须为整数，如 2027' })
  @Min(2000, { message: '年份不能早于 2000 年' })
  @Max(2100, { message: '年份不能晚于 2100 年' })
  year?: number;
}

export class WorkingDaysQuery {
  @ApiProperty({ example: '2026-09-30', description: 'Start day (not counted)' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: 3, description: 'Number of working days (N个工作日内)' })
  @Transform(toInt)
  @IsInt({ message: '工作日数须为整数' })
  @Min(0, { message: '工作日数不能为负' })
  @Max(250, { message: '工作日数不能超过 250' })
  days!: number;
}

export class CalendarDayBody {
  @ApiProperty({ example: '2027-10-01' })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ enum: KINDS, description: 'holiday = 放假（休息日）, workday = 调休上班' })
  @IsIn(KINDS, { message: 'kind 须为 holiday（放假）或 workday（调休上班）' })
  kind!: CalendarDayKind;

  @ApiProperty({ example: '国庆节' })
  @IsString()
  @MinLength(1, { message: '请填写节日名称' })
  @Matches(/\S/, { message: '请填写节日名称' })
  @MaxLength(40, { message: '节日名称不超过 40 字' })
  name!: string;
}

/** PUT /api/admin/calendar/:year — the admins' entries for that year, replacing earlier ones. */
export class ReplaceCalendarYearBody {
  @ApiProperty({ type: [CalendarDayBody] })
  @IsArray()
  @ArrayMaxSize(200, { message: '一年最多录入 200 个日期' })
  @ValidateNested({ each: true })
  @Type(() => CalendarDayBody)
  days!: CalendarDayBody[];
}
