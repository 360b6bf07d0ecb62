/**
 * Periods of a 督查通报: a month ('2026-11'), a quarter ('2026-Q4') or a custom range
 * ('2026-10-01..2026-11-15'), as inclusive Shanghai calendar dates.
 */
export type BulletinPeriodKind = 'month' | 'quarter' | 'custom';

export interface BulletinPeriod {
  kind: BulletinPeriodKind;
  /** As written in the URL: '2026-11', '2026-Q4', '2026-10-01..2026-11-15'. */
  key: string;
  from: string;
  to: string;
  /** '2026年11月', '2026年第四季度', '2026年10月1日至2026年11月15日'. */
  label: string;
}

export class BulletinPeriodError extends Error {
  constructor(readonly input: string) {
    super(
      `无法识别的通报期间「${input}」：请写成 2026-11（月）、2026-Q4（季度）或 2026-10-01..2026-11-15（自定义）`,
    );
    this.name = 'BulletinPeriodError';
  }
}

const QUARTER_NAMES = ['一', '二', '三', '四'];
const pad = (n: number): string => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDayOfMonth(y, m);
}

/** '2026年11月5日' from '2026-11-05'. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function parseBulletinPeriod(input: string): BulletinPeriod {
  const value = input.trim();
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) {
    const [y, m] = [Number(month[1]), Number(month[2])];
    if (m < 1 || m > 12) throw new BulletinPeriodError(input);
    return {
      kind: 'month',
      key: value,
      from: `${y}-${pad(m)}-01`,
      to: `${y}-${pad(m)}-${pad(lastDayOfMonth(y, m))}`,
      label: `${y}年${m}月`,
    };
  }
  const quarter = /^(\d{4})-Q([1-4])$/i.exec(value);
  if (quarter) {
    const [y, q] = [Number(quarter[1]), Number(quarter[2])];
    const lastMonth = q * 3;
    return {
      kind: 'quarter',
      key: `${y}-Q${q}`,
      from: `${y}-${pad(lastMonth - 2)}-01`,
      to: `${y}-${pad(lastMonth)}-${pad(lastDayOfMonth(y, lastMonth))}`,
      label: `${y}年第${QUARTER_NAMES[q - 1]}季度`,
    };
  }
  const custom = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(value);
  if (custom && validDate(custom[1]) && validDate(custom[2]) && custom[1] <= custom[2]) {
    return {
      kind: 'custom',
      key: value,
      from: custom[1],
      to: custom[2],
      label: `${chineseDate(custom[1])}至${chineseDate(custom[2])}`,
    };
  }
  throw new BulletinPeriodError(input);
}

/** The month before the one containing `today` ('YYYY-MM-DD'): what the 1st-of-month run reports. */
export function previousMonthKey(today: string): string {
  const [y, m] = today.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}
