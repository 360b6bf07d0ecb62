import { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { MIGRATIONS } from '../../../migrations';
import { AssignmentTaskCopy1795332442812 } from '../../../migrations/1795332442812-AssignmentTaskCopy';
import { ENTITIES } from '../../../apps/api/src/entities';
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
    const diff = await schemaDiff(getConfig(), inject('databaseUrl'), ENTITIES);
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
      expect((await schemaDiff(config, scratch.url, ENTITIES)).up).toEqual([]);
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
      const drift = (await schemaDiff(config, scratch.url, ENTITIES)).up.map((q) => q.query).join('\n');
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

  it('AssignmentTaskCopy fills the copies of assignments that exist before it, and reverts cleanly', async () => {
    const config = getConfig();
    const scratch = await createScratchDatabase(config.database.url, 'duban_it_mig_');
    try {
      await runMigrations(config, scratch.url);
      const after = MIGRATIONS.length - MIGRATIONS.indexOf(AssignmentTaskCopy1795332442812);
      expect(await revertMigrations(config, scratch.url, after)).toBe(after);
      const ds = new DataSource({ type: 'postgres', url: scratch.url, extra: { max: 1 } });
      await ds.initialize();
      try {
        await ds.query(
          `WITH d AS (INSERT INTO departments (name, slug, kind) VALUES ('测试部门', 'mig-dept', 'ministry') RETURNING id),
                doc AS (INSERT INTO policy_documents (title, title_key, source_file, source_checksum, start_line, end_line)
                        VALUES ('迁移测试', 'mig', 'm.txt', repeat('0', 64), 1, 2) RETURNING id),
                t AS (INSERT INTO tasks (document_id, measure_key, title, text, source_file, source_line, origin, deadline, status)
                      SELECT doc.id, k, '任务' || k, '正文', 'm.txt', 1, 'inline', DATE '2026-06-30' + length(k), s::task_status
                        FROM doc, (VALUES ('a', 'in_progress'), ('bb', 'done')) v(k, s) RETURNING id)
           INSERT INTO task_assignments (task_id, department_id, role) SELECT t.id, d.id, 'lead' FROM t, d`,
        );
        expect(await runMigrations(config, scratch.url)).toHaveLength(after);
        const rows = await ds.query<{ same: boolean }[]>(
          `SELECT a.task_status = t.status AND a.task_deadline = t.deadline AS same
             FROM task_assignments a JOIN tasks t ON t.id = a.task_id`,
        );
        expect(rows).toEqual([{ same: true }, { same: true }]);
        expect(await revertMigrations(config, scratch.url, after)).toBe(after);
        const columns = await ds.query<{ column_name: string }[]>(
          `SELECT column_name FROM information_schema.columns WHERE table_name = 'task_assignments' AND column_name LIKE 'task\\_%'`,
        );
        expect(columns.map((c) => c.column_name)).toEqual(['task_id']);
      } finally {
        await ds.destroy();
      }
    } finally {
      await dropScratchDatabase(config.database.url, scratch.name);
    }
  });
});
