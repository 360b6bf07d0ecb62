import { Module } from '@nestjs/common';
import { DeliveriesController } from './deliveries.controller';
import { NotificationInboxService } from './notification-inbox.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsCoreModule } from './notifications-core.module';
import { WebhooksController } from './webhooks.controller';

/** HTTP side: the inbox, channel preferences, department webhooks and the admins' failed deliveries. */
@Module({
  imports: [NotificationsCoreModule],
  controllers: [NotificationsController, WebhooksController, DeliveriesController],
  providers: [NotificationInboxService],
  exports: [NotificationInboxService],
})
export class NotificationsModule {}
