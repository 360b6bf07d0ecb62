import { INTAKE_COLUMNS, isIsoDate, parseDeadlineCell, type RecurrencePeriodDto } from '@duban/domain';
import type ExcelJS from 'exceljs';
import { cellText, findHeaderRow } from '../infra/spreadsheet/cells';
import { firstWorksheet, workbookKind } from '../infra/spreadsheet/workbook-file';
import {
  intakeEmptyFile,
  intakeMissingColumns,
  intakeNoRows,
  intakeNoSheet,
  intakeNotXlsx,
  intakeTooManyRows,
  intakeUnreadable,
} from './intake.errors';

/** One data row of a 台账 as read, before the departments and kinds are resolved. */
export interface LedgerRow {
  row: number;
  cells: Record<string, string>;
  /** 完成时限 read: a date, an undated duty, or a problem to report. */
  deadline: { date: string | null; recurrence: RecurrencePeriodDto | null } | { problem: string };
  /** 来源日期 read (optional column): a date, none, or a problem to report. */
  sourceDate: { date: string | null } | { problem: string };
}

export const MAX_LEDGER_ROWS = 2_000;

/** The workbook's kind by its first bytes: only .xlsx (a ZIP) is read; others get a message saying what to do. */
export function refuseNonXlsx(bytes: Uint8Array, fileName: string): void {
  const kind = workbookKind(bytes);
  if (kind === 'xlsx') return;
  if (kind === 'empty') throw intakeEmptyFile(fileName);
  throw intakeNotXlsx(fileName, kind === 'xls');
}

const DMY = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/u;

/** 完成时限 as a date cell, a typed date (2027-06-30, 2027/6/30, 2027年6月30日) or a phrase (2027年底前, 每季度). */
export function readDeadline(value: ExcelJS.CellValue, year: number): LedgerRow['deadline'] {
  if (value instanceof Date) {
    // exceljs gives a date cell as UTC midnight of the day shown.
    return { date: value.toISOString().slice(0, 10), recurrence: null };
  }
  if (typeof value === 'number') {
    const date = new Date(Math.round((value - 25569) * 86_400_000)).toISOString().slice(0, 10);
    return { date, recurrence: null };
  }
  const text = cellText(value).trim();
  if (text === '') return { date: null, recurrence: null };
  const typed = DMY.exec(text);
  if (typed) {
    const iso = `${typed[1]}-${typed[2].padStart(2, '0')}-${typed[3].padStart(2, '0')}`;
    return isIsoDate(iso)
      ? { date: iso, recurrence: null }
      : { problem: `日期“${text}”不存在，请检查月份和日期。` };
  }
  const parsed = parseDeadlineCell(text, { documentYear: year });
  if (!parsed) return { problem: `无法识别完成时限“${text}”，请填写日期，如 2027-06-30。` };
  return { date: parsed.deadline, recurrence: parsed.period ?? null };
}

/** 来源日期: a day (a date cell or typed), never a period or a phrase. */
export function readSourceDate(value: ExcelJS.CellValue, year: number): LedgerRow['sourceDate'] {
  const read = readDeadline(value, year);
  if ('problem' in read) return read;
  if (read.recurrence !== null || (read.date === null && cellText(value).trim() !== '')) {
    return { problem: `来源日期“${cellText(value).trim()}”不是日期，请填写如 2026-11-20。` };
  }
  return { date: read.date };
}

/**
 * Reads the first sheet: a header row naming the template's columns (found by name, in any order, within
 * the first 5 rows), then one 台账 row per line; blank lines are skipped.
 */
export async function readLedger(bytes: Uint8Array, fileName: string, year: number): Promise<LedgerRow[]> {
  refuseNonXlsx(bytes, fileName);
  const sheet = await firstWorksheet(bytes, {
    unreadable: () => intakeUnreadable(fileName),
    noSheet: () => intakeNoSheet(fileName),
  });
  const { row: headerRow, columns } = findHeaderRow(sheet, INTAKE_COLUMNS, '任务内容');
  const missing = INTAKE_COLUMNS.filter(
    (c) => !columns.has(c) && c !== '序号' && c !== '备注' && c !== '来源日期',
  );
  if (headerRow === 0 || missing.length > 0) {
    throw intakeMissingColumns(headerRow === 0 ? INTAKE_COLUMNS : missing, missing);
  }
  const rows: LedgerRow[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: Record<string, string> = {};
    for (const [name, col] of columns) cells[name] = cellText(row.getCell(col).value).trim();
    if (Object.values(cells).every((v) => v === '')) continue;
    const sourceDateColumn = columns.get('来源日期');
    rows.push({
      row: r,
      cells,
      deadline: readDeadline(row.getCell(columns.get('完成时限')!).value, year),
      sourceDate: sourceDateColumn
        ? readSourceDate(row.getCell(sourceDateColumn).value, year)
        : { date: null },
    });
    if (rows.length > MAX_LEDGER_ROWS) {
      throw intakeTooManyRows(MAX_LEDGER_ROWS);
    }
  }
  if (rows.length === 0) throw intakeNoRows();
  return rows;
}
