import { decodeText } from '@duban/domain';
import ExcelJS from 'exceljs';
import { DomainError, ValidationError } from '../infra/http/domain-error';
import { cellText } from '../infra/spreadsheet/cells';

/** The directory file's columns (名称 required; 简称 、-separated). */
export const DIRECTORY_COLUMNS = ['名称', '简称', '辖区', '类别', '继任单位'] as const;
type Column = (typeof DIRECTORY_COLUMNS)[number];

export interface DirectorySheetRow {
  line: number;
  cells: Record<Column, string>;
}

/** RFC 4180-style CSV: commas, double quotes, CRLF or LF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

async function tableOf(bytes: Buffer, fileName: string): Promise<string[][]> {
  if (bytes.length === 0) throw new ValidationError('DIRECTORY_EMPTY_FILE', `文件“${fileName}”是空文件。`);
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw new DomainError(
        'DIRECTORY_UNREADABLE',
        `无法读取文件“${fileName}”：不是有效的 .xlsx 工作簿。`,
        415,
      );
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new ValidationError('DIRECTORY_NO_SHEET', `文件“${fileName}”中没有工作表。`);
    const table: string[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= Math.max(row.cellCount, DIRECTORY_COLUMNS.length); c++)
        cells.push(cellText(row.getCell(c).value));
      table.push(cells);
    }
    return table;
  }
  try {
    return parseCsv(decodeText(bytes, fileName).text);
  } catch {
    throw new DomainError(
      'DIRECTORY_NOT_TEXT',
      `文件“${fileName}”既不是 Excel 工作簿（.xlsx），也不是 UTF-8 或 GB18030 编码的 CSV。`,
      415,
    );
  }
}

/** The rows of a directory file (.xlsx or CSV), by header name; empty rows skipped. */
export async function readDirectorySheet(bytes: Buffer, fileName: string): Promise<DirectorySheetRow[]> {
  const table = await tableOf(bytes, fileName);
  const headerAt = table.findIndex((cells) => cells.some((c) => c.replace(/\s+/gu, '') === '名称'));
  if (headerAt < 0 || headerAt > 4) {
    throw new ValidationError(
      'DIRECTORY_MISSING_COLUMNS',
      `名录缺少“名称”列。请使用以下列：${DIRECTORY_COLUMNS.join('、')}（简称用顿号分隔）。`,
      { columns: DIRECTORY_COLUMNS },
    );
  }
  const header = table[headerAt].map((c) => c.replace(/\s+/gu, ''));
  const index = new Map(DIRECTORY_COLUMNS.map((c) => [c, header.indexOf(c)]));
  const rows: DirectorySheetRow[] = [];
  for (let r = headerAt + 1; r < table.length; r++) {
    const cells = Object.fromEntries(
      DIRECTORY_COLUMNS.map((c) => {
        const at = index.get(c) ?? -1;
        return [c, at >= 0 ? (table[r][at] ?? '').trim() : ''];
      }),
    ) as Record<Column, string>;
    if (Object.values(cells).every((v) => v === '')) continue;
    rows.push({ line: r + 1, cells });
  }
  return rows;
}
