import type { TaskSummaryDto } from '@duban/domain/contract';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildTaskLedger, completionText, LEDGER_HEADERS, shanghaiCell } from './task-ledger.workbook';

function summary(overrides: Partial<TaskSummaryDto> = {}): TaskSummaryDto {
  return {
    id: 't1',
    document: { id: 'd1', title: '关于促进中医药健康服务发展的规划', docNumber: '国办发〔2015〕32号' },
    path: ['一'],
    title: '加快发展中医养生保健服务',
    status: 'in_progress',
    deadline: '2026-06-30',
    deadlineText: '2026年6月底前',
    deadlineKind: 'date',
    originalDeadline: null,
    overdue: false,
    light: 'yellow',
    lead: [{ id: 'a', name: '国家中医药局' }],
    participants: [
      { id: 'b', name: '国家发展改革委' },
      { id: 'c', name: '商务部' },
    ],
    lastReportAt: '2026-06-01T02:30:00.000Z',
    completedAt: null,
    completedOnTime: null,
    completedOnTimeOriginal: null,
    mainLeadId: 'a',
    awaitingSignoff: false,
    assignee: null,
    version: 3,
    ...overrides,
  };
}

describe('督办台账 workbook', () => {
  it('writes one row per task under the fixed headers', async () => {
    const buffer = await buildTaskLedger(
      [
        summary(),
        summary({
          id: 't2',
          status: 'done',
          light: 'green',
          completedOnTime: false,
          completedAt: '2026-07-02T01:00:00Z',
        }),
      ],
      new Date('2026-07-03T00:00:00Z'),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('督办台账')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...LEDGER_HEADERS]);
    expect(sheet.rowCount).toBe(3);
    const first = sheet.getRow(2);
    expect(first.getCell(4).value).toBe('加快发展中医养生保健服务');
    expect(first.getCell(5).value).toBe('国家中医药局');
    expect(first.getCell(6).value).toBe('国家发展改革委、商务部');
    const at = (header: string) => LEDGER_HEADERS.indexOf(header) + 1;
    expect(first.getCell(at('状态')).value).toBe('进行中');
    expect(first.getCell(at('预警')).value).toBe('黄灯·临期');
    expect(first.getCell(at('完成时限')).value).toEqual(new Date('2026-06-30T00:00:00Z'));
    expect(first.getCell(at('最近报告')).value).toEqual(new Date('2026-06-01T10:30:00Z'));
    expect(first.getCell(at('最近报告')).numFmt).toBe('yyyy-mm-dd hh:mm');
    const second = sheet.getRow(3);
    expect(second.getCell(at('状态')).value).toBe('已办结');
    expect(second.getCell(at('按期办结')).value).toBe('否');
    expect(second.getCell(at('办结情况')).value).toBe('逾期办结');
  });

  it('shows instants as Shanghai wall time and completion in words', () => {
    expect(shanghaiCell('2026-06-30T16:00:00Z')).toEqual(new Date('2026-07-01T00:00:00Z'));
    expect(shanghaiCell(null)).toBeNull();
    expect(completionText(summary({ status: 'submitted' }))).toBe('已报办结，待审核');
    expect(completionText(summary({ status: 'done', completedOnTime: true }))).toBe('按期办结');
  });
});
