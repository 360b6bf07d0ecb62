import type {
  ApiErrorDto,
  DepartmentDto,
  ImportJobDto,
  ImportPreviewDto,
  ImportResultDto,
  PolicyDocumentDto,
} from '@duban/domain';
import iconv from 'iconv-lite';
import {
  createTestApp,
  departmentByName,
  importFixture,
  loginAs,
  seedDepartments,
  truncateAll,
  type TestApp,
} from '../support/harness';
import { upload, uploadAndWait } from './import-jobs';
import { FIXTURE_A, FIXTURE_A_BARE, FIXTURE_A_REVISED, FIXTURE_B, UNKNOWN_DEPARTMENT } from './fixtures';

/** Uploads and waits for the extraction job; the ready job's preview as the body. */
async function previewOf(
  t: TestApp,
  token: string,
  form: FormData,
): Promise<{ status: number; body: ImportPreviewDto; job: ImportJobDto }> {
  const { accepted, job } = await uploadAndWait(t, token, form);
  if (!job.preview) throw new Error(`import job failed: ${JSON.stringify(job.error)}`);
  return { status: accepted.status, body: job.preview, job };
}

interface TaskRow {
  id: string;
  measure_key: string;
  title: string;
  text: string;
  deadline: string | null;
  deadline_text: string | null;
  version: number;
}

const tasks = (t: TestApp) =>
  t.dataSource.query<TaskRow[]>(
    `SELECT id, measure_key, title, text, to_char(deadline, 'YYYY-MM-DD') AS deadline, deadline_text, version
       FROM tasks ORDER BY source_line`,
  );

