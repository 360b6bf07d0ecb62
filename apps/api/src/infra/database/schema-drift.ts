import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { dataSourceOptions, type EntityClasses } from './data-source-options';

export interface SchemaDiff {
  up: { query: string; parameters?: unknown[] }[];
  down: { query: string; parameters?: unknown[] }[];
}

/** What TypeORM would still change to make the database at `url` match `entities` (the root's ENTITIES). */
export async function schemaDiff(
  config: AppConfig,
  url: string,
  entities: EntityClasses,
): Promise<SchemaDiff> {
  const dataSource = new DataSource(dataSourceOptions(config, entities, url));
  await dataSource.initialize();
  try {
    const log = await dataSource.driver.createSchemaBuilder().log();
    return {
      up: log.upQueries.map((q) => ({ query: q.query, parameters: q.parameters as unknown[] | undefined })),
      down: log.downQueries.map((q) => ({
        query: q.query,
        parameters: q.parameters as unknown[] | undefined,
      })),
    };
  } finally {
    await dataSource.destroy();
  }
}

/** Runs every pending migration against `url`; returns their names. */
export async function runMigrations(config: AppConfig, url: string): Promise<string[]> {
  // Migrations are plain SQL on a query runner: no entity metadata is needed.
  const dataSource = new DataSource(dataSourceOptions(config, [], url));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** Reverts up to `count` migrations (newest first) against `url`; returns how many were reverted. */
export async function revertMigrations(config: AppConfig, url: string, count: number): Promise<number> {
  const dataSource = new DataSource(dataSourceOptions(config, [], url));
  await dataSource.initialize();
  try {
    let reverted = 0;
    while (reverted < count && (await executedCount(dataSource)) > 0) {
      await dataSource.undoLastMigration({ transaction: 'each' });
      reverted += 1;
    }
    return reverted;
  } finally {
    await dataSource.destroy();
  }
}

async function executedCount(dataSource: DataSource): Promise<number> {
  const [row] = await dataSource.query<{ n: number | null }[]>(
    `SELECT CASE WHEN to_regclass('public.migrations') IS NULL THEN 0 ELSE (SELECT count(*)::int FROM "migrations") END AS n`,
  );
  return row?.n ?? 0;
}
