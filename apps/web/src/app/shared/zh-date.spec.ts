import { TestBed } from '@angular/core/testing';
import { DateAdapter, MAT_DATE_FORMATS, MatDateFormats } from '@angular/material/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import { formatZhDate, parseZhDate, provideZhDates } from './zh-date';
import { provideZhDatepickerIntl } from './zh-datepicker-intl';

describe('zh-CN dates', () => {
  const ymd = (d: Date | null): string | null =>
    d && !Number.isNaN(d.getTime()) ? `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}` : null;

  it('reads 2027年3月31日, 2027-3-31, 2027/3/31 and zero-padded forms as the same local day', () => {
    for (const text of [
      '2027年3月31日',
      '2027-3-31',
      '2027/3/31',
      '2027-03-31',
      ' 2027年03月31日 ',
      '2027.3.31',
      '2027年3月31',
    ]) {
      expect(ymd(parseZhDate(text)), text).toBe('2027-3-31');
    }
  });

  it('refuses impossible or foreign text instead of guessing', () => {
    expect(ymd(parseZhDate('2027-2-30'))).toBeNull();
    expect(ymd(parseZhDate('31/3/2027'))).toBeNull();
    expect(ymd(parseZhDate('明年三月'))).toBeNull();
    expect(parseZhDate('')).toBeNull();
  });

  it('the adapter parses typed text and writes the app display format back into the input', () => {
    TestBed.configureTestingModule({ providers: [provideZhDates()] });
    const adapter = TestBed.inject<DateAdapter<Date>>(DateAdapter);
    const formats = TestBed.inject<MatDateFormats>(MAT_DATE_FORMATS);
    const parsed = adapter.parse('2027年3月31日', formats.parse.dateInput);
    expect(ymd(parsed)).toBe('2027-3-31');
    expect(adapter.format(parsed!, formats.display.dateInput)).toBe('2027年3月31日');
    expect(adapter.isValid(adapter.parse('2027/13/1', formats.parse.dateInput)!)).toBe(false);
    expect(formatZhDate(new Date(2026, 0, 5))).toBe('2026年1月5日');
  });

  it('labels the datepicker in Chinese', () => {
    TestBed.configureTestingModule({ providers: [provideZhDates(), provideZhDatepickerIntl()] });
    const intl = TestBed.inject(MatDatepickerIntl);
    expect(intl.openCalendarLabel).toBe('打开日历');
    expect(intl.prevMonthLabel).toBe('上个月');
    expect(intl.nextMonthLabel).toBe('下个月');
  });
});

describe('ZhDateAdapter calendar', () => {
  it('numbers the days plainly (no 日 in every cell)', () => {
    TestBed.configureTestingModule({ providers: [provideZhDates()] });
    const adapter = TestBed.inject<DateAdapter<Date>>(DateAdapter);
    expect(adapter.getDateNames().slice(0, 3)).toEqual(['1', '2', '3']);
  });
});
