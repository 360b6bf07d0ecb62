import type { PageDto, UserDto } from '@duban/domain';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { UserListQuery } from './dto/user-list-query.dto';
import { UsersService } from './users.service';

/** Account administration: admins only (supervisors and officers get 403). */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Accounts (never the password hash), filtered by ?q=, paged' })
  list(@Query() query: UserListQuery): Promise<PageDto<UserDto>> {
    return this.users.list(query);
  }
}
