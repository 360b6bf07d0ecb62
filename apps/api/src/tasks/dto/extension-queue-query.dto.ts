import type { ExtensionQueueQueryDto, ExtensionStatus } from '@duban/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageParam, PageSizeParam } from '../../infra/http/paging.decorators';

const STATUSES: ExtensionStatus[] = ['pending', 'granted', 'refused'];

/** Filters of GET /api/extensions. */
export class ExtensionQueueQuery implements ExtensionQueueQueryDto {
  @ApiPropertyOptional({ enum: STATUSES, description: 'Without it: every request, newest first' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: ExtensionStatus;
  @PageParam()
  page?: number;
  @PageSizeParam(200, 50)
  pageSize?: number;
}
