import {
  RECURRENCE_PERIODS,
  TASK_SOURCE_KINDS,
  type RecurrencePeriodDto,
  type TaskSourceKind,
} from '@duban/domain';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../infra/http/date.decorators';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
const MAX_DEPARTMENTS = 50;

class Versioned {
  @ApiPropertyOptional({ description: 'Version the change is based on (alternative to If-Match)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

class Reasoned extends Versioned {
  @ApiProperty({ example: '原时限录入有误，按批示更正。' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'reason 不能为空：请写明修改理由' })
  @MaxLength(2_000)
  reason!: string;
}

export class TaskSourceBody {
  @ApiProperty({ enum: TASK_SOURCE_KINDS })
  @IsIn([...TASK_SOURCE_KINDS], { message: 'source.kind 须为来源类型之一（领导批示、会议纪要…）' })
  kind!: TaskSourceKind;

  @ApiProperty({ example: '市政府第12次常务会议纪要' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'source.title 不能为空：请填写来源名称' })
  @MaxLength(500)
  title!: string;

  @ApiPropertyOptional({ description: '文号 or 批示 reference', example: '市政府纪要〔2026〕12号' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  reference?: string | null;

  @ApiPropertyOptional({ example: '2026-11-20' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsCalendarDate()
  date?: string | null;
}

export class MilestoneBody {
  @IsCalendarDate()
  date!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: '阶段目标不能为空' })
  @MaxLength(500)
  text!: string;
}

/** An optional list of 阶段节点 (≤ 20), each checked as a MilestoneBody: 立项 and the import corrections alike. */
export function OptionalMilestones(): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    IsArray(),
    ArrayMaxSize(20),
    ValidateNested({ each: true }),
    Type(() => MilestoneBody),
  );
}

/**
 * Department ids picked from the registry (≤ MAX_DEPARTMENTS); `lead` lists need one at least. The
 * decorators run in the order a stack `@IsArray() @ArrayMinSize() @ArrayMaxSize() @IsUUID()` would (bottom
 * first), so the reasons keep their order.
 */
function DepartmentIds(options: { lead?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    IsUUID('all', { each: true, message: '单位须从单位列表中选择' }),
    ArrayMaxSize(MAX_DEPARTMENTS),
    ...(options.lead ? [ArrayMinSize(1, { message: '至少需要一个牵头单位' })] : []),
    IsArray(),
  );
}

class Departments {
  @ApiProperty({ type: [String] })
  @DepartmentIds({ lead: true })
  leadDepartmentIds!: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @DepartmentIds()
  participantDepartmentIds?: string[];
}

export class CreateTaskBody extends Departments {
  @ValidateNested()
  @Type(() => TaskSourceBody)
  source!: TaskSourceBody;

  @ApiPropertyOptional({ description: 'Short title; derived from the text when absent' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  title?: string;

  @ApiProperty({ example: '完善城乡居民医保财政补助机制，年底前出台实施办法。' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'text 不能为空：请填写任务内容' })
  @MaxLength(10_000)
  text!: string;

  @ApiPropertyOptional({ example: '2027-06-30' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsCalendarDate()
  deadline?: string | null;

  @OptionalMilestones()
  milestones?: MilestoneBody[];

  @ApiPropertyOptional({ enum: RECURRENCE_PERIODS })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsIn([...RECURRENCE_PERIODS], { message: 'recurrence 须为 year、half-year、quarter 或 month' })
  recurrence?: RecurrencePeriodDto | null;
}

export class EditDeadlineBody extends Reasoned {
  @ApiProperty({ nullable: true, example: '2027-03-31' })
  @ValidateIf((_o, v) => v !== null)
  @IsCalendarDate()
  deadline!: string | null;
}

export class ChangeDepartmentsBody extends Reasoned {
  @ApiProperty({ type: [String] })
  @DepartmentIds({ lead: true })
  leadDepartmentIds!: string[];

  @ApiProperty({ type: [String] })
  @DepartmentIds()
  participantDepartmentIds!: string[];
}

export class SplitPartBody extends Departments {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  title?: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: '拆分后的每项任务都须填写任务内容' })
  @MaxLength(10_000)
  text!: string;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsCalendarDate()
  deadline?: string | null;
}

export class SplitTaskBody extends Reasoned {
  @IsArray()
  @ArrayMinSize(2, { message: '拆分至少需要两项任务' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SplitPartBody)
  parts!: SplitPartBody[];
}

export class TerminateTaskBody extends Reasoned {}

export class CreateCommentBody {
  @ApiProperty({ example: '请@测试部门A 于本周内报送进展。' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'text 不能为空：请填写意见内容' })
  @MaxLength(5_000, { message: '意见不能超过 5000 字' })
  text!: string;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID('all', { message: 'replyTo 须为意见的 id' })
  replyTo?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_DEPARTMENTS)
  @IsUUID('all', { each: true, message: '单位须从单位列表中选择' })
  mentionDepartmentIds?: string[];
}
