import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { WebhookTransport } from './webhook-http';
import { WebhookTargetPolicy } from './webhook-target';

export { signWebhookBody } from './webhook-http';

export interface WebhookPayload {
  event: 'reminder';
  deliveryId: string;
  notification: {
    key: string;
    rule: string;
    title: string;
    body: string;
    dueAt: string;
    sentAt: string;
    task: { id: string; title: string; link: string } | null;
  };
}

/**
 * POSTs a signed JSON body through the SSRF-guarded transport (keep-alive agents); any non-2xx
 * answer, a refused target or a network error throws (and the delivery retries). `send` is the ONE
 * place a webhook request is made.
 */
@Injectable()
export class WebhookChannel implements OnApplicationShutdown {
  private readonly transport: WebhookTransport;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = new WebhookTransport(new WebhookTargetPolicy(config.webhooks.allowPrivate));
  }

  async send(url: string, secret: string, dedupeKey: string, payload: WebhookPayload): Promise<void> {
    await this.transport.post({
      url,
      secret,
      dedupeKey,
      body: JSON.stringify(payload),
      timeoutMs: this.config.webhooks.timeoutMs,
    });
  }

  // Shutdown phase: a delivery job still finishing during the drain sends through this transport.
  onApplicationShutdown(): void {
    this.transport.close();
  }
}
