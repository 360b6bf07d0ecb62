import type {
  IntakePreviewDto,
  IntakeResultDto,
  TaskDetailDto,
  TaskSummaryDto,
  PageDto,
} from '@duban/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, WorkflowEnv } from '../support/workflow-env';
import { inbox, LEDGER_HEADER, ledgerWorkbook, reminderJobs, uploadLedger } from '../support/desk';

const today = new Date().toISOString().slice(0, 10);

describe('bulk 立项 from an Excel 台账', () => {
  let env: WorkflowEnv;

  beforeAll(async () => {
    env = await WorkflowEnv.start();
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('offers a template with the columns, an example row and a pick list of source kinds', async () => {
    const res = await env.http<Buffer>('GET', '/api/intake/template.xlsx', { as: env.users.supervisor });
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.raw as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '序号',
      '任务内容',
      '来源类型',
      '来源名称',
      '文号/批示',
      '牵头单位',
      '配合单位',
      '完成时限',
      '备注',
      '来源日期',
    ]);
    expect(sheet.getCell('C2').dataValidation.formulae?.[0]).toContain('领导批示');
    expect(sheet.getCell('H2').value).toBeInstanceOf(Date);
  });

  it('validates every row, suggests a unit for an unknown name, and commits only the valid rows', async () => {
    const due = addDays(today, 60);
    const bytes = await ledgerWorkbook([
      [
        1,
        '落实市长批示，完成老旧小区改造摸底。',
        '领导批示',
        '市长批示件',
        '批示〔2026〕7号',
        '测试部门A',
        '测试部门B',
        new Date(`${due}T00:00:00Z`),
        '',
      ],
      [2, '', '会议纪要', '第12次常务会议纪要', null, '测试部门A', null, due, ''],
      [
        3,
        '每季度报送营商环境改革进展。',
        '会议纪要',
        '第12次常务会议纪要',
        null,
        '测试部门X',
        null,
        '每季度',
        '',
      ],
      [4, '开展专项督查。', '专项督查', '安全生产专项督查', null, '测试部门C', null, '2027-02-30', ''],
      [5, '研究制定配套措施。', '批条', '其他来源', null, '测试部门B', null, '2027年底前', ''],
      [
        6,
        '推进政务服务一网通办。',
        '政府工作报告分工',
        '2026年政府工作报告',
        null,
        '测试部门B',
        '测试部门A、测试部门C',
        `${due.slice(0, 4)}/${Number(due.slice(5, 7))}/${Number(due.slice(8))}`,
        '重点',
      ],
    ]);
    const upload = await uploadLedger<IntakePreviewDto>(env, '督办台账.xlsx', bytes, env.users.supervisor);
    expect(upload.status).toBe(201);
    const preview = upload.body;
    expect(preview.fileName).toBe('督办台账.xlsx');
    expect(preview.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(preview.validRows).toBe(2);
    expect(preview.invalidRows).toBe(4);
    const byRow = new Map(preview.rows.map((r) => [r.row, r]));
    expect(byRow.get(2)).toMatchObject({ errors: [], deadline: due, sourceKind: 'leader_instruction' });
    expect(byRow.get(2)!.lead.map((d) => d.name)).toEqual(['测试部门A']);
    expect(byRow.get(3)!.errors).toEqual([{ column: '任务内容', message: '任务内容不能为空。' }]);
    const unknown = byRow.get(4)!.errors;
    expect(unknown).toHaveLength(1);
    expect(unknown[0].column).toBe('牵头单位');
    expect(unknown[0].message).toContain('测试部门X');
    expect(unknown[0].suggestion?.name).toMatch(/^测试部门[ABC]$/);
    expect(byRow.get(5)!.errors).toEqual([
      { column: '完成时限', message: '日期“2027-02-30”不存在，请检查月份和日期。' },
    ]);
    expect(byRow.get(6)!.errors[0]).toMatchObject({ column: '来源类型' });
    expect(byRow.get(6)!.errors[0].message).toContain('领导批示');
    expect(byRow.get(7)).toMatchObject({ errors: [], deadline: due, sourceKind: 'government_work_report' });
    expect(byRow.get(7)!.participants.map((d) => d.name)).toEqual(['测试部门A', '测试部门C']);

    const commit = await env.http<IntakeResultDto>('POST', `/api/intake/${preview.id}/commit`, {
      as: env.users.supervisor,
    });
    expect(commit.status).toBe(200);
    expect(commit.body).toMatchObject({ tasksCreated: 2, rowsSkipped: 4 });

    const [first, second] = commit.body.taskIds;
    const detail = await env.http<TaskDetailDto>('GET', `/api/tasks/${first}`, { as: env.users.leadOfficer });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      origin: 'ledger',
      deadline: due,
      source: { kind: 'leader_instruction', title: '市长批示件', reference: '批示〔2026〕7号' },
      sourceFile: '督办台账.xlsx',
      sourceLine: 2,
    });
    expect(detail.body.history.map((h) => h.action)).toEqual(['task.created']);
    // Reminders are queued at commit, for both departments of the row.
    const jobs = await reminderJobs(env, first);
    expect(jobs.some((j) => j.includes(`dept-${env.departments.A}`))).toBe(true);
    expect(jobs.some((j) => j.includes(`dept-${env.departments.B}`))).toBe(true);
    expect(await reminderJobs(env, second)).not.toEqual([]);
    // The lead departments learn of their new tasks in their inbox (task.assigned); a participant does not.
    const aInbox = await inbox(env, env.users.leadOfficer);
    expect(aInbox.filter((n) => n.rule === 'task.assigned').map((n) => n.task?.id)).toContain(first);
    const cInbox = await inbox(env, env.users.otherOfficer);
    expect(cInbox.filter((n) => n.rule === 'task.assigned').map((n) => n.task?.id)).toEqual([]);

    const again = await env.http('POST', `/api/intake/${preview.id}/commit`, { as: env.users.supervisor });
    expect(again.status).toBe(409);
    // The tasks are in the list like imported ones (with their source as the document).
    const list = await env.http<PageDto<TaskSummaryDto>>('GET', '/api/tasks', {
      as: env.users.supervisor,
      query: { q: '一网通办' },
    });
    expect(list.body.items.map((t) => t.document.title)).toEqual(['2026年政府工作报告']);
  });

  it('reads the optional 来源日期 column: a date is kept on the source, a period or a future day is refused', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('督办台账');
    sheet.addRow([...LEDGER_HEADER, '来源日期']);
    const due = addDays(today, 90);
    const row = (n: number, title: string, sourceDate: string | Date): (string | number | Date | null)[] => [
      n,
      `落实批示第${n}项。`,
      '领导批示',
      title,
      null,
      '测试部门A',
      null,
      due,
      '',
      sourceDate,
    ];
    sheet.addRow(row(1, '带日期的批示件', new Date('2026-11-20T00:00:00Z')));
    sheet.addRow(row(2, '写成期间的批示件', '每季度'));
    sheet.addRow(row(3, '日期在未来的批示件', addDays(today, 10)));
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const upload = await uploadLedger<IntakePreviewDto>(env, '带来源日期.xlsx', bytes, env.users.supervisor);
    expect(upload.status).toBe(201);
    const [dated, period, future] = upload.body.rows;
    expect(dated).toMatchObject({ sourceDate: '2026-11-20', errors: [] });
    expect(period.errors).toEqual([
      { column: '来源日期', message: '来源日期“每季度”不是日期，请填写如 2026-11-20。' },
    ]);
    expect(future.errors[0]).toMatchObject({ column: '来源日期' });
    const commit = await env.http<IntakeResultDto>('POST', `/api/intake/${upload.body.id}/commit`, {
      as: env.users.supervisor,
    });
    expect(commit.body).toMatchObject({ tasksCreated: 1, rowsSkipped: 2 });
    const detail = await env.http<TaskDetailDto>('GET', `/api/tasks/${commit.body.taskIds[0]}`, {
      as: env.users.supervisor,
    });
    expect(detail.body.source).toMatchObject({ title: '带日期的批示件', date: '2026-11-20' });
  });

  it('refuses files that are not .xlsx, and sheets without the template columns, in zh-CN', async () => {
    const csv = await uploadLedger<{ code: string; message: string }>(
      env,
      '台账.csv',
      Buffer.from('序号,任务内容\n1,测试\n', 'utf8'),
      env.users.supervisor,
    );
    expect(csv.status).toBe(415);
    expect(csv.body.code).toBe('INTAKE_NOT_XLSX');
    expect(csv.body.message).toContain('.xlsx');

    const xls = await uploadLedger<{ code: string; message: string }>(
      env,
      '台账.xls',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]),
      env.users.supervisor,
    );
    expect(xls.status).toBe(415);
    expect(xls.body.message).toContain('另存为');

    const broken = await uploadLedger<{ code: string }>(
      env,
      '台账.xlsx',
      Buffer.from('PK\u0003\u0004garbage', 'latin1'),
      env.users.supervisor,
    );
    expect(broken.status).toBe(415);
    expect(broken.body.code).toBe('INTAKE_UNREADABLE');

    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRow(['编号', '内容', '单位']);
    const wrong = await uploadLedger<{ code: string; message: string }>(
      env,
      '别的表.xlsx',
      Buffer.from(await workbook.xlsx.writeBuffer()),
      env.users.supervisor,
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('INTAKE_MISSING_COLUMNS');
    expect(wrong.body.message).toContain('模板');

    const empty = await uploadLedger<{ code: string }>(env, 'x.xlsx', Buffer.alloc(0), env.users.supervisor);
    expect(empty.status).toBe(400);
  });

  it('is for supervisors only', async () => {
    const bytes = await ledgerWorkbook([[1, '测试', '其他', '来源', null, '测试部门A', null, null, null]]);
    expect((await uploadLedger(env, 'a.xlsx', bytes, env.users.leadOfficer)).status).toBe(403);
    expect((await uploadLedger(env, 'a.xlsx', bytes, env.users.admin)).status).toBe(403);
    expect((await uploadLedger(env, 'a.xlsx', bytes, null)).status).toBe(401);
    expect((await env.http('GET', '/api/intake/template.xlsx', { as: env.users.leadOfficer })).status).toBe(
      403,
    );
    expect((await env.http('GET', '/api/intake/template.xlsx')).status).toBe(401);
  });
});
