/**
 * The one database lifecycle of the integration tiers. Every suite gets its databases here:
 * - the core suite: one per run (global-setup), emptied before each file (setup-file → truncateAll);
 * - `createTestApp({ db: 'own' })`, `WorkflowEnv` and `createReminderEnv`: one per app or environment,
 *   dropped with it.
 * Each database is created empty, migrated with the application's own migrations, and owns the Redis key
 * prefix `<name>:`, so dropping it also clears that run's queues, locks and throttles.
 */
import { DataSource } from 'typeorm';
import { getConfig, type AppConfig } from '../../../apps/api/src/infra/config/app-config';
import {
  createScratchDatabase,
  dropScratchDatabase,
} from '../../../apps/api/src/infra/database/scratch-database';
import { runMigrations } from '../../../apps/api/src/infra/database/schema-drift';
import { createRedis, deleteKeysWithPrefix } from '../../../apps/api/src/infra/queue/redis';

/** The server the scratch databases are made on (trust auth on 127.0.0.1 here and in CI). */
export const BASE_DB_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/duban';

export interface TestDatabase {
  /** e.g. `duban_wf_1a2b3c4d5e`. */
  name: string;
  url: string;
  /** The Redis key prefix that belongs to this database: `<name>:`. */
  redisPrefix: string;
  /** Drops the database and deletes every Redis key under its prefix. Safe to call twice. */
  drop(): Promise<void>;
}

/**
 * Creates `<prefix><random>`, runs every migration on it and returns it. `config` supplies the migration
 * list and Redis URL (defaults to the process configuration). A failed migration drops the database.
 */
export async function createTestDatabase(
  prefix: string,
  config: AppConfig = getConfig(),
): Promise<TestDatabase> {
  const { name, url } = await createScratchDatabase(BASE_DB_URL, prefix);
  let dropped = false;
  const drop = async (): Promise<void> => {
    if (dropped) return;
    dropped = true;
    await dropScratchDatabase(BASE_DB_URL, name);
    const redis = createRedis(config.redis.url);
    await deleteKeysWithPrefix(redis, `${name}:`).finally(() => redis.quit());
  };
  try {
    await runMigrations(config, url);
  } catch (error) {
    await drop();
    throw error;
  }
  return { name, url, redisPrefix: `${name}:`, drop };
}

/** Empties every table of the database at `url` except `migrations` (the audit trigger ignores TRUNCATE). */
export async function truncateDatabase(url: string): Promise<void> {
  const dataSource = new DataSource({ type: 'postgres', url, extra: { max: 1 } });
  await dataSource.initialize();
  try {
    const tables = await dataSource.query<{ tablename: string }[]>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`,
    );
    if (tables.length) {
      await dataSource.query(
        `TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`,
      );
    }
  } finally {
    await dataSource.destroy();
  }
}
