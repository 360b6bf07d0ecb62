import { Module } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module';
import { TasksModule } from '../tasks/tasks.module';
import { ExportController } from './export.controller';
import { ExportService } from './export.service';

@Module({
  imports: [TasksModule, DepartmentsModule],
  controllers: [ExportController],
  providers: [ExportService],
})
export class ExportModule {}
