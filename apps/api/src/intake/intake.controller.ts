import type { IntakePreviewDto, IntakeResultDto } from '@duban/domain';
import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import { baseName } from '../imports/import-identity';
import type { AppConfig } from '../infra/config/app-config';
import { InjectConfig } from '../infra/config/config.module';
import { DomainError, ValidationError } from '../infra/http/domain-error';
import { attachXlsx, readUploadedFile, type UploadErrors } from '../infra/http/uploaded-file';
import { IntakeService } from './intake.service';
import { ledgerTemplate } from './ledger-template';

const INTAKE_UPLOAD_ERRORS: UploadErrors = {
  notMultipart: () =>
    new DomainError('INTAKE_NOT_MULTIPART', '请以 multipart/form-data 方式上传台账（字段名 file）。', 415),
  noFile: () => new ValidationError('INTAKE_NO_FILE', '请求中没有文件，请在字段 file 中上传台账。'),
  tooLarge: (_fileName, mb) =>
    new DomainError('INTAKE_TOO_LARGE', `台账文件超过 ${mb} MB 上限，请拆分后再导入。`, 413),
};

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
