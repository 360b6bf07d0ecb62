import type { ExtensionQueueItemDto, PageDto, TaskDetailDto } from '@duban/domain';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import { ExtensionQueueQuery } from './dto/extension-queue-query.dto';
import { ExtensionDecisionCommand, RefuseExtensionCommand } from './dto/task-commands.dto';
import { ExtensionQueueService } from './extension-queue.service';
import { ExtensionService } from './extension.service';

/**
 * The review queue (every role; officers see their department's tasks only) and the decisions on
 * extension requests (supervisors only: others get 403 without learning whether it exists).
 */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('extensions')
export class ExtensionsController {
  constructor(
    private readonly extensions: ExtensionService,
    private readonly queue: ExtensionQueueService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Extension requests with their task; officers: only tasks of their own department',
  })
  list(
    @Query() query: ExtensionQueueQuery,
    @CurrentUser() user: AuthUser,
  ): Promise<PageDto<ExtensionQueueItemDto>> {
    return this.queue.list(query, user);
  }

  @Roles('supervisor')
  @Post(':id/grant')
  @HttpCode(200)
  @ApiOperation({ summary: 'Grant: the deadline in force moves, the original is kept' })
  grant(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ExtensionDecisionCommand,
    @CurrentUser() user: AuthUser,
  ): Promise<TaskDetailDto> {
    return this.extensions.grant(id, user, body.reason);
  }

  @Roles('supervisor')
  @Post(':id/refuse')
  @HttpCode(200)
  @ApiOperation({ summary: 'Refuse with a reason' })
  refuse(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RefuseExtensionCommand,
    @CurrentUser() user: AuthUser,
  ): Promise<TaskDetailDto> {
    return this.extensions.refuse(id, user, body.reason);
  }
}
