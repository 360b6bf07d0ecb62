import type ExcelJS from 'exceljs';

/**
 * What a person sees in a cell, as text: rich text joined, a formula's result, a hyperlink's text (or its
 * address without `mailto:`), a date cell as YYYY-MM-DD (exceljs gives it as UTC midnight of the day shown).
 * One reading for every sheet people upload (台账, accounts, the department directory).
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('hyperlink' in value && typeof value.hyperlink === 'string')
      return value.hyperlink.replace(/^mailto:/iu, '');
    if ('result' in value) return cellText(value.result);
    return '';
  }
  return String(value);
}

/**
 * The header row of a template-shaped sheet: the first of its first five rows that names `anchor`, with the
 * column of each known name found there (blanks inside a name ignored). Row 0 and no columns when none does.
 */
export function findHeaderRow(
  sheet: ExcelJS.Worksheet,
  known: readonly string[],
  anchor: string,
): { row: number; columns: Map<string, number> } {
  for (let r = 1; r <= Math.min(5, sheet.rowCount); r++) {
    const found = new Map<string, number>();
    sheet.getRow(r).eachCell((cell, col) => {
      const name = cellText(cell.value).replace(/\s+/gu, '');
      if (known.includes(name)) found.set(name, col);
    });
    if (found.has(anchor)) return { row: r, columns: found };
  }
  return { row: 0, columns: new Map() };
}
