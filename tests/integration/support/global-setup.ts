import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { getConfig } from '../../../apps/api/src/infra/config/app-config';
import {
  createScratchDatabase,
  dropScratchDatabase,
} from '../../../apps/api/src/infra/database/scratch-database';
import { runMigrations } from '../../../apps/api/src/infra/database/schema-drift';
import { createRedis, deleteKeysWithPrefix } from '../../../apps/api/src/infra/queue/redis';
import './provided';

/** Creates `duban_it_<random>`, runs every migration, and drops it (and the evidence dir) at the end. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = getConfig();
  const database = await createScratchDatabase(config.database.url, 'duban_it_');
  const evidenceDir = mkdtempSync(join(tmpdir(), 'duban-it-evidence-'));
  try {
    await runMigrations(config, database.url);
  } catch (error) {
    await dropScratchDatabase(config.database.url, database.name);
    throw error;
  }
  project.provide('databaseUrl', database.url);
  project.provide('redisPrefix', `${database.name}:`);
  project.provide('evidenceDir', evidenceDir);
  return async () => {
    await dropScratchDatabase(config.database.url, database.name);
    rmSync(evidenceDir, { recursive: true, force: true });
    // The run's queues (reminders, deliveries) live under its Redis prefix.
    const redis = createRedis(config.redis.url);
    await deleteKeysWithPrefix(redis, `${database.name}:`).finally(() => redis.quit());
  };
}
