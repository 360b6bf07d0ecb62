import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { dataSourceOptions } from './data-source-options';
import { PreparedQueries } from './prepared-queries';

/** The TypeORM connection, and prepared statements on its pool for hot reads (global like TypeORM's). */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => dataSourceOptions(config),
    }),
  ],
  providers: [PreparedQueries],
  exports: [PreparedQueries],
})
export class DatabaseModule {}
