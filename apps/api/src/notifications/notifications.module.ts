import { Module } from '@nestjs/common';
import { NotificationInboxService } from './notification-inbox.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsCoreModule } from './notifications-core.module';
import { WebhooksController } from './webhooks.controller';

/** HTTP side: the inbox, channel preferences and department webhooks. */
@Module({
  imports: [NotificationsCoreModule],
  controllers: [NotificationsController, WebhooksController],
  providers: [NotificationInboxService],
  exports: [NotificationInboxService],
})
export class NotificationsModule {}
