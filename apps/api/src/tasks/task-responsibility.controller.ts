import type { TaskDetailDto, UserRefDto } from '@duban/domain';
import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import { ChangeMainLeadCommand, NameAssigneeCommand } from './dto/responsibility.dto';
import { expectedVersion } from './if-match';
import { TaskResponsibilityService } from './task-responsibility.service';

const uuid = new ParseUUIDPipe();
const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'Task version (ETag of the detail); stale → 409',
};

/** 签收, 承办人 and the 主办 lead (see TaskResponsibilityService). */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TaskResponsibilityController {
  constructor(private readonly responsibility: TaskResponsibilityService) {}

  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: '签收 (an officer of the 主办 lead department); idempotent' })
  @ApiHeader(IF_MATCH)
  acknowledge(
    @Param('id', uuid) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<TaskDetailDto> {
    return this.responsibility.acknowledge(id, user, expectedVersion(ifMatch, undefined));
  }

  @Put(':id/assignee')
  @ApiOperation({
    summary: 'Name the 承办人 (主办 lead officers): an active officer of that department, or null',
  })
  @ApiHeader(IF_MATCH)
  nameAssignee(
    @Param('id', uuid) id: string,
    @Body() body: NameAssigneeCommand,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<TaskDetailDto> {
    return this.responsibility.nameAssignee(id, user, body.userId, expectedVersion(ifMatch, body.version));
  }

  @Get(':id/assignee-candidates')
  @ApiOperation({ summary: 'Officers who may be named 承办人 (主办 lead officers only)' })
  assigneeCandidates(@Param('id', uuid) id: string, @CurrentUser() user: AuthUser): Promise<UserRefDto[]> {
    return this.responsibility.assigneeCandidates(id, user);
  }

  @Put(':id/main-lead')
  @Roles('supervisor')
  @ApiOperation({ summary: 'Make another lead the 主办 (supervisor); it signs off anew' })
  @ApiHeader(IF_MATCH)
  changeMainLead(
    @Param('id', uuid) id: string,
    @Body() body: ChangeMainLeadCommand,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<TaskDetailDto> {
    return this.responsibility.changeMainLead(
      id,
      user,
      body.departmentId,
      expectedVersion(ifMatch, body.version),
    );
  }
}
