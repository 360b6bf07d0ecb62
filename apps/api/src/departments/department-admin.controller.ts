import type { DepartmentDto, DepartmentUsageDto, MergeDepartmentResultDto } from '@duban/domain';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import { DepartmentAdminService } from './department-admin.service';
import { DepartmentMergeService } from './department-merge.service';
import { DepartmentResponse } from './dto/department.dto';
import {
  CreateDepartmentBody,
  DepartmentUsageResponse,
  MergeDepartmentBody,
  MergeDepartmentResponse,
  UpdateDepartmentBody,
} from './dto/department-admin.dto';

const uuid = new ParseUUIDPipe();

/** Administration of the department directory: admins only (supervisors and officers get 403). */
@ApiTags('departments')
@ApiBearerAuth()
@Controller('departments')
@Roles('admin')
export class DepartmentAdminController {
  constructor(
    private readonly admin: DepartmentAdminService,
    private readonly merges: DepartmentMergeService,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a unit: name, short names, kind, jurisdiction' })
  @ApiOkResponse({ type: DepartmentResponse })
  create(@Body() body: CreateDepartmentBody, @CurrentUser() user: AuthUser): Promise<DepartmentDto> {
    return this.admin.create(body, user);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename (the old name becomes an alias), edit aliases, kind, jurisdiction' })
  @ApiOkResponse({ type: DepartmentResponse })
  update(
    @Param('id', uuid) id: string,
    @Body() body: UpdateDepartmentBody,
    @CurrentUser() user: AuthUser,
  ): Promise<DepartmentDto> {
    return this.admin.update(id, body, user);
  }

  @Get(':id/usage')
  @ApiOperation({ summary: 'Tasks and accounts a merge of this unit would move' })
  @ApiOkResponse({ type: DepartmentUsageResponse })
  usage(@Param('id', uuid) id: string): Promise<DepartmentUsageDto> {
    return this.admin.usage(id);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Merge into a successor: tasks, accounts and names move; the unit is kept, hidden',
  })
  @ApiOkResponse({ type: MergeDepartmentResponse })
  merge(
    @Param('id', uuid) id: string,
    @Body() body: MergeDepartmentBody,
    @CurrentUser() user: AuthUser,
  ): Promise<MergeDepartmentResultDto> {
    return this.merges.merge(id, body.into, user);
  }
}