describe('import service (idempotent)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await truncateAll();
    await seedDepartments(t);
  });
  afterAll(() => t.close());

  it('creates the document, one task per measure, and lead/participant assignments', async () => {
    const result = await importFixture(t, FIXTURE_A, 'a.txt');
    expect(result).toMatchObject({ documentsCreated: 1, tasksCreated: 3, tasksUpdated: 0 });
    const [doc] = await t.dataSource.query<
      { doc_number: string; title: string; issuer: string; date: string }[]
    >(`SELECT doc_number, title, issuer, to_char(date, 'YYYY-MM-DD') AS date FROM policy_documents`);
    expect(doc).toEqual({
      doc_number: '国发〔2099〕7号',
      title: '国务院关于开展督办导入测试工作的通知',
      issuer: '国务院',
      date: '2099-01-05',
    });
    const rows = await tasks(t);
    expect(rows.map((r) => r.title)).toEqual(['建立测试工作台账', '加强资金保障', '开展专项督查']);
    expect(rows[0]).toMatchObject({ deadline: '2099-12-31', deadline_text: '2099年底前' });
    const assignments = await t.dataSource.query<{ title: string; name: string; role: string }[]>(
      `SELECT t.title, d.name, a.role FROM task_assignments a JOIN tasks t ON t.id = a.task_id
         JOIN departments d ON d.id = a.department_id ORDER BY t.source_line, a.role, a.position`,
    );
    expect(assignments).toEqual([
      { title: '建立测试工作台账', name: '国家发展和改革委员会', role: 'lead' },
      { title: '建立测试工作台账', name: '商务部', role: 'lead' },
      { title: '加强资金保障', name: '财政部', role: 'lead' },
      { title: '加强资金保障', name: '商务部', role: 'participant' },
      { title: '加强资金保障', name: UNKNOWN_DEPARTMENT, role: 'participant' },
      { title: '开展专项督查', name: '审计署', role: 'lead' },
    ]);
  });

  it('keeps an unknown department name by creating a unit flagged as created at import', async () => {
    await importFixture(t, FIXTURE_A);
    const unit = await departmentByName(t, UNKNOWN_DEPARTMENT);
    expect(unit.createdFromImport).toBe(true);
  });

  it('re-importing the same file creates nothing new', async () => {
    await importFixture(t, FIXTURE_A, 'a.txt');
    const before = await tasks(t);
    const again = await importFixture(t, FIXTURE_A, 'a.txt');
    expect(again).toMatchObject({
      documentsCreated: 0,
      documentsUnchanged: 1,
      tasksCreated: 0,
      tasksUpdated: 0,
      tasksUnchanged: 3,
    });
    expect(await tasks(t)).toEqual(before);
    const [counts] = await t.dataSource.query<{ docs: number; assignments: number }[]>(
      `SELECT (SELECT count(*)::int FROM policy_documents) AS docs, (SELECT count(*)::int FROM task_assignments) AS assignments`,
    );
    expect(counts).toEqual({ docs: 1, assignments: 6 });
  });

  it('the same document from another file creates nothing new either', async () => {
    await importFixture(t, FIXTURE_A, 'a.txt');
    const other = await importFixture(t, `${FIXTURE_B}\n${FIXTURE_A}`, 'compilation.txt');
    expect(other.documentsCreated).toBe(1); // only FIXTURE_B's document
    expect(other.tasksCreated).toBe(2);
    const [row] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM tasks t JOIN policy_documents d ON d.id = t.document_id WHERE d.doc_number = '国发〔2099〕7号'`,
    );
    expect(row?.n).toBe(3);
  });

  it('a copy with measures fills a stored copy that yielded none, and becomes its source', async () => {
    const bare = await importFixture(t, FIXTURE_A_BARE, 'bare.txt');
    expect(bare).toMatchObject({ documentsCreated: 1, tasksCreated: 0 });
    const full = await importFixture(t, FIXTURE_A, 'full.txt');
    expect(full).toMatchObject({ documentsCreated: 0, documentsUnchanged: 1, tasksCreated: 3 });
    const docs = await t.dataSource.query<{ source_file: string }[]>(
      `SELECT source_file FROM policy_documents`,
    );
    expect(docs).toEqual([{ source_file: 'full.txt' }]);
    const again = await importFixture(t, FIXTURE_A, 'third.txt');
    expect(again).toMatchObject({ tasksCreated: 0, tasksUnchanged: 3 });
  });

  it('a changed measure text updates the task in place, bumps its version and leaves an audit entry', async () => {
    await importFixture(t, FIXTURE_A, 'a.txt');
    const before = await tasks(t);
    const revised = await importFixture(t, FIXTURE_A_REVISED, 'a.txt');
    expect(revised).toMatchObject({ tasksCreated: 0, tasksUpdated: 1, tasksUnchanged: 2 });
    const after = await tasks(t);
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
    expect(after[1]?.text).toContain('全面实施绩效评价');
    expect(after[1]?.version).toBe((before[1]?.version ?? 0) + 1);
    const audit = await t.dataSource.query<{ action: string; detail: { before: string; after: string } }[]>(
      `SELECT action, detail FROM audit_log WHERE task_id = $1 ORDER BY at`,
      [before[1]?.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['task.imported', 'task.text_changed']);
    expect(audit[1]?.detail.before).toContain('加强绩效评价');
    expect(audit[1]?.detail.after).toContain('全面实施绩效评价');
  });

  it('never loses progress, evidence or status on re-import', async () => {
    await importFixture(t, FIXTURE_A, 'a.txt');
    const [task] = await tasks(t);
    const officer = await departmentByName(t, '商务部');
    await loginAs(t, 'officer', '商务部');
    const [user] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE department_id = $1`,
      [officer.id],
    );
    await t.dataSource.query(
      `INSERT INTO progress_reports (task_id, department_id, author_id, text) VALUES ($1, $2, $3, '已完成台账初稿')`,
      [task?.id, officer.id, user?.id],
    );
    await t.dataSource.query(
      `INSERT INTO evidence_files (task_id, department_id, uploaded_by_id, file_name, mime_type, size, sha256, storage_key)
       VALUES ($1, $2, $3, 'a.pdf', 'application/pdf', 3, repeat('a', 64), 'aa/x')`,
      [task?.id, officer.id, user?.id],
    );
    await t.dataSource.query(`UPDATE tasks SET status = 'in_progress' WHERE id = $1`, [task?.id]);
    await importFixture(t, FIXTURE_A_REVISED, 'a.txt');
    await importFixture(t, FIXTURE_A, 'other-name.txt');
    const [state] = await t.dataSource.query<{ status: string; reports: number; evidence: number }[]>(
      `SELECT status, (SELECT count(*)::int FROM progress_reports WHERE task_id = $1) AS reports,
              (SELECT count(*)::int FROM evidence_files WHERE task_id = $1) AS evidence
         FROM tasks WHERE id = $1`,
      [task?.id],
    );
    expect(state).toEqual({ status: 'in_progress', reports: 1, evidence: 1 });
  });

  it('keeps the audit log append-only', async () => {
    await importFixture(t, FIXTURE_A);
    await expect(t.dataSource.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });
});

