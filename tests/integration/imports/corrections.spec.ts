import type {
  ApiErrorDto,
  ImportCorrectionRequestDto,
  ImportPreviewDto,
  ImportResultDto,
  ImportSourceLinesDto,
  WithCorrections,
} from '@duban/domain';

import { createTestApp, loginAs, seedDepartments, truncateAll, type TestApp } from '../support/harness';
import { upload, uploadAndWait } from './import-jobs';
import { FIXTURE_A, FIXTURE_A_BARE } from './fixtures';

type CorrectedImportPreviewDto = WithCorrections<ImportPreviewDto>;

/** FIXTURE_A with measure （三） written over two physical lines, for splitting. */
const FIXTURE_WRAPPED = FIXTURE_A.replace(
  '（三）开展专项督查。定期通报进展情况，2099年6月底前完成。（审计署负责）',
  '（三）开展专项督查。定期通报进展情况，\n组织专项审计，2099年6月底前完成。（审计署负责）',
);

describe('import preview corrections', () => {
  let t: TestApp;
  let supervisor: string;

  const preview = async (text: string, name = 'a.txt'): Promise<CorrectedImportPreviewDto> => {
    const { job } = await uploadAndWait(t, supervisor, upload(text, name));
    if (!job.preview) throw new Error(`import job failed: ${JSON.stringify(job.error)}`);
    return job.preview as CorrectedImportPreviewDto;
  };
  const correct = (id: string, body: ImportCorrectionRequestDto, token = supervisor) =>
    t.request<CorrectedImportPreviewDto & ApiErrorDto>('POST', `/api/imports/${id}/corrections`, {
      token,
      body,
    });
  const titles = (p: CorrectedImportPreviewDto) => p.measures.map((m) => m.title);

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await truncateAll();
    await seedDepartments(t);
    supervisor = await loginAs(t, 'supervisor');
  });
  afterAll(() => t.close());

  it('stores edit, drop and add for the file, commits the corrected measures, and re-applies them on a re-import', async () => {
    const first = await preview(FIXTURE_A);
    expect(first.corrections).toEqual([]);
    expect(first.measures.every((m) => m.corrected === null && /^\d+-[0-9a-f]{10}$/.test(m.ref))).toBe(true);
    const [a, , c] = first.measures;
    const edit = await correct(first.id, {
      kind: 'edit',
      ref: a.ref,
      title: '建立督办测试台账',
      lead: ['商务部'],
      participants: ['审计署'],
      deadline: '2099-09-30',
    });
    expect(edit.status).toBe(200);
    expect(edit.body.measures[0]).toMatchObject({
      ref: a.ref,
      corrected: 'edited',
      title: '建立督办测试台账',
      lead: ['商务部'],
      participants: ['审计署'],
      deadline: '2099-09-30',
      deadlineText: '2099年9月30日前',
    });
    expect((await correct(first.id, { kind: 'drop', ref: c.ref })).status).toBe(200);
    const lines = await t.request<ImportSourceLinesDto>('GET', `/api/imports/${first.id}/lines?from=5&to=8`, {
      token: supervisor,
    });
    expect(lines.body.lines[2]).toEqual({ line: 7, text: '为检验政策措施导入功能，现就有关事项通知如下。' });
    const added = await correct(first.id, {
      kind: 'add',
      fromLine: 7,
      toLine: 7,
      lead: ['工业和信息化部'],
      deadline: '2099-03-31',
    });
    expect(added.status).toBe(200);
    expect(titles(added.body)).toEqual([
      '为检验政策措施导入功能，现就有关事项通知如下',
      '建立督办测试台账',
      '加强资金保障',
    ]);
    expect(added.body.measures[0]).toMatchObject({ corrected: 'added', line: 7, lead: ['工业和信息化部'] });
    expect(added.body.corrections.map((x) => [x.kind, x.applied, x.createdBy])).toEqual([
      ['edit', true, 'it-supervisor'],
      ['drop', true, 'it-supervisor'],
      ['add', true, 'it-supervisor'],
    ]);

    const commit = await t.request<ImportResultDto>('POST', `/api/imports/${first.id}/commit`, {
      token: supervisor,
      body: { mappings: [{ name: '国家数字档案局', create: true }] },
    });
    expect(commit.status).toBe(200);
    expect(commit.body).toMatchObject({ documentsCreated: 1, tasksCreated: 3 });
    const rows = await t.dataSource.query<{ title: string; deadline: string | null; lead: string }[]>(
      `SELECT t.title, to_char(t.deadline, 'YYYY-MM-DD') AS deadline,
              (SELECT string_agg(d.name, '、') FROM task_assignments x JOIN departments d ON d.id = x.department_id
                WHERE x.task_id = t.id AND x.role = 'lead') AS lead
         FROM tasks t ORDER BY t.source_line`,
    );
    expect(rows).toEqual([
      {
        title: '为检验政策措施导入功能，现就有关事项通知如下',
        deadline: '2099-03-31',
        lead: '工业和信息化部',
      },
      { title: '建立督办测试台账', deadline: '2099-09-30', lead: '商务部' },
      { title: '加强资金保障', deadline: null, lead: '财政部' },
    ]);
    // A committed preview takes no more corrections; the next upload of the file does.
    expect((await correct(first.id, { kind: 'drop', ref: a.ref })).body.code).toBe(
      'IMPORT_ALREADY_COMMITTED',
    );

    const again = await preview(FIXTURE_A, 'same-file-renamed.txt');
    expect(titles(again)).toEqual(titles(added.body));
    expect(again.measures.map((m) => m.corrected)).toEqual(['added', 'edited', null]);
    expect(again.corrections).toHaveLength(3);
    const second = await t.request<ImportResultDto>('POST', `/api/imports/${again.id}/commit`, {
      token: supervisor,
      body: {},
    });
    expect(second.body).toMatchObject({ documentsCreated: 0, tasksCreated: 0, tasksUnchanged: 3 });

    // Withdrawing a correction brings the measure back as extracted.
    const withdrawn = await preview(FIXTURE_A);
    const drop = withdrawn.corrections.find((x) => x.kind === 'drop')!;
    const undone = await t.request<CorrectedImportPreviewDto>(
      'DELETE',
      `/api/imports/${withdrawn.id}/corrections/${drop.id}`,
      { token: supervisor },
    );
    expect(undone.status).toBe(200);
    expect(titles(undone.body)).toContain('开展专项督查');
  });

  it('reports a correction whose measure is gone instead of losing it', async () => {
    const first = await preview(FIXTURE_A);
    const added = await correct(first.id, { kind: 'add', fromLine: 7, toLine: 7, lead: ['商务部'] });
    const addedRef = added.body.measures.find((m) => m.corrected === 'added')!.ref;
    await correct(first.id, { kind: 'edit', ref: addedRef, title: '补充的措施' });
    const add = added.body.corrections[0];
    const after = await t.request<CorrectedImportPreviewDto>(
      'DELETE',
      `/api/imports/${first.id}/corrections/${add.id}`,
      { token: supervisor },
    );
    expect(after.body.corrections).toEqual([
      expect.objectContaining({ kind: 'edit', applied: false, problem: expect.stringContaining('不存在') }),
    ]);
    expect(titles(after.body)).toEqual(['建立测试工作台账', '加强资金保障', '开展专项督查']);
    // The file read differently (a measure's text changed under a newer extractor): still listed, not applied.
    await t.dataSource.query(
      `INSERT INTO import_corrections (checksum, kind, payload)
         SELECT checksum, 'drop', '{"ref":"11-0000000000"}'::jsonb FROM import_previews WHERE id = $1`,
      [first.id],
    );
    const reread = await preview(FIXTURE_A);
    expect(reread.corrections.map((x) => [x.kind, x.applied])).toEqual([
      ['edit', false],
      ['drop', false],
    ]);
    expect(reread.measures).toHaveLength(3);
  });

  it('merges two adjacent measures and splits one at a line', async () => {
    const first = await preview(FIXTURE_WRAPPED);
    const [a, b, c] = first.measures;
    expect(c?.title).toBe('开展专项督查');
    const notAdjacent = await correct(first.id, { kind: 'merge', ref: a.ref, withRef: c.ref });
    expect(notAdjacent.body.code).toBe('IMPORT_CORRECTION_NOT_ADJACENT');
    const merged = await correct(first.id, { kind: 'merge', ref: a.ref, withRef: b.ref });
    expect(merged.status).toBe(200);
    expect(merged.body.measures[0]).toMatchObject({
      corrected: 'merged',
      title: '建立测试工作台账',
      lead: ['国家发展和改革委员会', '商务部', '财政部'],
    });
    expect(merged.body.measures).toHaveLength(2);
    const split = await correct(first.id, { kind: 'split', ref: c.ref, atLine: c.line + 1 });
    expect(split.status).toBe(200);
    expect(split.body.measures.slice(1).map((m) => [m.title, m.corrected, m.lead])).toEqual([
      ['开展专项督查', 'split', ['审计署']],
      ['组织专项审计，2099年6月底前完成', 'split', ['审计署']],
    ]);
    const badSplit = await correct(first.id, { kind: 'split', ref: c.ref, atLine: c.line + 5 });
    expect(badSplit.status).toBe(400);
    expect(badSplit.body.code).toBe('IMPORT_CORRECTION_SPLIT_LINE');
  });

  it('refuses an empty title, an impossible date, a missing measure or bad lines in zh-CN, and flags an unknown unit', async () => {
    const first = await preview(FIXTURE_A);
    const ref = first.measures[0].ref;
    const cases: [ImportCorrectionRequestDto, string][] = [
      [{ kind: 'edit', ref, title: '  ' }, 'IMPORT_CORRECTION_TITLE_EMPTY'],
      [{ kind: 'edit', ref, deadline: '2099-02-30' }, 'IMPORT_CORRECTION_DATE_INVALID'],
      [{ kind: 'edit', ref, deadline: '明年' }, 'IMPORT_CORRECTION_DATE_INVALID'],
      [{ kind: 'edit', ref, lead: [] }, 'IMPORT_CORRECTION_LEAD_EMPTY'],
      [{ kind: 'edit', ref }, 'IMPORT_CORRECTION_EMPTY'],
      [{ kind: 'edit', ref: '99-0123456789', title: '某项' }, 'IMPORT_CORRECTION_MEASURE_MISSING'],
      [{ kind: 'drop' }, 'IMPORT_CORRECTION_FIELD_MISSING'],
      [{ kind: 'add', fromLine: 7, toLine: 7 }, 'IMPORT_CORRECTION_FIELD_MISSING'],
      [{ kind: 'add', fromLine: 9, toLine: 500, lead: ['商务部'] }, 'IMPORT_CORRECTION_LINES_INVALID'],
      [{ kind: 'add', fromLine: 8, toLine: 8, lead: ['商务部'] }, 'IMPORT_CORRECTION_LINES_BLANK'],
      [{ kind: 'split', ref, atLine: 12 }, 'IMPORT_CORRECTION_SPLIT_LINE'],
      [{ kind: 'rename' } as unknown as ImportCorrectionRequestDto, 'VALIDATION_FAILED'],
      [{ kind: 'edit', ref, milestones: [{ date: '2099-02-30', text: '试点' }] }, 'VALIDATION_FAILED'],
      [{ kind: 'edit', ref, milestones: [{ date: '2099-03-31', text: ' ' }] }, 'VALIDATION_FAILED'],
      [
        { kind: 'edit', ref, milestones: [{ date: '2100-03-31', text: '试点' }] },
        'IMPORT_CORRECTION_MILESTONE_AFTER_DEADLINE',
      ],
      [
        { kind: 'edit', ref, deadline: '2099-06-30', milestones: [{ date: '2099-09-30', text: '试点' }] },
        'IMPORT_CORRECTION_MILESTONE_AFTER_DEADLINE',
      ],
    ];
    for (const [body, code] of cases) {
      const res = await correct(first.id, body);
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 400, code });
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const flagged = await correct(first.id, { kind: 'edit', ref, lead: ['商务部', '国家督办测试中心'] });
    expect(flagged.status).toBe(200);
    expect(flagged.body.measures[0]?.unknownDepartments).toEqual(['国家督办测试中心']);
    expect(flagged.body.unknownDepartments.map((u) => u.name)).toContain('国家督办测试中心');
    const [{ n }] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM import_corrections`,
    );
    expect(n).toBe(1);
    const unknownPreview = await correct('00000000-0000-4000-8000-000000000000', { kind: 'drop', ref });
    expect(unknownPreview.status).toBe(404);
  });

  it("sets a measure's milestones in the preview, and the committed task keeps them", async () => {
    const first = await preview(FIXTURE_A);
    expect(first.measures.every((m) => Array.isArray(m.milestones))).toBe(true);
    const [a] = first.measures;
    const steps = [
      { date: '2099-09-30', text: '完成台账录入' },
      { date: '2099-03-31', text: '制定台账方案' },
    ];
    const edited = await correct(first.id, { kind: 'edit', ref: a.ref, milestones: steps });
    expect(edited.status).toBe(200);
    const ordered = [steps[1], steps[0]];
    expect(edited.body.measures[0]).toMatchObject({ corrected: 'edited', deadline: '2099-12-31' });
    expect(edited.body.measures[0]?.milestones).toEqual(ordered);
    const commit = await t.request<ImportResultDto>('POST', `/api/imports/${first.id}/commit`, {
      token: supervisor,
      body: { mappings: [{ name: '国家数字档案局', create: true }] },
    });
    expect(commit.status).toBe(200);
    const [task] = await t.dataSource.query<{ milestones: unknown }[]>(
      `SELECT milestones FROM tasks ORDER BY source_line LIMIT 1`,
    );
    expect(task?.milestones).toEqual(ordered);
  });

  it('says why a file gave no measure', async () => {
    const bare = await preview(FIXTURE_A_BARE);
    expect(bare.measures).toEqual([]);
    expect(bare.diagnoses).toEqual([
      expect.objectContaining({
        documentIndex: 0,
        code: 'NO_ANNOTATION_FORM',
        message: expect.stringContaining('未识别'),
      }),
    ]);
  });

  it('is for supervisors and admins only (an officer gets 403 in zh-CN)', async () => {
    const first = await preview(FIXTURE_A);
    const officer = await loginAs(t, 'officer', '商务部');
    const res = await correct(first.id, { kind: 'drop', ref: first.measures[0].ref }, officer);
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    const lines = await t.request<ApiErrorDto>('GET', `/api/imports/${first.id}/lines`, { token: officer });
    expect(lines.status).toBe(403);
    const admin = await loginAs(t, 'admin');
    expect((await correct(first.id, { kind: 'drop', ref: first.measures[0].ref }, admin)).status).toBe(200);
  });
});
