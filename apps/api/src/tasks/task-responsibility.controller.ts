import type { TaskDetailDto, UserRefDto } from '@duban/domain';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Put,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import {
  ChangeMainLeadCommand,
  NameAssigneeCommand,
  TickChecklistItemCommand,
} from './dto/responsibility.dto';
import { expectedVersion } from './if-match';
import { TaskChecklistService } from './task-checklist.service';
import { ChecklistIndexInvalidError } from './task.errors';
import { TaskResponsibilityService } from './task-responsibility.service';

const uuid = new ParseUUIDPipe();
/** The item's position in the list, from 0. */
const CHECKLIST_INDEX = new ParseIntPipe({
  exceptionFactory: () => new ChecklistIndexInvalidError(),
});
const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'Task version (ETag of the detail); stale → 409',
};

/** 签收, 承办人, the 主办 lead (see TaskResponsibilityService) and the 工作清单 the departments tick off. */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TaskResponsibilityController {
  constructor(
    private readonly responsibility: TaskResponsibilityService,
    private readonly checklist: TaskChecklistService,
  ) {}

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

  @Put(':id/checklist/:index')
  @ApiOperation({ summary: 'Tick or untick one 工作清单 item (lead or participant department, open task)' })
  @ApiHeader(IF_MATCH)
  tickChecklistItem(
    @Param('id', uuid) id: string,
    @Param('index', CHECKLIST_INDEX) index: number,
    @Body() body: TickChecklistItemCommand,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<TaskDetailDto> {
    return this.checklist.tick(id, index, body.done, user, expectedVersion(ifMatch, body.version));
  }
}
