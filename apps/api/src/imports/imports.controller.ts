import type { ImportJobDto, ImportResultDto, ImportSourceLinesDto } from '@duban/domain';
import {
  Body,
  Controller,
  DefaultValuePipe,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiAcceptedResponse,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import type { AppConfig } from '../infra/config/app-config';
import { InjectConfig } from '../infra/config/config.module';
import { DomainError, ValidationError } from '../infra/http/domain-error';
import { readUploadedFile } from '../infra/http/uploaded-file';
import { ImportCorrectionBody } from './dto/corrections.dto';
import { ImportCommitBody, ImportJobResponse, ImportResultResponse } from './dto/import.dto';
import { ImportJobsService } from './import-jobs.service';
import type { CorrectedImportPreviewDto } from './import-preview.entity';
import { ImportsService } from './imports.service';

@ApiTags('imports')
@ApiBearerAuth()
@Roles('supervisor', 'admin')
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly jobs: ImportJobsService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Upload a policy text file (multipart field "file"); answers at once with an import job — poll ' +
      'GET /imports/jobs/:id until it is ready (then it carries the preview to commit) or failed',
  })
  @ApiConsumes('multipart/form-data')
  @ApiAcceptedResponse({ type: ImportJobResponse })
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  async upload(@Req() request: FastifyRequest, @CurrentUser() user: AuthUser): Promise<ImportJobDto> {
    const { fileName, bytes } = await readUploadedFile(request, this.config.import.maxBytes, {
      notMultipart: () =>
        new DomainError(
          'IMPORT_NOT_MULTIPART',
          '请以 multipart/form-data 方式上传文件（字段名 file）。',
          415,
        ),
      noFile: () => new ValidationError('IMPORT_NO_FILE', '请求中没有文件，请在字段 file 中上传政策文本。'),
      tooLarge: (file, mb) =>
        new DomainError('IMPORT_TOO_LARGE', `文件“${file}”超过 ${mb} MB 上限，请拆分后再导入。`, 413, {
          file,
          maxBytes: this.config.import.maxBytes,
        }),
    });
    return this.jobs.start(fileName, bytes, user);
  }

  @Get('jobs/:id')
  @ApiOperation({ summary: 'Status and progress of an import job; the preview once it is ready' })
  @ApiOkResponse({ type: ImportJobResponse })
  job(@Param('id', new ParseUUIDPipe()) id: string): Promise<ImportJobDto> {
    return this.jobs.get(id);
  }

  @Post(':id/commit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Commit a preview, mapping or creating its unknown departments' })
  @ApiOkResponse({ type: ImportResultResponse })
  commit(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ImportCommitBody,
    @CurrentUser() user: AuthUser,
  ): Promise<ImportResultDto> {
    // New and changed tasks are task events in the import's transaction: the worker schedules them on commit.
    return this.imports.commit(id, body.mappings ?? [], user);
  }

  @Post(':id/corrections')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Correct the preview before committing (edit, drop, add from lines, merge, split); kept for the file, ' +
      'so a re-import of it shows them again. Answers with the corrected preview',
  })
  correct(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ImportCorrectionBody,
    @CurrentUser() user: AuthUser,
  ): Promise<CorrectedImportPreviewDto> {
    return this.imports.correct(id, body, user);
  }

  @Delete(':id/corrections/:correctionId')
  @ApiOperation({ summary: 'Withdraw a correction; answers with the preview without it' })
  uncorrect(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('correctionId', new ParseUUIDPipe()) correctionId: string,
  ): Promise<CorrectedImportPreviewDto> {
    return this.imports.uncorrect(id, correctionId);
  }

  @Get(':id/lines')
  @ApiOperation({ summary: "Lines of the uploaded file (at most 2,000), to select a missed measure's text" })
  lines(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query('from', new DefaultValuePipe(1), ParseIntPipe) from: number,
    @Query('to', new DefaultValuePipe(2000), ParseIntPipe) to: number,
  ): Promise<ImportSourceLinesDto> {
    return this.imports.lines(id, from, to);
  }
}
