import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { CreateWebhookBody } from './dto/notification.dto';
import type { WebhookDto } from '@duban/domain/contract';
import { WebhooksService } from './webhooks.service';

/** Department webhooks (admins): reminders POSTed as signed JSON to a department's own system. The secret is write-only. */
@ApiTags('notifications')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @ApiOperation({ summary: 'List department webhooks' })
  list(): Promise<WebhookDto[]> {
    return this.webhooks.list();
  }

  @Post()
  @ApiOperation({ summary: 'Add a webhook for a department' })
  create(@Body() body: CreateWebhookBody): Promise<WebhookDto> {
    return this.webhooks.create({ departmentId: body.departmentId, url: body.url, secret: body.secret });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a webhook' })
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.webhooks.remove(id);
  }
}
