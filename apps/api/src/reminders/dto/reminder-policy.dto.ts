import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** A list of up to six days ahead (0–90; 0 = on the day): the deadline's and the 阶段节点's reminders. */
function OptionalDaysBefore(): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    IsArray(),
    ArrayMaxSize(6),
    IsInt({ each: true }),
    Min(0, { each: true }),
    Max(90, { each: true }),
  );
}

/** PUT /api/admin/reminder-policy: any subset of the editable fields. */
export class UpdateReminderPolicyBody {
  @ApiPropertyOptional({ example: '09:00', description: 'Local (Asia/Shanghai) time reminders go out' })
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'sendAtLocalTime 须为 HH:MM（24 小时制）' })
  sendAtLocalTime?: string;

  @ApiPropertyOptional({ example: [7, 1, 0], description: 'Days before the deadline; 0 = on the day' })
  @OptionalDaysBefore()
  beforeDays?: number[];

  @ApiPropertyOptional({ example: [3, 0], description: 'Days before each 阶段节点 (milestone); [] = none' })
  @OptionalDaysBefore()
  milestoneBeforeDays?: number[];

  @ApiPropertyOptional({ example: 1 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  overdueFirstAfterDays?: number;

  @ApiPropertyOptional({ example: 3 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  overdueEveryDays?: number;

  @ApiPropertyOptional({ example: 7 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  escalateAfterDays?: number;

  @ApiPropertyOptional({ example: 30 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(366)
  reportIntervalDays?: number;

  @ApiPropertyOptional({ example: 7 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(90)
  reportReminderBeforeDays?: number;

  @ApiPropertyOptional({
    enum: ['shift', 'keep'],
    description: 'shift: reminders falling on a day off move to a working day; keep: sent on the day',
  })
  @IsOptional()
  @IsIn(['shift', 'keep'], { message: 'nonWorkingDays 须为 shift（顺延至工作日）或 keep（照常发送）' })
  nonWorkingDays?: 'shift' | 'keep';

  @ApiPropertyOptional({ example: 2, description: '签收 window: working days after assignment' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(30)
  signoffWithinWorkingDays?: number;
}
