import ExcelJS from 'exceljs';
import type { DomainError } from '../http/domain-error';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * An uploaded workbook's kind by its first bytes: only .xlsx (a ZIP) is read; an old .xls (OLE) or anything
 * else gets a message saying what to do, worded by the caller.
 */
export function workbookKind(bytes: Uint8Array): 'empty' | 'xlsx' | 'xls' | 'other' {
  if (bytes.length === 0) return 'empty';
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 4).equals(ZIP)) return 'xlsx';
  return head.equals(OLE) ? 'xls' : 'other';
}

/** The first worksheet of an .xlsx; each sheet upload words its own errors (codes and zh-CN messages). */
export async function firstWorksheet(
  bytes: Uint8Array,
  errors: { unreadable: () => DomainError; noSheet: () => DomainError },
): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw errors.unreadable();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw errors.noSheet();
  return sheet;
}
