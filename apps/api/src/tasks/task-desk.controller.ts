import type { SplitTaskResultDto, TaskCommentDto, TaskDetailDto } from '@duban/domain';
import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import {
  ChangeDepartmentsBody,
  CreateCommentBody,
  CreateTaskBody,
  EditDeadlineBody,
  SplitTaskBody,
  TerminateTaskBody,
} from './dto/task-desk.dto';
import { expectedVersion } from './if-match';
import { TaskCommentService } from './task-comment.service';
import { TaskDeskService } from './task-desk.service';
import { TaskEditService } from './task-edit.service';

const uuid = new ParseUUIDPipe();
const IF_MATCH = { name: 'If-Match', required: false, description: 'Task version (ETag); stale → 409' };

/** The 督查室's desk: 立项 by hand, edits with audit (deadline, departments, split, 终止), comments. */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TaskDeskController {
  constructor(
    private readonly desk: TaskDeskService,
    private readonly edits: TaskEditService,
    private readonly comments: TaskCommentService,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('supervisor')
  @ApiOperation({ summary: '立项: create a task with its source, departments and deadline (supervisor)' })
  create(@Body() body: CreateTaskBody, @CurrentUser() user: AuthUser): Promise<TaskDetailDto> {
    return this.desk.create(body, user);
  }

  @Post(':id/deadline')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Correct the deadline with a reason (an edit, not an extension)' })
  editDeadline(
    @Param('id', uuid) id: string,
    @Body() body: EditDeadlineBody,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<TaskDetailDto> {
    return this.edits.editDeadline(id, user, { ...body, version: expectedVersion(ifMatch, body.version) });
  }

  @Post(':id/departments')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Reassign, add or remove lead and participant departments, with a reason' })
  changeDepartments(
    @Param('id', uuid) id: string,
    @Body() body: ChangeDepartmentsBody,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<TaskDetailDto> {
    return this.edits.changeDepartments(id, user, {
      ...body,
      version: expectedVersion(ifMatch, body.version),
    });
  }

  @Post(':id/split')
  @HttpCode(201)
  @Roles('supervisor')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Split into several tasks (same source); the original is closed as 已终止' })
  split(
    @Param('id', uuid) id: string,
    @Body() body: SplitTaskBody,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<SplitTaskResultDto> {
    return this.edits.split(id, user, { ...body, version: expectedVersion(ifMatch, body.version) });
  }

  @Post(':id/terminate')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: '终止 with a reason: final status 已终止, no reminders, never overdue' })
  terminate(
    @Param('id', uuid) id: string,
    @Body() body: TerminateTaskBody,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<TaskDetailDto> {
    return this.edits.terminate(id, user, body.reason, expectedVersion(ifMatch, body.version));
  }

  @Get(':id/comments')
  @ApiOperation({ summary: 'The 督办意见 thread of a task' })
  listComments(@Param('id', uuid) id: string, @CurrentUser() user: AuthUser): Promise<TaskCommentDto[]> {
    return this.comments.list(id, user);
  }

  @Post(':id/comments')
  @HttpCode(201)
  @ApiOperation({ summary: 'Comment or reply (supervisor or a department of the task); @mentions notify' })
  comment(
    @Param('id', uuid) id: string,
    @Body() body: CreateCommentBody,
    @CurrentUser() user: AuthUser,
  ): Promise<TaskCommentDto[]> {
    return this.comments.create(id, user, body);
  }
}
