import { Module } from '@nestjs/common';
import { TasksModule } from '../tasks/tasks.module';
import { DeliveriesController } from './deliveries.controller';
import { InboxCardsService } from './inbox-cards.service';
import { InboxQueries } from './inbox.queries';
import { NotificationInboxService } from './notification-inbox.service';
import { DigestPreferenceController, NotificationsController } from './notifications.controller';
import { NotificationsCoreModule } from './notifications-core.module';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/** HTTP side: the inbox (messages and task cards), channel and digest preferences, department webhooks and the admins' failed deliveries. */
@Module({
  imports: [NotificationsCoreModule, TasksModule],
  controllers: [
    NotificationsController,
    DigestPreferenceController,
    WebhooksController,
    DeliveriesController,
  ],
  providers: [NotificationInboxService, InboxCardsService, InboxQueries, WebhooksService],
  exports: [NotificationInboxService],
})
export class NotificationsModule {}
