import { formatCalendarEntries, parseCalendarEntries } from './calendar-entries';

describe('parseCalendarEntries', () => {
  it('reads the lines of an announcement and round-trips them', () => {
    const text = '2027-01-01 放假 元旦\n\n2027-02-06 上班 春节\n2027-02-11，休，春节';
    const parsed = parseCalendarEntries(text, 2027);
    expect(parsed.errors).toEqual([]);
    expect(parsed.days).toEqual([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-02-06', kind: 'workday', name: '春节' },
      { date: '2027-02-11', kind: 'holiday', name: '春节' },
    ]);
    expect(parseCalendarEntries(formatCalendarEntries(parsed.days), 2027).days).toEqual(parsed.days);
  });

  it('names every bad line in zh-CN', () => {
    const parsed = parseCalendarEntries(
      '2027-02-30 放假 春节\n2026-12-31 放假 元旦\n2027-03-01 休假 x\n2027-03-02 放假\n2027-01-01 放假 元旦\n2027-01-01 放假 元旦',
      2027,
    );
    expect(parsed.days).toHaveLength(1);
    expect(parsed.errors).toEqual([
      '第 1 行：「2027-02-30」不是真实日期，请写成 2027-01-01 这样的格式',
      '第 2 行：2026-12-31 不在 2027 年内',
      '第 3 行：第二项须为「放假」或「上班」',
      '第 4 行：请写上节日名称，如 元旦、春节',
      '第 6 行：2027-01-01 重复',
    ]);
  });
});
