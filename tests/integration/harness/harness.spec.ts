/**
 * The one integration harness: `createTestApp({ db, worker })`. A test that relies on `db: 'own'` must get a
 * database no other file sees (and that is gone after close); `worker: 'inline'` must leave no task event
 * undrained after a request, while the default leaves them for the test to drain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, seedDepartments, departmentByName, type TestApp } from '../support/harness';
import { maintenanceUrl } from '../../../apps/api/src/infra/database/scratch-database';
import { BASE_DB_URL } from '../support/test-database';
import { DataSource } from 'typeorm';

async function databaseExists(name: string): Promise<boolean> {
  const admin = new DataSource({ type: 'postgres', url: maintenanceUrl(BASE_DB_URL), extra: { max: 1 } });
  await admin.initialize();
  try {
    const rows: unknown[] = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return rows.length === 1;
  } finally {
    await admin.destroy();
  }
}

/** A signed-off task led by 商务部, inserted directly (the cases are about the outbox, not the import). */
async function leadTask(t: TestApp): Promise<string> {
  const lead = await departmentByName(t, '商务部');
  const [doc]: { id: string }[] = await t.dataSource.query(
    `INSERT INTO policy_documents (title, title_key, source_file, source_checksum, start_line, end_line)
     VALUES ('测试', 'it-harness', 'h.txt', $1, 1, 2) RETURNING id`,
    ['4'.repeat(64)],
  );
  const [task]: { id: string }[] = await t.dataSource.query(
    `INSERT INTO tasks (document_id, measure_key, title, text, source_file, source_line, origin, deadline, deadline_kind, acknowledged_at)
     VALUES ($1, 'h1', '推进测试', '推进测试', 'h.txt', 1, 'inline', '2030-03-20', 'date', now()) RETURNING id`,
    [doc.id],
  );
  await t.dataSource.query(
    `INSERT INTO task_assignments (task_id, department_id, role, position, is_main) VALUES ($1, $2, 'lead', 0, true)`,
    [task.id, lead.id],
  );
  return task.id;
}

async function undrained(t: TestApp, taskId: string): Promise<number> {
  const [row]: { n: number }[] = await t.dataSource.query(
    'SELECT count(*)::int AS n FROM task_events WHERE task_id = $1 AND processed_at IS NULL',
    [taskId],
  );
  return row.n;
}

async function report(t: TestApp, taskId: string): Promise<void> {
  const token = await loginAs(t, 'officer', '商务部');
  const res = await t.request('POST', `/api/tasks/${taskId}/progress`, {
    token,
    body: { text: '已开展调研' },
  });
  expect(res.status).toBeLessThan(300);
}

describe("createTestApp({ db: 'own' })", () => {
  let run: TestApp;
  beforeAll(async () => {
    run = await createTestApp();
  });
  afterAll(() => run.close());

  it('gets a migrated database of its own, unseen by the run, dropped on close', async () => {
    const own = await createTestApp({ db: 'own' });
    const name = new URL(own.config.database.url).pathname.slice(1);
    expect(own.config.database.url).not.toBe(run.config.database.url);
    expect(own.config.redis.prefix).toBe(`${name}:`);
    await own.dataSource.query(
      `INSERT INTO departments (name, slug, kind) VALUES ('隔离测试局', 'it-isolated', 'ministry')`,
    );
    const seenByRun: unknown[] = await run.dataSource.query(
      `SELECT 1 FROM departments WHERE slug = 'it-isolated'`,
    );
    expect(seenByRun).toHaveLength(0);
    expect(await databaseExists(name)).toBe(true);
    await own.close();
    expect(await databaseExists(name)).toBe(false);
  });
});

describe('createTestApp worker modes', () => {
  it("'none' leaves the request's task events for the test to drain", async () => {
    const t = await createTestApp({ db: 'own' });
    try {
      await seedDepartments(t);
      const taskId = await leadTask(t);
      await report(t, taskId);
      expect(await undrained(t, taskId)).toBeGreaterThan(0);
      await t.drainEvents();
      expect(await undrained(t, taskId)).toBe(0);
    } finally {
      await t.close();
    }
  });

  it("'inline' drains the outbox after every change, as a worker does on commit", async () => {
    const t = await createTestApp({ db: 'own', worker: 'inline' });
    try {
      await seedDepartments(t);
      const taskId = await leadTask(t);
      await report(t, taskId);
      expect(await undrained(t, taskId)).toBe(0);
      const [events]: { n: number }[] = await t.dataSource.query(
        'SELECT count(*)::int AS n FROM task_events WHERE task_id = $1',
        [taskId],
      );
      expect(events.n).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });
});
