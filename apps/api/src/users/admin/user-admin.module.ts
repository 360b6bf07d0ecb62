import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { AuthModule } from '../../auth/auth.module';
import { DepartmentsModule } from '../../departments/departments.module';
import { UsersModule } from '../users.module';
import { ProfileController, UserAdminController } from './user-admin.controller';
import { UserAdminService } from './user-admin.service';
import { UserImportService } from './user-import.service';

/** Account administration and 个人设置 (needs the sessions of AuthModule, which itself needs UsersModule). */
@Module({
  imports: [UsersModule, AuthModule, AuditModule, DepartmentsModule],
  controllers: [UserAdminController, ProfileController],
  providers: [UserAdminService, UserImportService],
})
export class UserAdminModule {}
