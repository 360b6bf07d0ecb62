import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowEnv } from '../support/workflow-env';

const NOW = new Date('2026-06-30T04:00:00Z');

async function sheetOf(raw: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(raw as unknown as ArrayBuffer);
  return workbook.getWorksheet('督办台账')!;
}

const cellText = (sheet: ExcelJS.Worksheet, row: number, column: number): string => {
  const value = sheet.getRow(row).getCell(column).value;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

/** A header's column number (1-based), so the assertions do not hard-code the layout. */
const col = (sheet: ExcelJS.Worksheet, header: string): number => {
  const values = sheet.getRow(1).values as unknown[];
  const index = values.indexOf(header);
  if (index < 1) throw new Error(`no column ${header}`);
  return index;
};

describe('GET /api/export/tasks.xlsx (督办台账)', () => {
  let env: WorkflowEnv;

  beforeAll(async () => {
    const anchorMs = Date.now();
    env = await WorkflowEnv.start({ clock: { anchorMs, scale: 1, offsetMs: NOW.getTime() - anchorMs } });
    await env.newTask({ title: '逾期任务', deadline: '2026-06-01', status: 'in_progress' });
    await env.newTask({
      title: '延期任务',
      deadline: '2026-09-30',
      originalDeadline: '2026-06-15',
      status: 'in_progress',
    });
    await env.newTask({ title: '已办结任务', deadline: '2026-05-01', status: 'done' });
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('exports the list, in list order, as an XLSX download named in Chinese', async () => {
    const response = await env.http('GET', '/api/export/tasks.xlsx', { as: env.users.supervisor });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(String(response.headers['content-disposition'])).toContain(
      `filename*=UTF-8''${encodeURIComponent('督办台账-20260630.xlsx')}`,
    );
    expect(response.headers['x-export-rows']).toBe('3');
    const sheet = await sheetOf(response.raw);
    expect(cellText(sheet, 1, 4)).toBe('任务');
    expect([2, 3, 4].map((row) => cellText(sheet, row, 4))).toEqual(['逾期任务', '已办结任务', '延期任务']);
    expect(cellText(sheet, 2, col(sheet, '是否逾期'))).toBe('是');
    expect(cellText(sheet, 2, col(sheet, '预警'))).toBe('红灯·逾期');
    // Real date cells (Excel sorts and filters them as dates), formatted as dates.
    const deadline = sheet.getRow(4).getCell(col(sheet, '完成时限'));
    expect(deadline.value).toEqual(new Date('2026-09-30T00:00:00Z'));
    expect(deadline.numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getRow(4).getCell(col(sheet, '原定时限')).value).toEqual(new Date('2026-06-15T00:00:00Z'));
    expect(cellText(sheet, 2, 5)).toBe('测试部门A');
    expect(cellText(sheet, 2, 6)).toBe('测试部门B');
  });

  it("adds 逾期天数, the latest progress, 办结情况 and the extension history, in the screens' words", async () => {
    const [overdueTask] = await env.db.query<{ id: string }[]>(
      `SELECT id FROM tasks WHERE title = '逾期任务'`,
    );
    const [extended] = await env.db.query<{ id: string }[]>(`SELECT id FROM tasks WHERE title = '延期任务'`);
    await env.db.query(
      `INSERT INTO progress_reports (task_id, department_id, author_id, text, created_at)
       VALUES ($1, $2, $3, '第一次进展', '2026-06-10T02:00:00Z'), ($1, $2, $3, '最新一次进展', '2026-06-20T02:00:00Z')`,
      [overdueTask.id, env.departments.A, env.users.leadOfficer.id],
    );
    await env.db.query(
      `INSERT INTO extension_requests (task_id, department_id, requested_by_id, reason, current_deadline, requested_deadline, status, created_at)
       VALUES ($1, $2, $3, '需要更多时间', '2026-06-15', '2026-09-30', 'granted', '2026-06-01T02:00:00Z')`,
      [extended.id, env.departments.A, env.users.leadOfficer.id],
    );
    const response = await env.http('GET', '/api/export/tasks.xlsx', { as: env.users.supervisor });
    const sheet = await sheetOf(response.raw);
    expect(sheet.getRow(2).getCell(col(sheet, '逾期天数')).value).toBe(29);
    expect(cellText(sheet, 2, col(sheet, '状态'))).toBe('进行中');
    expect(cellText(sheet, 2, col(sheet, '最新进展'))).toBe('2026-06-20：最新一次进展');
    expect(cellText(sheet, 2, col(sheet, '办结情况'))).toBe('未办结');
    expect(cellText(sheet, 3, col(sheet, '状态'))).toBe('已办结');
    expect(cellText(sheet, 3, col(sheet, '办结情况'))).toBe('已办结');
    expect(cellText(sheet, 4, col(sheet, '延期记录'))).toBe(
      '2026-06-01 申请由2026-06-15延至2026-09-30（已同意）',
    );
  });

  it('names the file after the filters', async () => {
    const response = await env.http('GET', '/api/export/tasks.xlsx', {
      as: env.users.supervisor,
      query: { department: env.departments.A, role: 'lead', overdue: 'true', status: 'in_progress' },
    });
    expect(String(response.headers['content-disposition'])).toContain(
      `filename*=UTF-8''${encodeURIComponent('督办台账-测试部门A-牵头-进行中-逾期-20260630.xlsx')}`,
    );
  });

  it('applies the same filters as the list', async () => {
    const response = await env.http('GET', '/api/export/tasks.xlsx', {
      as: env.users.supervisor,
      query: { overdue: 'true' },
    });
    const sheet = await sheetOf(response.raw);
    expect(sheet.rowCount).toBe(2);
    expect(cellText(sheet, 2, 4)).toBe('逾期任务');
    const invalid = await env.http('GET', '/api/export/tasks.xlsx', {
      as: env.users.supervisor,
      query: { light: 'x' },
    });
    expect(invalid.status).toBe(400);
  });
});
