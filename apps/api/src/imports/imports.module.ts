import { Module } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module';
import { CorrectionsService } from './corrections/corrections.service';
import { ImportJobsService } from './import-jobs.service';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { TaskImportService } from './task-import.service';

@Module({
  imports: [DepartmentsModule],
  controllers: [ImportsController],
  providers: [TaskImportService, ImportsService, ImportJobsService, CorrectionsService],
  exports: [TaskImportService],
})
export class ImportsModule {}
