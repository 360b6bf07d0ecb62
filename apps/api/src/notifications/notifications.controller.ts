import type { NotificationDto, PageDto } from '@duban/domain';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../auth/auth.decorators';
import { NotificationListQuery, NotificationPreferencesBody } from './dto/notification.dto';
import { NotificationInboxService, type ChannelPreferences } from './notification-inbox.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly inbox: NotificationInboxService) {}

  @Get()
  @ApiOperation({ summary: 'My in-app notifications, newest first' })
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: NotificationListQuery,
  ): Promise<PageDto<NotificationDto>> {
    return this.inbox.list(user.id, query);
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many of my notifications are unread' })
  async unreadCount(@CurrentUser() user: AuthUser): Promise<{ count: number }> {
    return { count: await this.inbox.unreadCount(user.id) };
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  async markAllRead(@CurrentUser() user: AuthUser): Promise<{ updated: number }> {
    return { updated: await this.inbox.markAllRead(user.id) };
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

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one of my notifications read' })
  markRead(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.inbox.markRead(user.id, id);
  }
}
