import { describe, expect, it } from 'vitest';
import { suggestDepartment } from './department-suggestion';
import { readDeadline, refuseNonXlsx } from './ledger-sheet';

describe(readDeadline.name, () => {
  it.each([
    [new Date(Date.UTC(2027, 5, 30)), { date: '2027-06-30', recurrence: null }],
    [46568, { date: '2027-06-30', recurrence: null }],
    ['2027-06-30', { date: '2027-06-30', recurrence: null }],
    ['2027/6/30', { date: '2027-06-30', recurrence: null }],
    ['2027年6月30日', { date: '2027-06-30', recurrence: null }],
    ['2027年底前', { date: '2027-12-31', recurrence: null }],
    ['每季度', { date: null, recurrence: 'quarter' }],
    ['', { date: null, recurrence: null }],
    [null, { date: null, recurrence: null }],
  ])('reads %s', (cell, expected) => {
    expect(readDeadline(cell, 2026)).toEqual(expected);
  });

  it('names an impossible or unreadable date', () => {
    expect(readDeadline('2027-02-30', 2026)).toEqual({
      problem: '日期“2027-02-30”不存在，请检查月份和日期。',
    });
    expect(readDeadline('尽快', 2026)).toMatchObject({
      problem: expect.stringContaining('无法识别完成时限'),
    });
  });
});

describe(suggestDepartment.name, () => {
  const units = [
    { id: 'a', name: '海关总署', aliases: [] },
    { id: 'b', name: '国家发展改革委', aliases: ['发改委', '国家发改委'] },
  ];

  it('suggests the closest name or alias, or nothing', () => {
    expect(suggestDepartment('海关总局', units)).toEqual({ id: 'a', name: '海关总署' });
    expect(suggestDepartment('发改局', units)).toEqual({ id: 'b', name: '国家发展改革委' });
    expect(suggestDepartment('教育部', units)).toBeNull();
  });
});

describe(refuseNonXlsx.name, () => {
  it('accepts a ZIP and refuses .xls, text and empty files with a 415 / 400', () => {
    expect(() => refuseNonXlsx(Buffer.from('PK\u0003\u0004', 'latin1'), 'a.xlsx')).not.toThrow();
    expect(() =>
      refuseNonXlsx(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'a.xls'),
    ).toThrow(/另存为/);
    expect(() => refuseNonXlsx(Buffer.from('a,b\n'), 'a.csv')).toThrow(/不是 Excel 工作簿/);
    expect(() => refuseNonXlsx(Buffer.alloc(0), 'a.xlsx')).toThrow(/空文件/);
  });
});
