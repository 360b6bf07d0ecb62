import { Module } from '@nestjs/common';
import { DeliveryRecoveryService } from './delivery-recovery.service';
import { DeliveryService } from './delivery.service';
import { EmailChannel } from './email.channel';
import { NotificationFanOutService } from './notification-fanout.service';
import { WebhookChannel } from './webhook.channel';

/** Fan-out and channels: used by the worker (sending) and the API (reconciler, diagnostics). */
@Module({
  providers: [
    NotificationFanOutService,
    DeliveryService,
    DeliveryRecoveryService,
    EmailChannel,
    WebhookChannel,
  ],
  exports: [
    NotificationFanOutService,
    DeliveryService,
    DeliveryRecoveryService,
    EmailChannel,
    WebhookChannel,
  ],
})
export class NotificationsCoreModule {}
