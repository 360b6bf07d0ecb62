import { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { MIGRATIONS } from '../../../migrations';
import { getConfig } from '../../../apps/api/src/infra/config/app-config';
import {
  createScratchDatabase,
  dropScratchDatabase,
} from '../../../apps/api/src/infra/database/scratch-database';
import {
  revertMigrations,
  runMigrations,
  schemaDiff,
} from '../../../apps/api/src/infra/database/schema-drift';

async function tables(url: string): Promise<string[]> {
  const ds = new DataSource({ type: 'postgres', url, extra: { max: 1 } });
  await ds.initialize();
  try {
    const rows = await ds.query<{ tablename: string }[]>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    return rows.map((r) => r.tablename);
  } finally {
    await ds.destroy();
  }
}

describe('migrations', () => {
  it('the migrated test database matches the entities exactly (no drift)', async () => {
    const diff = await schemaDiff(getConfig(), inject('databaseUrl'));
    expect(diff.up.map((q) => q.query)).toEqual([]);
  });

  it('are reversible: up, down all the way, up again, still no drift', async () => {
    const config = getConfig();
    const scratch = await createScratchDatabase(config.database.url, 'duban_it_mig_');
    try {
      expect(await runMigrations(config, scratch.url)).toHaveLength(MIGRATIONS.length);
      expect(await tables(scratch.url)).toEqual(
        expect.arrayContaining(['tasks', 'task_assignments', 'audit_log']),
      );
      expect(await revertMigrations(config, scratch.url, Number.MAX_SAFE_INTEGER)).toBe(MIGRATIONS.length);
      expect(await tables(scratch.url)).toEqual(['migrations']);
      expect(await runMigrations(config, scratch.url)).toHaveLength(MIGRATIONS.length);
      expect((await schemaDiff(config, scratch.url)).up).toEqual([]);
    } finally {
      await dropScratchDatabase(config.database.url, scratch.name);
    }
  });

  it('the drift check notices a schema that differs from the entities', async () => {
    const config = getConfig();
    const scratch = await createScratchDatabase(config.database.url, 'duban_it_mig_');
    try {
      await runMigrations(config, scratch.url);
      const ds = new DataSource({ type: 'postgres', url: scratch.url, extra: { max: 1 } });
      await ds.initialize();
      await ds.query(`DROP INDEX "IDX_tasks_status"`);
      await ds.query(`ALTER TABLE "users" DROP COLUMN "email"`);
      await ds.destroy();
      const drift = (await schemaDiff(config, scratch.url)).up.map((q) => q.query).join('\n');
      expect(drift).toContain('IDX_tasks_status');
      expect(drift).toMatch(/ALTER TABLE "users" ADD "email"/);
    } finally {
      await dropScratchDatabase(config.database.url, scratch.name);
    }
  });

  it('creates the trigram indexes for Chinese search', async () => {
    const ds = new DataSource({ type: 'postgres', url: inject('databaseUrl'), extra: { max: 1 } });
    await ds.initialize();
    try {
      const rows = await ds.query<{ indexname: string; indexdef: string }[]>(
        `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'tasks' AND indexdef LIKE '%gin_trgm_ops%'`,
      );
      expect(rows.map((r) => r.indexname).sort()).toEqual(['IDX_tasks_text_trgm', 'IDX_tasks_title_trgm']);
    } finally {
      await ds.destroy();
    }
  });
});
