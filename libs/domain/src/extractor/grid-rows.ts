/**
 * Fitting one physical row of a grid table to the header's columns: positional tabbed rows (an empty cell kept
 * as its tab), rows missing 序号 or a trailing cell, rows whose party cells are merged with the row above, and
 * rows that only continue the one above. grid-tables.ts reads the rows; this decides which cell is which.
 */
import { PARTY_ROLES, ROW_NUMBER, UNIT_CELL } from './grid-columns';
import type { ColumnRole } from './grid-columns';
import { dropUnnamedNumber, fitMergedLeading } from './grid-merged';

export interface GridRow {
  line: number;
  cells: string[];
}

/**
 * A tabbed row whose tabs are the columns (`4	保障要素供给	盘活存量低效用地	县自然资源局		2023年底`): an empty
 * cell between two tabs is the column left empty, not a cell lost. Null unless the row has exactly the header's
 * columns (trailing empty cells aside), leaves one empty and still holds a unit in its first party column.
 */
export function positionalCells(raw: string, roles: readonly ColumnRole[]): string[] | null {
  if (!raw.includes('\t\t') && !/\t[ \u3000]*$/u.test(raw) && !/^[ \u3000]*\t/u.test(raw)) return null;
  const cells = raw
    .replace(/^[ \u3000]+|[ \u3000\r]+$/gu, '')
    .split('\t')
    .map((c) => c.trim());
  while (cells.length > roles.length && cells[cells.length - 1] === '') cells.pop();
  if (cells.length !== roles.length || !cells.includes('')) return null;
  const party = roles.findIndex((r) => r === 'lead' || r === 'responsible');
  const task = roles.indexOf('task');
  if (party < 0 || task < 0 || !UNIT_CELL.test(cells[party] ?? '') || cells[task] === '') return null;
  return cells;
}

/**
 * A row under a numbered table that carries no number and no unit where the party columns are (项目内容 and
 * 进展情况 only): the merged cells of the numbered row above continue into it.
 */
export function continuesRow(cells: readonly string[], roles: readonly ColumnRole[]): boolean {
  if (roles[0] !== 'number' || cells.length >= roles.length - 1) return false;
  if (ROW_NUMBER.test(cells[0] ?? '')) return false;
  return !cells.some((c) => UNIT_CELL.test(c.trim()));
}

/**
 * The time limit of a continuation row (`开工建设老年大学。	12月底前` under `5	开工建设县老年养护楼。	县民政局	5月底前动工`,
 * its 序号 and 责任单位 cells merged): when the row holds exactly the columns left once the number and party columns are
 * merged, its deadline cell is a later step of the numbered row (LABELLING §5: one measure, the earlier date a
 * milestone); null otherwise (a progress cell of a continuation row is left out).
 */
export function continuedDeadline(cells: readonly string[], roles: readonly ColumnRole[]): string | null {
  const own = roles.filter((r) => r !== 'number' && !PARTY_ROLES.includes(r));
  if (own.length !== cells.length || !own.includes('deadline')) return null;
  const cell = (cells[own.indexOf('deadline')] ?? '').trim();
  return cell === '' ? null : cell;
}

/**
 * A numbered row that leaves its party cells out (the cell is merged with the row above, 责任单位 spanning
 * rows 1–2): the missing cells go in after the task and the party cells come from the row above.
 */
export function inheritMergedParty(
  cells: string[],
  roles: readonly ColumnRole[],
  prev: GridRow | undefined,
): string[] | null {
  const task = roles.indexOf('task');
  const missing = roles.length - cells.length;
  // The row carries more than its number and task (a deadline, progress), else it is a group row.
  if (!prev || roles[0] !== 'number' || task < 0 || missing < 1 || cells.length < 3) return null;
  if (!ROW_NUMBER.test(cells[0] ?? '')) return null;
  const fitted = [...cells.slice(0, task + 1), ...Array<string>(missing).fill(''), ...cells.slice(task + 1)];
  const gaps = roles.flatMap((r, k) => (fitted[k] === '' ? [r] : []));
  if (!gaps.every((r) => PARTY_ROLES.includes(r))) return null;
  if (fitted.some((c, k) => c && PARTY_ROLES.includes(roles[k] ?? 'other') && !UNIT_CELL.test(c)))
    return null;
  return fitted.map((c, k) => (c === '' ? (prev.cells[k] ?? '') : c));
}

/** Fits a row's cells to the columns: a missing 序号 shifts the cells, extra cells (spaces inside text) join the task. */
export function fitCells(cells: string[], roles: readonly ColumnRole[]): string[] | null {
  let fitted = dropUnnamedNumber(cells, roles);
  if (roles[0] === 'number' && !ROW_NUMBER.test(fitted[0] ?? '')) fitted = ['', ...fitted];
  const task = roles.indexOf('task');
  while (fitted.length > roles.length && task >= 0) {
    const extra = fitted.splice(task + 1, 1)[0] ?? '';
    fitted[task] = `${fitted[task] ?? ''} ${extra}`;
  }
  if (fitted.length < roles.length)
    return fitMergedLeading(fitted, roles) ?? alignShortRow(fitted, roles, task);
  return fitted.length === roles.length ? fitted : null;
}

/**
 * A row with fewer cells than the header (an empty trailing cell lost with its tab, a column the row leaves
 * out after its task): empty cells go in after the task until the department column holds a unit and a leader
 * column no unit; the rest pad the end. Null when no such fit exists.
 */
function alignShortRow(cells: string[], roles: readonly ColumnRole[], task: number): string[] | null {
  const party = roles.findIndex((r) => r === 'lead' || r === 'responsible');
  if (party < 0 || task < 0 || task > party) return null;
  const person = roles.indexOf('person');
  const parties = roles.flatMap((r, k) => (PARTY_ROLES.includes(r) ? [k] : []));
  const deadline = roles.indexOf('deadline');
  let first: string[] | null = null;
  for (let gap = 0; gap <= roles.length - cells.length; gap++) {
    const fitted = [...cells.slice(0, task + 1), ...Array<string>(gap).fill(''), ...cells.slice(task + 1)];
    const holdsUnit = (k: number) => UNIT_CELL.test((fitted[k] ?? '').trim());
    if (!holdsUnit(party) || (person >= 0 && person < party && holdsUnit(person))) continue;
    while (fitted.length < roles.length) fitted.push('');
    // The fit that puts a unit in every party column and none in the deadline column wins (a plan row that left
    // several descriptive cells out: `…	202211	商务局	市场监管局`); else the first that gives the lead column a unit.
    if (parties.every(holdsUnit) && !(deadline >= 0 && holdsUnit(deadline))) return fitted;
    first ??= fitted;
  }
  return first;
}
