import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ClockModule } from '../infra/clock/clock.module';
import { DepartmentsModule } from '../departments/departments.module';
import { DocumentsModule } from '../documents/documents.module';
import { TaskEventsModule } from '../notifications/task-events.module';
import { RemindersModule } from '../reminders/reminders.module';
import { timingRulesProvider } from './timing-rules';
import { SignoffDeadline } from './signoff-deadline';
import { ExtensionQueueService } from './extension-queue.service';
import { ExtensionService } from './extension.service';
import { ExtensionsController } from './extensions.controller';
import { TaskAccessService } from './task-access.service';
import { TaskCommentService } from './task-comment.service';
import { TaskCreationService } from './task-creation.service';
import { TaskDeskController } from './task-desk.controller';
import { TaskDeskService } from './task-desk.service';
import { TaskEditService } from './task-edit.service';
import { TaskDetailReader } from './detail/task-detail.reader';
import { TaskListQueries } from './list/task-list.queries';
import { TaskListReader } from './list/task-list.reader';
import { TaskSummaryReader } from './task-summary.reader';
import { TaskResponsibilityController } from './task-responsibility.controller';
import { TaskChecklistService } from './task-checklist.service';
import { TaskResponsibilityService } from './task-responsibility.service';
import { TaskWorkflowService } from './task-workflow.service';
import { TasksController } from './tasks.controller';

/** The task workflow: list/detail, transitions and extensions. */
@Module({
  imports: [ClockModule, AuditModule, RemindersModule, DepartmentsModule, DocumentsModule, TaskEventsModule],
  controllers: [TasksController, ExtensionsController, TaskDeskController, TaskResponsibilityController],
  providers: [
    timingRulesProvider,
    TaskAccessService,
    TaskListQueries,
    TaskListReader,
    TaskDetailReader,
    TaskSummaryReader,
    TaskWorkflowService,
    ExtensionService,
    ExtensionQueueService,
    TaskCreationService,
    TaskDeskService,
    TaskEditService,
    TaskCommentService,
    TaskResponsibilityService,
    TaskChecklistService,
    SignoffDeadline,
  ],
  exports: [TaskAccessService, TaskListReader, TaskSummaryReader, TaskCreationService, timingRulesProvider],
})
export class TasksModule {}
