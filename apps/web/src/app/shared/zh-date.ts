import { Injectable, Provider } from '@angular/core';
import { DateAdapter, MAT_DATE_FORMATS, MatDateFormats, NativeDateAdapter } from '@angular/material/core';

/** 2027年3月31日, 2027-3-31, 2027/3/31, 2027.3.31 (one- or two-digit month and day, optional 日). */
const ZH_DATE = /^\s*(\d{4})\s*(?:年|-|\/|\.)\s*(\d{1,2})\s*(?:月|-|\/|\.)\s*(\d{1,2})\s*日?\s*$/;

/** Reads a typed date as a local calendar day; null when empty, an invalid Date when it cannot be read. */
export function parseZhDate(value: string): Date | null {
  if (!value.trim()) return null;
  const m = ZH_DATE.exec(value);
  if (!m) return new Date(NaN);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  // 2027-2-30 would roll over into March: refuse it instead of silently moving the deadline.
  return date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d
    ? date
    : new Date(NaN);
}

export function formatZhDate(date: Date): string {
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

/**
 * The native adapter parses with Date.parse, which rejects 2027年3月31日 — the very format the app shows.
 * This one reads the formats people type in Chinese offices and writes dates as the app displays them.
 */
@Injectable()
export class ZhDateAdapter extends NativeDateAdapter {
  override parse(value: unknown): Date | null {
    if (typeof value === 'string') return parseZhDate(value);
    return super.parse(value);
  }

  /** Plain day numbers in the calendar grid: Intl's zh-CN day names are 「1日」「2日」…, noisy in a month view. */
  override getDateNames(): string[] {
    return Array.from({ length: 31 }, (_, i) => String(i + 1));
  }

  override format(date: Date, displayFormat: object): string {
    if (!this.isValid(date)) throw new Error('ZhDateAdapter: cannot format an invalid date');
    // The input shows the app's display format; the calendar's headers keep the locale's Intl formats.
    return displayFormat === ZH_DATE_FORMATS.display.dateInput
      ? formatZhDate(date)
      : super.format(date, displayFormat);
  }
}

export const ZH_DATE_FORMATS: MatDateFormats = {
  parse: { dateInput: 'zh' },
  display: {
    dateInput: { zh: 'input' },
    monthLabel: { month: 'short' },
    monthYearLabel: { year: 'numeric', month: 'long' },
    dateA11yLabel: { year: 'numeric', month: 'long', day: 'numeric' },
    monthYearA11yLabel: { year: 'numeric', month: 'long' },
  },
};

/** App-wide: parsing and formatting only; the datepicker labels are provided by the lazy screens (zh-datepicker-intl.ts). */
export function provideZhDates(): Provider[] {
  return [
    { provide: DateAdapter, useClass: ZhDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: ZH_DATE_FORMATS },
  ];
}
