import { Module } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module';
import { RemindersModule } from '../reminders/reminders.module';
import { TasksModule } from '../tasks/tasks.module';
import { UsersModule } from '../users/users.module';
import { IntakeController } from './intake.controller';
import { IntakeService } from './intake.service';

/** Bulk 立项 from an Excel 台账 (its own feature, apart from the document import). */
@Module({
  imports: [DepartmentsModule, RemindersModule, TasksModule, UsersModule],
  controllers: [IntakeController],
  providers: [IntakeService],
})
export class IntakeModule {}
