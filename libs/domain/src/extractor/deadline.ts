import type { ParsedDeadline } from './types';

export interface DeadlineOptions {
  /** Year of the document (from its date or 文号), used for 年内 / 年底前 without a year. */
  documentYear: number | null;
}

/** Finds the first deadline stated in a measure's text (not durations, not baselines). */
export function findDeadline(_text: string, _options: DeadlineOptions): ParsedDeadline | null {
  return null; // stub: replaced by the deadline parser
}

/** Parses a table 时间进度 cell or a 时间节点： field. */
export function parseDeadlineCell(_cell: string, _options: DeadlineOptions): ParsedDeadline | null {
  return null; // stub
}
