import { ROW_NUMBER, UNIT_CELL } from './grid-columns';
import type { ColumnRole } from './grid-columns';

/**
 * Rows of a table whose leading columns stand before its 序号 and span several rows (`考核项目	序号	考核指标	考核内容
 * 单位	年度目标	责任部门	评分部门`: 农业高质高效 and 确保粮食…供给 printed once, on the first row of their group). A row
 * that starts on its number and has fewer cells than the header lost those merged cells: its cells fill the columns
 * after the number from the right, the party columns always standing at the end. Content pushed into a figures
 * column that way (a row that also leaves out its content cell, `10	建设美丽牧场	0	县农业农村局	市农业农村局`) moves
 * back into the nearest empty content column before it.
 */

/** A figures cell (单位 %, 万亩, 万元/人; targets ≥2%, 0.07, -): short. */
const MAX_FIGURE_CELL = 4;

export function fitMergedLeading(cells: readonly string[], roles: readonly ColumnRole[]): string[] | null {
  const number = roles.indexOf('number');
  if (number <= 0 || cells.length >= roles.length || !ROW_NUMBER.test(cells[0] ?? '')) return null;
  const rest = cells.slice(1);
  const width = roles.length - number - 1;
  if (rest.length < 2 || rest.length > width) return null;
  const fitted = [
    ...Array<string>(number).fill(''),
    cells[0] ?? '',
    ...Array<string>(width - rest.length).fill(''),
    ...rest,
  ];
  const party = roles.findIndex((r) => r === 'lead' || r === 'responsible');
  if (party <= number || !UNIT_CELL.test((fitted[party] ?? '').trim())) return null;
  for (let k = number + 1; k < party; k++) {
    const cell = fitted[k] ?? '';
    if (roles[k] === 'task' || cell.length <= MAX_FIGURE_CELL) continue;
    let to = k - 1;
    while (to > number && !(roles[to] === 'task' && fitted[to] === '')) to--;
    if (to <= number) continue;
    fitted[to] = cell;
    fitted[k] = '';
  }
  return fitted;
}

/**
 * A header that names no 序号 column over rows that carry one (`工作任务	具体要求	责任科室	时限要求` over
 * `强化…公开	1	对…清理。	办公室	年底前`): the number is no cell of the header's columns and is left out — after
 * the first cell when the row is one cell longer than the header, or first when the row's task cell is merged with
 * the row above (`4	规范做好…	办公室	持续推进`; a task cell is never a bare number).
 */
export function dropUnnamedNumber(cells: readonly string[], roles: readonly ColumnRole[]): string[] {
  if (roles.includes('number')) return [...cells];
  const bare = (k: number) => /^\d{1,3}$/u.test(cells[k] ?? '');
  if (cells.length === roles.length + 1 && bare(1)) return [cells[0] ?? '', ...cells.slice(2)];
  if (roles[0] === 'task' && cells.length <= roles.length && bare(0)) return cells.slice(1);
  return [...cells];
}
