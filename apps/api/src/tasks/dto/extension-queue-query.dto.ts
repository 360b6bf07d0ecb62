import type { ExtensionQueueQueryDto, ExtensionStatus } from '@duban/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { toInt } from '../../infra/http/query-transforms';

const STATUSES: ExtensionStatus[] = ['pending', 'granted', 'refused'];

/** Filters of GET /api/extensions. */
export class ExtensionQueueQuery implements ExtensionQueueQueryDto {
  @ApiPropertyOptional({ enum: STATUSES, description: 'Without it: every request, newest first' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: ExtensionStatus;
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  page?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}
