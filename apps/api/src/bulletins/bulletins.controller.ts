import type { BulletinDto } from '@duban/domain';
import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { contentDisposition } from '../evidence/storage/file-name';
import { renderBulletinDocx } from './bulletin.docx';
import { renderBulletinPdf } from './bulletin.pdf';
import { BulletinsService } from './bulletins.service';

class BulletinQuery {
  @ApiProperty({
    example: '2026-11',
    description: '2026-11 (month), 2026-Q4 (quarter), 2026-10-01..2026-11-15',
  })
  @IsString()
  @MaxLength(40)
  period!: string;

  @ApiPropertyOptional({ enum: ['json', 'docx', 'pdf'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'docx', 'pdf'])
  format?: 'json' | 'docx' | 'pdf';

  @ApiPropertyOptional({ description: 'one policy document' })
  @IsOptional()
  @IsUUID()
  document?: string;

  @ApiPropertyOptional({ description: 'lead departments, comma-separated ids' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').filter((v) => v.length > 0) : value,
  )
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  departments?: string[];
}

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

@ApiTags('bulletins')
@ApiBearerAuth()
@Controller('bulletins')
export class BulletinsController {
  constructor(private readonly bulletins: BulletinsService) {}

  @Get()
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: '督查通报 for a period and scope: the figures (json), or the .docx / PDF' })
  async bulletin(
    @Query() query: BulletinQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BulletinDto | StreamableFile> {
    const bulletin = await this.bulletins.build(query.period, {
      document: query.document,
      departments: query.departments,
    });
    const format = query.format ?? 'json';
    if (format === 'json') return bulletin;
    const buffer = format === 'docx' ? await renderBulletinDocx(bulletin) : await renderBulletinPdf(bulletin);
    void reply.headers({
      'Content-Type': TYPES[format],
      'Content-Disposition': contentDisposition(`${bulletin.title}-${bulletin.scopeLabel}.${format}`),
      'Cache-Control': 'private, no-store',
    });
    return new StreamableFile(buffer);
  }
}
