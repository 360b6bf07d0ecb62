import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { dataSourceOptions, type EntityClasses } from './data-source-options';
import { PreparedQueries } from './prepared-queries';

/**
 * The TypeORM connection, and prepared statements on its pool for hot reads (global like TypeORM's).
 * `forRoot(ENTITIES)`: the composition root (app, worker, CLI) names the entities; infra knows none.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(entities: EntityClasses): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => dataSourceOptions(config, entities),
        }),
      ],
      providers: [PreparedQueries],
      exports: [PreparedQueries],
    };
  }
}
