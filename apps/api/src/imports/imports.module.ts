import { Module } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module';
import { ImportJobsService } from './import-jobs.service';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { TaskImportService } from './task-import.service';

@Module({
  imports: [DepartmentsModule],
  controllers: [ImportsController],
  providers: [TaskImportService, ImportsService, ImportJobsService],
  exports: [TaskImportService],
})
export class ImportsModule {}
