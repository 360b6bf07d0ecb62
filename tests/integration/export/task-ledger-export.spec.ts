import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowEnv } from '../workflow/support/workflow-fixture';

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
    expect(cellText(sheet, 2, 10)).toBe('是');
    expect(cellText(sheet, 2, 11)).toBe('红灯·逾期');
    expect(cellText(sheet, 4, 7)).toBe('2026-09-30');
    expect(cellText(sheet, 4, 8)).toBe('2026-06-15');
    expect(cellText(sheet, 2, 5)).toBe('测试部门A');
    expect(cellText(sheet, 2, 6)).toBe('测试部门B');
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
