import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RemindersModule } from '../reminders/reminders.module';
import { UsersModule } from '../users/users.module';
import { DepartmentAdminController } from './department-admin.controller';
import { DepartmentAdminService } from './department-admin.service';
import { DepartmentMergeService } from './department-merge.service';
import { DepartmentsModule } from './departments.module';
import { DirectoryImportService } from './directory-import.service';

/**
 * Directory administration (create, rename, aliases, merge). Its own module because a merge moves
 * accounts and reschedules reminders, and UsersModule itself imports DepartmentsModule.
 */
@Module({
  imports: [DepartmentsModule, AuditModule, UsersModule, RemindersModule],
  controllers: [DepartmentAdminController],
  providers: [DepartmentAdminService, DepartmentMergeService, DirectoryImportService],
})
export class DepartmentAdminModule {}
