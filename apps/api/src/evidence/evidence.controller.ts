import type { EvidenceDto } from '@duban/domain';
import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, type AuthUser } from '../auth/auth.decorators';
import { EvidenceService } from './evidence.service';

@ApiTags('evidence')
@ApiBearerAuth()
@Controller()
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  /** multipart/form-data with one file; the stored name is the uploaded one, made safe. */
  @Post('tasks/:id/evidence')
  @ApiOperation({
    summary: 'Upload one evidence file (PDF, DOCX, XLSX, PNG, JPEG, text; checked by content)',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  upload(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() request: FastifyRequest,
    @CurrentUser() user: AuthUser,
  ): Promise<EvidenceDto> {
    return this.evidence.upload(id, user, request);
  }

  /** Removes a file of one's own department before 报办结 (audited). */
  @Delete('evidence/:id')
  @HttpCode(204)
  @ApiOperation({ summary: "Delete one of my department's files while the task still takes evidence" })
  remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.evidence.remove(id, user);
  }

  /** Downloads a file under its original name; the browser must not sniff or render it inline. */
  @Get('evidence/:id')
  @ApiOperation({ summary: 'Download under the original file name' })
  @ApiProduces('application/octet-stream')
  async download(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.evidence.download(id, user);
    void reply.headers({
      'Content-Type': file.mimeType,
      'Content-Length': String(file.size),
      'Content-Disposition': file.disposition,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    });
    return new StreamableFile(file.stream);
  }
}
