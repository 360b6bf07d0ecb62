import type { PolicyDocumentDto } from '@duban/domain';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PolicyDocumentResponse } from './dto/policy-document.dto';
import { CurrentUser, type AuthUser } from '../auth/auth.decorators';
import { DocumentsService } from './documents.service';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  @ApiOperation({ summary: 'Imported policy documents (officers: those with tasks of their department)' })
  @ApiOkResponse({ type: [PolicyDocumentResponse] })
  list(@CurrentUser() user: AuthUser): Promise<PolicyDocumentDto[]> {
    return this.documents.list(user);
  }
}
