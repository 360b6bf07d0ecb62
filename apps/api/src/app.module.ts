import { Module } from '@nestjs/common';
import { HealthModule } from './health/health.module';
import { ConfigModule } from './infra/config/config.module';
import { DatabaseModule } from './infra/database/database.module';

// Feature modules are appended to `imports` by their owners.
@Module({
  imports: [ConfigModule, DatabaseModule, HealthModule],
})
export class AppModule {}
