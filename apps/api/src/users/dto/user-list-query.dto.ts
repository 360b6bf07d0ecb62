import type { UserListQueryDto } from '@duban/domain';
import { PageParam, PageSizeParam, SearchParam } from '../../infra/http/paging.decorators';

/** Filters of GET /api/users. */
export class UserListQuery implements UserListQueryDto {
  @SearchParam('Substring of the username, display name or department name')
  q?: string;
  @PageParam()
  page?: number;
  @PageSizeParam(500, 100)
  pageSize?: number;
}
