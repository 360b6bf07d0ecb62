import { columnRole, isGroupRow, isTaskColumn, PARTY_ROLES, UNIT_CELL } from './grid-columns';
import type { ColumnRole } from './grid-columns';
import type { PreparedText } from './text';

/**
 * A table printed one cell per line with no 序号 column (工作任务 / 责任单位 / 完成时限, then each row's cells on
 * lines of their own). Without row numbers the rows are counted off by the header's width, and every row must
 * hold a unit where the party columns are: the table ends at the first row that does not (the text below is
 * left to the other readers). Group rows (一、教育) and a repeated header between rows are skipped.
 */

export interface CountedRow {
  line: number;
  cells: string[];
}

export interface CountedTable {
  start: number;
  end: number;
  roles: ColumnRole[];
  rows: CountedRow[];
}

/** Header cells shorter than this are column names (牵头单位, 计划完成时间). */
const MAX_HEADER_CELL = 8;

export function findCountedTable(
  prepared: PreparedText,
  start: number,
  to: number,
  skip: (i: number) => boolean,
): CountedTable | null {
  // A header opens on its task column (roles[0] below): a short line of any other role opens none, and this runs for
  // every short line of a document, so it is told without building the header's arrays.
  const first = prepared.lines[start];
  if (!first || first.kind !== 'text' || first.text.length > MAX_HEADER_CELL) return null;
  if (!isTaskColumn(first.text)) return null;
  const roles: ColumnRole[] = [];
  const names: string[] = [];
  let k = start;
  for (; k <= to && roles.length < 8; k++) {
    const l = prepared.lines[k];
    if (!l || l.kind !== 'text' || l.text.length > MAX_HEADER_CELL || skip(k)) break;
    const role = columnRole(l.text);
    if (role === 'other' || role === 'number') break;
    roles.push(role);
    names.push(l.text);
  }
  // Most short lines open no header: no party list is built for them.
  if (roles.length < 3 || roles[0] !== 'task') return null;
  const parties = roles.flatMap((r, n) => (PARTY_ROLES.includes(r) ? [n] : []));
  if (parties.length === 0) return null;
  const rows: CountedRow[] = [];
  let end = k - 1;
  let i = k;
  while (i <= to) {
    const cells: { no: number; text: string }[] = [];
    let j = i;
    for (; j <= to && cells.length < roles.length; j++) {
      const l = prepared.lines[j];
      if (!l || l.kind === 'blank' || l.kind === 'footer' || l.kind === 'url') continue;
      if (l.kind !== 'text' && l.kind !== 'digits') break;
      if (cells.length === 0 && (isGroupRow(l.text) || l.text === names[0])) {
        // A group row, or the header printed again: its cells are no row.
        if (l.text === names[0]) j += roles.length - 1;
        i = j + 1;
        continue;
      }
      cells.push({ no: l.no, text: l.text });
    }
    const holdsUnits = parties.every((p) =>
      UNIT_CELL.test((cells[p]?.text ?? '').replace(/[。；，、]+$/u, '')),
    );
    if (cells.length < roles.length || !holdsUnits) break;
    rows.push({ line: cells[0]?.no ?? 0, cells: cells.map((c) => c.text) });
    end = j - 1;
    i = j;
  }
  return rows.length > 0 ? { start, end, roles, rows } : null;
}
