import { Module } from '@nestjs/common';
import { DeliveryService } from './delivery.service';
import { EmailChannel } from './email.channel';
import { NotificationFanOutService } from './notification-fanout.service';
import { WebhookChannel } from './webhook.channel';

/** Fan-out and channels: used by the worker (sending) and the API (reconciler, diagnostics). */
@Module({
  providers: [NotificationFanOutService, DeliveryService, EmailChannel, WebhookChannel],
  exports: [NotificationFanOutService, DeliveryService, EmailChannel, WebhookChannel],
})
export class NotificationsCoreModule {}
