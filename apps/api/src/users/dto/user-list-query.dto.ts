import type { UserListQueryDto } from '@duban/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageParam, PageSizeParam } from '../../infra/http/paging.decorators';

/** Filters of GET /api/users. */
export class UserListQuery implements UserListQueryDto {
  @ApiPropertyOptional({ description: 'Substring of the username, display name or department name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
  @PageParam()
  page?: number;
  @PageSizeParam(500, 100)
  pageSize?: number;
}
