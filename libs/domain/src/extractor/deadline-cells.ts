// Deadline cells of local task tables that only a cell (or a 完成时限： field) uses: a span of years and dotted dates.
import { monthEnd, pad } from './deadline-months';
import type { ParsedDeadline } from './types';

/**
 * A cell that holds only a span of years (`2025—2027年`, `2025年至2027年底`): in a 完成时限 cell the span is the task's
 * window, so it ends on the last day of its last year (in running text such a span is a plan period, not a deadline).
 */
const YEAR_WINDOW_CELL =
  /^[\s\u3000]*(\d{4})[\s\u3000]*年?[\s\u3000]*[-—–~～－至到][\s\u3000]*(\d{4})[\s\u3000]*年(?:[底末])?(?:前)?[\s\u3000]*$/u;

export function yearWindowCell(text: string): ParsedDeadline | null {
  const m = YEAR_WINDOW_CELL.exec(text);
  const from = Number(m?.[1]);
  const to = Number(m?.[2]);
  if (!m || !(to > from)) return null;
  return { deadline: `${to}-12-31`, deadlineText: m[0].trim(), deadlineKind: 'date' };
}

/**
 * A cell dated with dots or slashes (`2025.12`, `2025.6.30`, `2025/9`): that month's end, or that day. A year and
 * month run together (`202211`, `20229`: the 年/月 lost on a stored page) is read only as a whole cell.
 */
const DOTTED_DATE_CELL =
  /^[\s\u3000]*(\d{4})(?:[.．/](\d{1,2})(?:[.．/](\d{1,2}))?|(\d{1,2}))(?:前|底前|底)?[\s\u3000]*$/u;

export function dottedDateCell(text: string): ParsedDeadline | null {
  const m = DOTTED_DATE_CELL.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2] ?? m[4]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (month < 1 || month > 12) return null;
  const end = monthEnd(year, month);
  if (day !== null && (day < 1 || day > Number(end.slice(8)))) return null;
  const deadline = day === null ? end : `${year}-${pad(month)}-${pad(day)}`;
  return { deadline, deadlineText: m[0].trim(), deadlineKind: 'date' };
}

/**
 * A cell that holds only a month of the document year (`10月`, `12月份`, `10月上旬`, `9月中旬前`): in a 完成时限 cell
 * the month is when the task is due, so it ends that month (or that ten-day part of it). In running text a bare
 * month says when something happens, not a deadline, so only cells read it. A window of months (`1月—12月`, `3-12月`,
 * a yearly inspection plan's 计划开展时间) ends with its last month; one running into the next year (`11月—3月`) gives none.
 * A month run into the completion or start of the work (`9月投入使用`, `10月完工`, `12月底完成`, `5月动工`) is that
 * month's end too: the cell is the time limit, the verb only says what is due then (an event, `9月召开推进会`, is not).
 */
const MONTH_CELL =
  /^[\s\u3000]*(?:(\d{1,2})(?:月份?)?[\s\u3000]*[-—–~～－至到][\s\u3000]*)?(\d{1,2})月(?:份)?(上旬|中旬|下旬|底|末)?(?:前|以前|内)?(?:(?:全面|基本|全部)?(?:完成|完工|竣工|建成|投入使用|交付使用|投用|投产|开工|动工|启用|通车|到位))?[\s\u3000]*$/u;

export function monthCell(text: string, documentYear: number | null | undefined): ParsedDeadline | null {
  const m = MONTH_CELL.exec(text);
  if (!m || !documentYear) return null;
  const month = Number(m[2] ?? m[4]);
  // `11月—3月` runs into the next year: its end is not in the document year.
  if (month < 1 || month > 12 || (m[1] !== undefined && Number(m[1]) > month)) return null;
  const part = m[3];
  const deadline =
    part === '上旬'
      ? `${documentYear}-${pad(month)}-10`
      : part === '中旬'
        ? `${documentYear}-${pad(month)}-20`
        : monthEnd(documentYear, month);
  return { deadline, deadlineText: m[0].trim(), deadlineKind: 'date' };
}
