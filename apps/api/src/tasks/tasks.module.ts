import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RemindersModule } from '../reminders/reminders.module';
import { taskClockProviders } from './clock';
import { ExtensionQueueService } from './extension-queue.service';
import { ExtensionService } from './extension.service';
import { ExtensionsController } from './extensions.controller';
import { TaskAccessService } from './task-access.service';
import { TaskQueryService } from './task-query.service';
import { TaskWorkflowService } from './task-workflow.service';
import { TasksController } from './tasks.controller';

/** The task workflow: list/detail, transitions and extensions. */
@Module({
  imports: [AuditModule, RemindersModule],
  controllers: [TasksController, ExtensionsController],
  providers: [
    ...taskClockProviders,
    TaskAccessService,
    TaskQueryService,
    TaskWorkflowService,
    ExtensionService,
    ExtensionQueueService,
  ],
  exports: [TaskAccessService, TaskQueryService, ...taskClockProviders],
})
export class TasksModule {}
