import type { CalendarDayKind, ReplaceCalendarYearRequestDto } from '@duban/domain/contract';

type Entry = ReplaceCalendarYearRequestDto['days'][number];

const KIND_WORDS: Readonly<Record<string, CalendarDayKind>> = {
  放假: 'holiday',
  休: 'holiday',
  休息: 'holiday',
  上班: 'workday',
  班: 'workday',
  调休上班: 'workday',
};

export interface ParsedEntries {
  days: Entry[];
  /** zh-CN problems, one per bad line, naming the line. */
  errors: string[];
}

/**
 * Admins type a year's announcement as lines such as 「2027-01-01 放假 元旦」 or 「2027-02-06 上班 春节」
 * (the order of the State Council's notice). Blank lines are skipped; every bad line is reported.
 */
export function parseCalendarEntries(text: string, year: number): ParsedEntries {
  const days: Entry[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const where = `第 ${index + 1} 行`;
    const [date = '', word = '', ...rest] = line.split(/[\s,，、]+/);
    const name = rest.join(' ');
    const kind = KIND_WORDS[word];
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
      Number.isNaN(Date.parse(`${date}T00:00:00Z`)) ||
      new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date
    ) {
      errors.push(`${where}：「${date}」不是真实日期，请写成 ${year}-01-01 这样的格式`);
    } else if (!date.startsWith(`${year}-`)) {
      errors.push(`${where}：${date} 不在 ${year} 年内`);
    } else if (!kind) {
      errors.push(`${where}：第二项须为「放假」或「上班」`);
    } else if (!name) {
      errors.push(`${where}：请写上节日名称，如 元旦、春节`);
    } else if (seen.has(date)) {
      errors.push(`${where}：${date} 重复`);
    } else {
      seen.add(date);
      days.push({ date, kind, name });
    }
  });
  return { days, errors };
}

/** The admin entries of a year back as editable lines. */
export function formatCalendarEntries(days: readonly Entry[]): string {
  return days.map((d) => `${d.date} ${d.kind === 'holiday' ? '放假' : '上班'} ${d.name}`).join('\n');
}
