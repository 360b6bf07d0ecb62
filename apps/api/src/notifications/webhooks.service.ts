import type { WebhookDto } from '@duban/domain/contract';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../infra/config/app-config';
import { InjectConfig } from '../infra/config/config.module';
import { notificationErrors } from './notifications.errors';
import { WebhookTargetError, WebhookTargetPolicy } from './webhook-target';
import {
  deleteWebhook,
  departmentExists,
  insertWebhook,
  listWebhooks,
  type WebhookRow,
} from './webhooks.queries';

const toDto = (r: WebhookRow): WebhookDto => ({
  id: r.id,
  departmentId: r.department_id,
  url: r.url,
  enabled: r.enabled,
  createdAt: r.created_at.toISOString(),
});

/** Department webhooks: reminders POSTed as signed JSON to a department's own system. The secret is write-only. */
@Injectable()
export class WebhooksService {
  private readonly targets: WebhookTargetPolicy;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() config: AppConfig,
  ) {
    this.targets = new WebhookTargetPolicy(config.webhooks.allowPrivate);
  }

  async list(): Promise<WebhookDto[]> {
    return (await listWebhooks(this.dataSource)).map(toDto);
  }

  async create(input: { departmentId: string; url: string; secret: string }): Promise<WebhookDto> {
    if (!(await departmentExists(this.dataSource, input.departmentId)))
      throw notificationErrors.webhookDepartmentNotFound();
    // Resolved now and again at every delivery (the DNS answer may change: rebinding).
    await this.targets.check(input.url).catch((error: unknown) => {
      if (error instanceof WebhookTargetError) throw notificationErrors.webhookTargetForbidden(error);
      throw error;
    });
    return toDto(await insertWebhook(this.dataSource, input));
  }

  async remove(id: string): Promise<void> {
    if (!(await deleteWebhook(this.dataSource, id))) throw notificationErrors.webhookNotFound();
  }
}
