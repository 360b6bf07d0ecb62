import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createTestDatabase } from './test-database';
import './provided';

/** The core suite's run database `duban_it_<random>` (migrated once, dropped at the end) and evidence dir. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await createTestDatabase('duban_it_');
  const evidenceDir = mkdtempSync(join(tmpdir(), 'duban-it-evidence-'));
  project.provide('databaseUrl', database.url);
  project.provide('redisPrefix', database.redisPrefix);
  project.provide('evidenceDir', evidenceDir);
  return async () => {
    // Also the run's queues (reminders, deliveries): they live under the database's Redis prefix.
    await database.drop();
    rmSync(evidenceDir, { recursive: true, force: true });
  };
}
