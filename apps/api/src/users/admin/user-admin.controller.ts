import type { CreatedUserDto, MeDto, UserDto, UserImportResultDto } from '@duban/domain';
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
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, Roles, type AuthUser } from '../../auth/auth.decorators';
import { MeResponse } from '../../auth/dto/login.dto';
import { baseName } from '../../imports/import-identity';
import type { AppConfig } from '../../infra/config/app-config';
import { InjectConfig } from '../../infra/config/config.module';
import { attachXlsx, readUploadedFile } from '../../infra/http/uploaded-file';
import { userImportErrors } from '../users.errors';
import {
  CreatedUserResponse,
  CreateUserBody,
  UpdateMeBody,
  UpdateUserBody,
  UserResponse,
} from '../dto/user-admin.dto';
import { UserAdminService } from './user-admin.service';
import { UserImportService } from './user-import.service';
import { userSheetTemplate } from './user-sheet';

/** Account administration (admins only; supervisors and officers get 403): create, edit, bulk import. */
@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UserAdminController {
  constructor(
    private readonly admin: UserAdminService,
    private readonly importer: UserImportService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create an account; answers its one-time password once (changed at first login)' })
  @ApiCreatedResponse({ type: CreatedUserResponse })
  create(@CurrentUser() admin: AuthUser, @Body() body: CreateUserBody): Promise<CreatedUserDto> {
    return this.admin.create(admin, body);
  }

  @Get('import/template')
  @ApiOperation({ summary: 'The user sheet template (用户名, 姓名, 角色, 所属部门, 邮箱, 手机)' })
  async template(@Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    attachXlsx(reply, 'user-template.xlsx', '用户导入模板.xlsx');
    return userSheetTemplate();
  }

  @Post('import')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Bulk-create accounts from an .xlsx (multipart field "file"): per-row errors, the rows without errors created',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiQuery({ name: 'dryRun', required: false, description: 'true: check only, create nothing' })
  async import(
    @Req() request: FastifyRequest,
    @CurrentUser() admin: AuthUser,
    @Query('dryRun') dryRun?: string,
  ): Promise<UserImportResultDto> {
    if (dryRun !== undefined && dryRun !== 'true' && dryRun !== 'false') {
      throw userImportErrors.dryRun();
    }
    const mb = Math.round(this.config.import.maxBytes / 1024 / 1024);
    const { bytes, fileName } = await readUploadedFile(request, this.config.import.maxBytes, {
      notMultipart: userImportErrors.notMultipart,
      noFile: userImportErrors.noFile,
      tooLarge: () => userImportErrors.tooLarge(mb),
    });
    return this.importer.run(admin, baseName(fileName || '用户表.xlsx'), bytes, dryRun === 'true');
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      "Edit a person's name, contact, role, department, 负责人; a role or department change ends their sessions",
  })
  @ApiOkResponse({ type: UserResponse })
  update(
    @CurrentUser() admin: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateUserBody,
  ): Promise<UserDto> {
    return this.admin.update(admin, id, body);
  }
}

/** 个人设置 of every logged-in user: their own e-mail and phone (their password: POST /api/auth/password). */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('me')
export class ProfileController {
  constructor(private readonly admin: UserAdminService) {}

  @Patch()
  @ApiOperation({ summary: 'Change my own e-mail and phone' })
  @ApiOkResponse({ type: MeResponse })
  update(@CurrentUser() user: AuthUser, @Body() body: UpdateMeBody): Promise<MeDto> {
    return this.admin.updateMe(user, body);
  }
}
