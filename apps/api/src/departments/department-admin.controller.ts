import type {
  DepartmentDto,
  DepartmentUsageDto,
  DirectoryImportResultDto,
  MergeDepartmentResultDto,
} from '@duban/domain';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import { baseName } from '../imports/import-identity';
import type { AppConfig } from '../infra/config/app-config';
import { InjectConfig } from '../infra/config/config.module';
import { readUploadedFile } from '../infra/http/uploaded-file';
import { DepartmentAdminService } from './department-admin.service';
import { DepartmentMergeService } from './department-merge.service';
import { directoryUploadErrors } from './departments.errors';
import { DirectoryImportService } from './directory-import.service';
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
    private readonly directory: DirectoryImportService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Post('import')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Directory from .xlsx/CSV (名称, 简称, 辖区, 类别, 继任单位): per-row errors; written only with ?commit=true and no error',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiQuery({ name: 'commit', required: false, type: Boolean })
  async importDirectory(
    @Req() request: FastifyRequest,
    @Query('commit') commit: string | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<DirectoryImportResultDto> {
    const { bytes, fileName } = await readUploadedFile(
      request,
      this.config.import.maxBytes,
      directoryUploadErrors,
    );
    return this.directory.run(bytes, baseName(fileName || '名录.csv'), commit === 'true', user);
  }

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
