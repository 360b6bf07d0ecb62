import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  /** Delivery dedupe key: seeds the Message-ID so a re-sent copy can be recognised. */
  dedupeKey: string;
}

/**
 * A stable Message-ID per delivery. If a worker dies after the SMTP server accepted a message but
 * before the delivery row was marked sent, the retry sends the SAME Message-ID: exactly-once over
 * SMTP is impossible in general, but receivers (and our tests) can drop the duplicate by it.
 */
export function messageIdFor(dedupeKey: string): string {
  return `<${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 40)}@duban.reminders>`;
}

@Injectable()
export class EmailChannel implements OnApplicationShutdown {
  private transport: Transporter | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.mail.smtpUrl !== null;
  }

  async send(message: EmailMessage): Promise<void> {
    if (!this.config.mail.smtpUrl) throw new Error('SMTP_URL is not configured');
    this.transport ??= this.createPool(this.config.mail.smtpUrl);
    await this.transport.sendMail({
      from: this.config.mail.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      messageId: messageIdFor(message.dedupeKey),
      headers: { 'X-Duban-Delivery': message.dedupeKey },
    });
  }

  /**
   * Pooled: a few connections kept open and reused for every message (one connection per message
   * capped a worker near 90 e-mails/s). `maxMessages: Infinity` keeps them until the server closes
   * them; the optional rate limit serves servers that throttle senders.
   */
  private createPool(url: string): Transporter {
    const { poolMaxConnections, rateLimitPerSecond } = this.config.mail;
    const options: SMTPPool.Options = {
      url,
      pool: true,
      maxConnections: poolMaxConnections,
      maxMessages: Infinity,
      ...(rateLimitPerSecond > 0 ? { rateDelta: 1000, rateLimit: rateLimitPerSecond } : {}),
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 15_000,
    };
    return createTransport(options);
  }

  // Shutdown phase: a delivery job still finishing during the drain sends through this transport.
  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
