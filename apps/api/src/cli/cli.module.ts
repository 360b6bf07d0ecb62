import { Module } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module';
import { ImportsModule } from '../imports/imports.module';
import { ConfigModule } from '../infra/config/config.module';
import { ENTITIES } from '../entities';
import { DatabaseModule } from '../infra/database/database.module';
import { UsersModule } from '../users/users.module';

/** What the CLI needs (import, seed): no HTTP, no queues. */
@Module({
  imports: [ConfigModule, DatabaseModule.forRoot(ENTITIES), DepartmentsModule, ImportsModule, UsersModule],
})
export class CliModule {}
