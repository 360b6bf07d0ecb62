import type { DataSourceOptions } from 'typeorm';
// migrations/ sits at the workspace root (outside any Nx project) so the CLI and tests share it.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { MIGRATIONS } from '../../../../../migrations';
import type { AppConfig } from '../config/app-config';

/**
 * The entity classes TypeORM maps. infra/ knows no feature: the composition root passes its list
 * (apps/api/src/entities.ts) — the app, the worker, the CLI and the migration drift check alike.
 */
export type EntityClasses = readonly (new () => object)[];

/** The one TypeORM configuration, shared by the app, the CLI, the tests and the benchmark. */
export function dataSourceOptions(
  config: AppConfig,
  entities: EntityClasses,
  databaseUrl = config.database.url,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: [...entities],
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    // Schema changes happen only through reviewed migrations.
    synchronize: false,
    migrationsRun: false,
    // Extensions are created by migrations, not at connect time.
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    logging: config.database.logging ? ['query', 'error'] : ['error'],
    extra: { max: 10 },
  };
}
