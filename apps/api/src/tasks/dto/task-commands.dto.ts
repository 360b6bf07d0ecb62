import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from '../../infra/http/date.decorators';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** Every state-changing body may carry the version it was based on (alternative to If-Match). */
export class VersionedCommand {
  @ApiPropertyOptional({
    description: 'Version the change is based on (alternative to If-Match)',
    example: 3,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ProgressReportCommand extends VersionedCommand {
  @ApiProperty({ example: '已召开专题会议部署，完成第一阶段调研。' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'text 不能为空' })
  @MaxLength(10_000)
  text!: string;
}

export class SubmitCommand extends VersionedCommand {
  @ApiProperty({ description: '办结情况说明', example: '各项任务已按期完成。' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'summary 不能为空' })
  @MaxLength(10_000)
  summary!: string;
}

export class ApproveCommand extends VersionedCommand {
  @ApiPropertyOptional({ example: '同意办结' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2_000)
  comment?: string;
}

export class ReturnCommand extends VersionedCommand {
  @ApiProperty({ description: '退回原因', example: '佐证材料不完整。' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'reason 不能为空' })
  @MaxLength(2_000)
  reason!: string;
}

export class ExtensionRequestCommand extends VersionedCommand {
  @ApiProperty({ example: '受汛期影响，需延期。' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'reason 不能为空' })
  @MaxLength(2_000)
  reason!: string;
  @IsCalendarDate()
  requestedDeadline!: string;
}

export class ExtensionDecisionCommand {
  @ApiPropertyOptional({ example: '同意延期' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2_000)
  reason?: string;
}

export class RefuseExtensionCommand {
  @ApiProperty({ example: '理由不充分' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'reason 不能为空' })
  @MaxLength(2_000)
  reason!: string;
}
