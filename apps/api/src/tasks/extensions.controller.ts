import type { TaskDetailDto } from '@duban/domain';
import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import { ExtensionDecisionCommand, RefuseExtensionCommand } from './dto/task-commands.dto';
import { ExtensionService } from './extension.service';

/** Decisions on extension requests: supervisors only (others get 403 without learning whether it exists). */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('extensions')
@Roles('supervisor')
export class ExtensionsController {
  constructor(private readonly extensions: ExtensionService) {}

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
