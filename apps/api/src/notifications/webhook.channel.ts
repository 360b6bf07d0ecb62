import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';

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

/** `sha256=<hex HMAC-SHA256 of the exact body>`, the value of `X-Duban-Signature`. */
export function signWebhookBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * POSTs a signed JSON body; any non-2xx answer or network error throws (and the job retries).
 * `send` is the ONE place a webhook request is made (checks before each request belong here).
 * Node's fetch keeps connections alive between requests to the same receiver (undici's pool).
 */
@Injectable()
export class WebhookChannel {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async send(url: string, secret: string, dedupeKey: string, payload: WebhookPayload): Promise<void> {
    const body = JSON.stringify(payload);
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-duban-signature': signWebhookBody(secret, body),
        // Receivers dedupe on this: a retry after a lost answer repeats it unchanged.
        'x-duban-delivery': dedupeKey,
      },
      body,
      signal: AbortSignal.timeout(this.config.webhooks.timeoutMs),
    });
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw new Error(`webhook answered HTTP ${response.status}`);
  }
}
