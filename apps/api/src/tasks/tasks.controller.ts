import type { PageDto, TaskDetailDto, TaskSummaryDto } from '@duban/domain';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import {
  ApproveCommand,
  ExtensionRequestCommand,
  ProgressReportCommand,
  ReturnCommand,
  SubmitCommand,
} from './dto/task-commands.dto';
import { TaskListQuery } from './dto/task-list-query.dto';
import { ExtensionService } from './extension.service';
import { expectedVersion } from './if-match';
import { TaskDetailReader } from './detail/task-detail.reader';
import { TaskListReader } from './list/task-list.reader';
import { TaskWorkflowService } from './task-workflow.service';

const uuid = new ParseUUIDPipe();

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TaskListReader,
    private readonly details: TaskDetailReader,
    private readonly workflow: TaskWorkflowService,
    private readonly extensions: ExtensionService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Tasks visible to the caller, filtered, sorted (overdue first) and paged' })
  list(@Query() query: TaskListQuery, @CurrentUser() user: AuthUser): Promise<PageDto<TaskSummaryDto>> {
    return this.tasks.list(query, user);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One task with departments, reports, evidence, extensions, history and allowed actions',
  })
  async detail(
    @Param('id', uuid) id: string,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TaskDetailDto> {
    const task = await this.details.detail(id, user);
    void reply.header('ETag', `"${task.version}"`);
    return task;
  }

  @Post(':id/progress')
  @HttpCode(200)
  @ApiOperation({ summary: 'Report progress (lead or participant department); starts or resumes the task' })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'Task version (ETag of the detail); stale → 409',
  })
  progress(
    @Param('id', uuid) id: string,
    @Body() body: ProgressReportCommand,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<TaskDetailDto> {
    return this.workflow.reportProgress(id, user, body.text, expectedVersion(ifMatch, body.version));
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Submit as done (lead department): needs a summary and at least one evidence file',
  })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'Task version (ETag of the detail); stale → 409',
  })
  submit(
    @Param('id', uuid) id: string,
    @Body() body: SubmitCommand,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<TaskDetailDto> {
    return this.workflow.submit(id, user, body.summary, expectedVersion(ifMatch, body.version));
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({ summary: 'Approve a submitted task (supervisor): records on-time against both deadlines' })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'Task version (ETag of the detail); stale → 409',
  })
  approve(
    @Param('id', uuid) id: string,
    @Body() body: ApproveCommand,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<TaskDetailDto> {
    return this.workflow.approve(id, user, body.comment, expectedVersion(ifMatch, body.version));
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({ summary: 'Return a submitted task with a reason (supervisor)' })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'Task version (ETag of the detail); stale → 409',
  })
  returnTask(
    @Param('id', uuid) id: string,
    @Body() body: ReturnCommand,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<TaskDetailDto> {
    return this.workflow.returnTask(id, user, body.reason, expectedVersion(ifMatch, body.version));
  }

  @Post(':id/extension')
  @HttpCode(201)
  @ApiOperation({ summary: 'Ask for a later deadline with a reason (lead department)' })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'Task version (ETag of the detail); stale → 409',
  })
  requestExtension(
    @Param('id', uuid) id: string,
    @Body() body: ExtensionRequestCommand,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<TaskDetailDto> {
    return this.extensions.request(id, user, {
      reason: body.reason,
      requestedDeadline: body.requestedDeadline,
      version: expectedVersion(ifMatch, body.version),
    });
  }
}
