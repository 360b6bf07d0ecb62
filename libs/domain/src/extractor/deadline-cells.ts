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

/** A cell dated with dots or slashes (`2025.12`, `2025.6.30`, `2025/9`): that month's end, or that day. */
const DOTTED_DATE_CELL = /^[\s\u3000]*(\d{4})[.．/](\d{1,2})(?:[.．/](\d{1,2}))?(?:前|底前|底)?[\s\u3000]*$/u;

export function dottedDateCell(text: string): ParsedDeadline | null {
  const m = DOTTED_DATE_CELL.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (month < 1 || month > 12) return null;
  const end = monthEnd(year, month);
  if (day !== null && (day < 1 || day > Number(end.slice(8)))) return null;
  const deadline = day === null ? end : `${year}-${pad(month)}-${pad(day)}`;
  return { deadline, deadlineText: m[0].trim(), deadlineKind: 'date' };
}
