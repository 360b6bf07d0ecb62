import type {
  DigestPreferenceDto,
  InboxTaskCardDto,
  InboxUnreadCountsDto,
  NotificationDto,
  PageDto,
} from '@duban/domain';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../auth/auth.decorators';
import {
  DigestPreferenceBody,
  NotificationListQuery,
  NotificationPreferencesBody,
  NotificationReadAllQuery,
} from './dto/notification.dto';
import { InboxCardsService } from './inbox-cards.service';
import { NotificationInboxService, type ChannelPreferences } from './notification-inbox.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly inbox: NotificationInboxService,
    private readonly cards: InboxCardsService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'My in-app notifications, newest first; `groupBy=task` answers task cards instead, `category` keeps one tab',
  })
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: NotificationListQuery,
  ): Promise<PageDto<NotificationDto> | PageDto<InboxTaskCardDto>> {
    return query.groupBy === 'task' ? this.cards.cards(user.id, query) : this.inbox.list(user.id, query);
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many of my notifications are unread' })
  async unreadCount(@CurrentUser() user: AuthUser): Promise<{ count: number }> {
    return { count: await this.inbox.unreadCount(user.id) };
  }

  @Get('unread-counts')
  @ApiOperation({ summary: 'My unread notifications per inbox tab (催办 审核 延期 退回 其他)' })
  unreadCounts(@CurrentUser() user: AuthUser): Promise<InboxUnreadCountsDto> {
    return this.inbox.unreadCounts(user.id);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all my notifications read (optionally one tab)' })
  async markAllRead(
    @CurrentUser() user: AuthUser,
    @Query() query: NotificationReadAllQuery,
  ): Promise<{ updated: number }> {
    return { updated: await this.inbox.markAllRead(user.id, query.category) };
  }

  @Get('preferences')
  @ApiOperation({ summary: 'My channel preferences (inbox, e-mail)' })
  preferences(@CurrentUser() user: AuthUser): Promise<ChannelPreferences> {
    return this.inbox.preferences(user.id);
  }

  @Put('preferences')
  @ApiOperation({ summary: 'Change my channel preferences' })
  updatePreferences(
    @CurrentUser() user: AuthUser,
    @Body() body: NotificationPreferencesBody,
  ): Promise<ChannelPreferences> {
    return this.inbox.updatePreferences(user.id, body);
  }

  @Post('tasks/:taskId/read')
  @HttpCode(200)
  @ApiOperation({
    summary: "Mark my notifications about a task read (a card's 标为已读), optionally those of one tab",
  })
  async markTaskRead(
    @CurrentUser() user: AuthUser,
    @Param('taskId', ParseUUIDPipe) taskId: string,
    @Query() query: NotificationReadAllQuery,
  ): Promise<{ updated: number }> {
    return { updated: await this.inbox.markTaskRead(user.id, taskId, query.category) };
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one of my notifications read' })
  markRead(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.inbox.markRead(user.id, id);
  }
}

/** My digest choice; beside `/api/me` (the 个人设置 page), kept apart from the channel preferences. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/digest')
export class DigestPreferenceController {
  constructor(private readonly inbox: NotificationInboxService) {}

  @Get()
  @ApiOperation({ summary: 'How my 催办 e-mails arrive: none (one by one) or daily (one digest at 08:30)' })
  async get(@CurrentUser() user: AuthUser): Promise<DigestPreferenceDto> {
    return { digest: await this.inbox.digest(user.id) };
  }

  @Put()
  @ApiOperation({ summary: 'Change how my 催办 e-mails arrive' })
  async put(@CurrentUser() user: AuthUser, @Body() body: DigestPreferenceBody): Promise<DigestPreferenceDto> {
    return { digest: await this.inbox.setDigest(user.id, body.digest) };
  }
}
