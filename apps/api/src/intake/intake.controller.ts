import type { IntakePreviewDto, IntakeResultDto } from '@duban/domain';
import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import { baseName } from '../imports/import-identity';
import type { AppConfig } from '../infra/config/app-config';
import { InjectConfig } from '../infra/config/config.module';
import { attachXlsx, readUploadedFile } from '../infra/http/uploaded-file';
import { INTAKE_UPLOAD_ERRORS } from './intake.errors';
import { IntakeService } from './intake.service';
import { ledgerTemplate } from './ledger-template';

/** Bulk 立项 from an Excel 台账 (supervisor): template, upload → preview, commit. */
@ApiTags('intake')
@ApiBearerAuth()
@Roles('supervisor')
@Controller('intake')
export class IntakeController {
  constructor(
    private readonly intake: IntakeService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Get('template.xlsx')
  @ApiOperation({ summary: 'The 台账 template (columns, an example row, a pick list for 来源类型)' })
  async template(@Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    attachXlsx(reply, 'ledger-template.xlsx', '督办台账模板.xlsx');
    return ledgerTemplate();
  }

  @Post()
  @ApiOperation({
    summary: 'Upload a filled 台账 (multipart field "file"); returns the rows with their errors',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  async upload(@Req() request: FastifyRequest, @CurrentUser() user: AuthUser): Promise<IntakePreviewDto> {
    const file = await readUploadedFile(request, this.config.import.maxBytes, INTAKE_UPLOAD_ERRORS);
    return this.intake.preview(baseName(file.fileName || '台账.xlsx'), file.bytes, user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A stored 台账 preview' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<IntakePreviewDto> {
    return this.intake.get(id);
  }

  @Post(':id/commit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Create the tasks of the rows without errors; reminders start at once' })
  commit(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<IntakeResultDto> {
    return this.intake.commit(id, user);
  }
}
