import { join } from 'node:path';
import { importPaths, textFilesIn } from '../../../apps/api/src/cli/import-command';
import { DepartmentsService } from '../../../apps/api/src/departments/departments.service';
import { TaskImportService } from '../../../apps/api/src/imports/task-import.service';
import { createTestApp, type TestApp } from '../support/harness';

describe('importing the whole corpus (as the setup command does)', () => {
  let t: TestApp;
  const files = textFilesIn(join(process.cwd(), 'corpus'));
  const services = () => ({
    departments: t.app.get(DepartmentsService),
    importer: t.app.get(TaskImportService),
  });
  const count = async (sql: string) => (await t.dataSource.query<{ n: number }[]>(sql))[0]?.n ?? -1;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('imports every file once, keeps one row per document, and a re-run creates nothing', async () => {
    const first = await importPaths(services(), files);
    expect(first.files).toHaveLength(5);
    expect(first.tasksCreated).toBeGreaterThan(500);
    const tasks = await count(`SELECT count(*)::int AS n FROM tasks`);
    expect(tasks).toBe(first.tasksCreated);
    // 国发〔2015〕40号 appears in four files; it is stored once, from its richest copy.
    expect(
      await count(`SELECT count(*)::int AS n FROM policy_documents WHERE doc_number = '国发〔2015〕40号'`),
    ).toBe(1);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM tasks t JOIN policy_documents d ON d.id = t.document_id
          WHERE d.doc_number = '国发〔2015〕40号'`,
      ),
    ).toBe(65);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM tasks t JOIN policy_documents d ON d.id = t.document_id
          WHERE d.doc_number = '国发〔2017〕39号'`,
      ),
      // 22 annotated measures and its unheaded closing paragraph (各地区、各部门要…商务部要会同有关部门…), a prose measure.
    ).toBe(23);
    // Every task whose measure names a lead has a lead department (no name is dropped).
    expect(
      await count(
        `SELECT count(*)::int AS n FROM tasks t
          WHERE cardinality(t.lead_names) > 0 AND NOT EXISTS (SELECT 1 FROM task_assignments a WHERE a.task_id = t.id AND a.role = 'lead')`,
      ),
    ).toBe(0);

    const again = await importPaths(services(), files);
    expect(again).toMatchObject({ tasksCreated: 0, tasksUpdated: 0, documentsCreated: 0 });
    expect(await count(`SELECT count(*)::int AS n FROM tasks`)).toBe(tasks);
  });
});
