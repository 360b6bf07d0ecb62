import type { WebhookDto } from '@duban/domain/contract';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Roles } from '../auth/auth.decorators';
import type { AppConfig } from '../infra/config/app-config';
import { InjectConfig } from '../infra/config/config.module';
import { NotFoundError, ValidationError } from '../infra/http/domain-error';
import { CreateWebhookBody } from './dto/notification.dto';
import { affectedRows } from './sql-result';
import { WebhookTargetError, WebhookTargetPolicy } from './webhook-target';

interface WebhookRow {
  id: string;
  department_id: string;
  url: string;
  enabled: boolean;
  created_at: Date;
}

const toDto = (r: WebhookRow): WebhookDto => ({
  id: r.id,
  departmentId: r.department_id,
  url: r.url,
  enabled: r.enabled,
  createdAt: r.created_at.toISOString(),
});

/** Department webhooks (admins): reminders POSTed as signed JSON to a department's own system. The secret is write-only. */
@ApiTags('notifications')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/webhooks')
export class WebhooksController {
  private readonly targets: WebhookTargetPolicy;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() config: AppConfig,
  ) {
    this.targets = new WebhookTargetPolicy(config.webhooks.allowPrivate);
  }

  @Get()
  @ApiOperation({ summary: 'List department webhooks' })
  async list(): Promise<WebhookDto[]> {
    const rows: WebhookRow[] = await this.dataSource.query(
      'SELECT id, department_id, url, enabled, created_at FROM department_webhooks ORDER BY created_at',
    );
    return rows.map(toDto);
  }

  @Post()
  @ApiOperation({ summary: 'Add a webhook for a department' })
  async create(@Body() body: CreateWebhookBody): Promise<WebhookDto> {
    const [department]: unknown[] = await this.dataSource.query('SELECT id FROM departments WHERE id = $1', [
      body.departmentId,
    ]);
    if (!department) throw new NotFoundError('DEPARTMENT_NOT_FOUND', '没有找到该部门，请检查部门编号。');
    // Resolved now and again at every delivery (the DNS answer may change: rebinding).
    await this.targets.check(body.url).catch((error: unknown) => {
      if (error instanceof WebhookTargetError) {
        throw new ValidationError('WEBHOOK_TARGET_FORBIDDEN', error.message, { reason: error.reason });
      }
      throw error;
    });
    const [row]: WebhookRow[] = await this.dataSource.query(
      `INSERT INTO department_webhooks (department_id, url, secret) VALUES ($1, $2, $3)
       RETURNING id, department_id, url, enabled, created_at`,
      [body.departmentId, body.url, body.secret],
    );
    return toDto(row);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a webhook' })
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const result: unknown = await this.dataSource.query('DELETE FROM department_webhooks WHERE id = $1', [
      id,
    ]);
    if (affectedRows(result) === 0) throw new NotFoundError('WEBHOOK_NOT_FOUND', '没有找到该 Webhook。');
  }
}