describe('POST /api/imports (preview → commit)', () => {
  let t: TestApp;
  let supervisor: string;

  beforeAll(async () => {
    t = await createTestApp({ config: { import: { maxBytes: 64 * 1024 } } });
  });
  beforeEach(async () => {
    await truncateAll();
    await seedDepartments(t);
    supervisor = await loginAs(t, 'supervisor');
  });
  afterAll(() => t.close());

  it('previews documents, measures, unknown names and duplicates, then commits with a mapping', async () => {
    const preview = await previewOf(t, supervisor, upload(FIXTURE_A));
    expect(preview.status).toBe(202);
    expect(preview.job).toMatchObject({ status: 'ready', percent: 100, documentsDone: 1, documentsTotal: 1 });
    expect(preview.body).toMatchObject({ fileName: 'a.txt', encoding: 'utf-8' });
    expect(preview.body.documents).toEqual([
      expect.objectContaining({
        docNumber: '国发〔2099〕7号',
        measureCount: 3,
        existing: null,
        sameAs: null,
      }),
    ]);
    expect(preview.body.measures.map((m) => m.title)).toEqual([
      '建立测试工作台账',
      '加强资金保障',
      '开展专项督查',
    ]);
    expect(preview.body.unknownDepartments).toEqual([{ name: UNKNOWN_DEPARTMENT, occurrences: 1 }]);
    expect(preview.body.measures[1]?.unknownDepartments).toEqual([UNKNOWN_DEPARTMENT]);
    // Nothing is written before the commit.
    const [before] = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM tasks`);
    expect(before?.n).toBe(0);

    const archives = await departmentByName(t, '国家档案局');
    const commit = await t.request<ImportResultDto>('POST', `/api/imports/${preview.body.id}/commit`, {
      token: supervisor,
      body: { mappings: [{ name: UNKNOWN_DEPARTMENT, departmentId: archives.id }] },
    });
    expect(commit.status).toBe(200);
    expect(commit.body).toEqual({
      documentsCreated: 1,
      documentsUnchanged: 0,
      tasksCreated: 3,
      tasksUpdated: 0,
      tasksUnchanged: 0,
    });
    const mapped = await t.dataSource.query<{ name: string }[]>(
      `SELECT d.name FROM task_assignments a JOIN departments d ON d.id = a.department_id
        JOIN tasks t ON t.id = a.task_id WHERE t.title = '加强资金保障' AND a.role = 'participant' ORDER BY d.name`,
    );
    expect(mapped.map((m) => m.name).sort()).toEqual(['商务部', '国家档案局'].sort());
    const departments = await t.request<DepartmentDto[]>('GET', '/api/departments', { token: supervisor });
    expect(departments.body.find((d) => d.name === '国家档案局')?.aliases).toContain(UNKNOWN_DEPARTMENT);
    expect(departments.body.some((d) => d.name === UNKNOWN_DEPARTMENT)).toBe(false);

    const audit = await t.dataSource.query<{ actor_name: string }[]>(
      `SELECT DISTINCT actor_name FROM audit_log WHERE action = 'document.imported'`,
    );
    expect(audit).toEqual([{ actor_name: 'it-supervisor' }]);
    const summaries = await t.dataSource.query<{ actor_name: string; detail: Record<string, unknown> }[]>(
      `SELECT actor_name, detail FROM audit_log WHERE action = 'import.file'`,
    );
    expect(summaries).toEqual([
      {
        actor_name: 'it-supervisor',
        detail: expect.objectContaining({ file: 'a.txt', documentsCreated: 1, tasksCreated: 3 }),
      },
    ]);

    const again = await previewOf(t, supervisor, upload(FIXTURE_A));
    expect(again.body.documents[0]?.existing).toMatchObject({
      title: '国务院关于开展督办导入测试工作的通知',
    });
    expect(again.body.unknownDepartments).toEqual([]);
    const second = await t.request<ImportResultDto>('POST', `/api/imports/${again.body.id}/commit`, {
      token: supervisor,
      body: {},
    });
    expect(second.body).toMatchObject({ documentsCreated: 0, tasksCreated: 0, tasksUnchanged: 3 });

    const documents = await t.request<PolicyDocumentDto[]>('GET', '/api/documents', { token: supervisor });
    expect(documents.body).toEqual([
      expect.objectContaining({ docNumber: '国发〔2099〕7号', taskCount: 3, sourceFile: 'a.txt' }),
    ]);
  });

  it('creates a department for an unknown name on request', async () => {
    const preview = await previewOf(t, supervisor, upload(FIXTURE_A));
    const commit = await t.request<ImportResultDto>('POST', `/api/imports/${preview.body.id}/commit`, {
      token: supervisor,
      body: { mappings: [{ name: UNKNOWN_DEPARTMENT, create: true }] },
    });
    expect(commit.status).toBe(200);
    expect((await departmentByName(t, UNKNOWN_DEPARTMENT)).createdFromImport).toBe(true);
  });

  it('refuses a second commit of the same preview (409) and an unknown preview (404)', async () => {
    const preview = await previewOf(t, supervisor, upload(FIXTURE_B));
    expect(
      (await t.request('POST', `/api/imports/${preview.body.id}/commit`, { token: supervisor, body: {} }))
        .status,
    ).toBe(200);
    const twice = await t.request<ApiErrorDto>('POST', `/api/imports/${preview.body.id}/commit`, {
      token: supervisor,
      body: {},
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('IMPORT_ALREADY_COMMITTED');
    const missing = await t.request<ApiErrorDto>(
      'POST',
      `/api/imports/00000000-0000-4000-8000-000000000000/commit`,
      {
        token: supervisor,
        body: {},
      },
    );
    expect(missing.status).toBe(404);
  });

  it('refuses to commit an expired preview (410) and writes nothing', async () => {
    const preview = await previewOf(t, supervisor, upload(FIXTURE_B));
    await t.dataSource.query(
      `UPDATE import_previews SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [preview.body.id],
    );
    const res = await t.request<ApiErrorDto>('POST', `/api/imports/${preview.body.id}/commit`, {
      token: supervisor,
      body: {},
    });
    expect(res.status).toBe(410);
    expect(res.body.code).toBe('IMPORT_PREVIEW_EXPIRED');
    const [row] = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM tasks`);
    expect(row?.n).toBe(0);
  });

  it('validates mappings: a name not in the preview, or neither departmentId nor create, is 400', async () => {
    const preview = await previewOf(t, supervisor, upload(FIXTURE_A));
    const stray = await t.request<ApiErrorDto>('POST', `/api/imports/${preview.body.id}/commit`, {
      token: supervisor,
      body: { mappings: [{ name: '不存在的名字', create: true }] },
    });
    expect(stray.status).toBe(400);
    expect(stray.body.code).toBe('IMPORT_MAPPING_NOT_UNKNOWN');
    const neither = await t.request<ApiErrorDto>('POST', `/api/imports/${preview.body.id}/commit`, {
      token: supervisor,
      body: { mappings: [{ name: UNKNOWN_DEPARTMENT }] },
    });
    expect(neither.status).toBe(400);
    expect(neither.body.code).toBe('IMPORT_MAPPING_INVALID');
    const badId = await t.request<ApiErrorDto>('POST', `/api/imports/${preview.body.id}/commit`, {
      token: supervisor,
      body: { mappings: [{ name: UNKNOWN_DEPARTMENT, departmentId: 'not-a-uuid' }] },
    });
    expect(badId.status).toBe(400);
    expect(JSON.stringify(badId.body.details)).toContain('departmentId');
  });

  it('accepts a GB18030-encoded file and reports the encoding', async () => {
    const bytes = iconv.encode(FIXTURE_B, 'gb18030');
    const preview = await previewOf(t, supervisor, upload(bytes, 'gbk.txt'));
    expect(preview.status).toBe(202);
    expect(preview.job).toMatchObject({ status: 'ready', percent: 100, documentsDone: 1, documentsTotal: 1 });
    expect(preview.body.encoding).toBe('gb18030');
    expect(preview.body.documents[0]?.title).toBe('国务院办公厅关于加强督办台账管理的意见');
  });

  it('fails the job of a binary file with IMPORT_NOT_TEXT (415) naming the file', async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
    ]);
    const { accepted, job } = await uploadAndWait(t, supervisor, upload(png, 'scan.png'));
    expect(accepted.status).toBe(202);
    expect(job).toMatchObject({ status: 'failed', preview: null });
    expect(job.error).toMatchObject({ code: 'IMPORT_NOT_TEXT', statusCode: 415 });
    expect(job.error?.message).toContain('scan.png');
  });

  it('answers 404 for an unknown job and 400 for a malformed job id', async () => {
    const missing = await t.request<ApiErrorDto>(
      'GET',
      '/api/imports/jobs/00000000-0000-4000-8000-000000000000',
      {
        token: supervisor,
      },
    );
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('IMPORT_JOB_NOT_FOUND');
    expect((await t.request('GET', '/api/imports/jobs/nope', { token: supervisor })).status).toBe(400);
  });

  it('refuses an empty file at once (400), without a job', async () => {
    const res = await t.request<ApiErrorDto>('POST', '/api/imports', {
      token: supervisor,
      body: upload('', 'e.txt'),
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('IMPORT_EMPTY_FILE');
    const [row] = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM import_jobs`);
    expect(row?.n).toBe(0);
  });

  it('rejects an oversize file with 413', async () => {
    const big = FIXTURE_A.repeat(Math.ceil((70 * 1024) / Buffer.byteLength(FIXTURE_A)));
    const res = await t.request<ApiErrorDto>('POST', '/api/imports', {
      token: supervisor,
      body: upload(big, 'big.txt'),
    });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('IMPORT_TOO_LARGE');
  });

  it('rejects an upload without a file part, and a non-multipart body', async () => {
    const form = new FormData();
    form.append('note', 'no file');
    expect((await t.request('POST', '/api/imports', { token: supervisor, body: form })).status).toBe(400);
    const json = await t.request<ApiErrorDto>('POST', '/api/imports', {
      token: supervisor,
      body: { file: 'x' },
    });
    expect(json.status).toBe(415);
  });

  it('is for supervisors and admins only', async () => {
    await importFixture(t, FIXTURE_B);
    const officer = await loginAs(t, 'officer', '公安部');
    const res = await t.request<ApiErrorDto>('POST', '/api/imports', {
      token: officer,
      body: upload(FIXTURE_A),
    });
    expect(res.status).toBe(403);
    const admin = await loginAs(t, 'admin');
    expect((await t.request('POST', '/api/imports', { token: admin, body: upload(FIXTURE_A) })).status).toBe(
      202,
    );
  });
});
