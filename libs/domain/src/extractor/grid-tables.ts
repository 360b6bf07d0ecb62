import type { AnnotationOptions } from './annotation';
import { LIMITS } from './thresholds';
import { leadPhrase, makeMeasure } from './make-measure';
import type { MeasureContext } from './make-measure';
import { CHAR_SPACE, mayContain, normalizeText } from './text';
import type { Line, PreparedText } from './text';
import type { ParsedDeadline, ParsedResponsibility } from './types';
import {
  cellsOfRole,
  columnRole,
  HAS_DEPARTMENT_COLUMN,
  isGroupRow,
  nameContentColumn,
  PARTY_ROLES,
  spilledPartner,
  UNIT_CELL,
} from './grid-columns';
import type { ColumnRole } from './grid-columns';
import { continuedDeadline, continuesRow, fitCells, inheritMergedParty, positionalCells } from './grid-rows';
import type { GridRow } from './grid-rows';
import { findFlattenedTables } from './grid-flattened';
import { findCountedTable } from './grid-stacked';
import type { CountedTable } from './grid-stacked';

// Local copies of the text.ts imports in the per-line class test: under tsx every use of an import is a getter
// call.
const lineMayContain = mayContain;
const SPACE_CLASS = CHAR_SPACE;
// The header limits read per line of every body (module-local: under tsx every use of an import is a getter call).
const MAX_HEADER_CHARS = LIMITS.maxGridHeaderChars;
const MAX_TABBED_HEADER_CHARS = LIMITS.maxTabbedHeaderChars;

/**
 * Tables whose cells share a physical line, separated by tabs or runs of spaces, under a header naming their
 * columns: `序号 改革举措 主要内容 指导部门 推广范围`, `工作措施 牵头单位 配合单位 完成时限`,
 * `序号 工作任务 责任单位 进度安排`, with or without 序号. One measure per row.
 */

interface Grid {
  start: number;
  end: number;
  roles: ColumnRole[];
  tabbed: boolean;
  /** Columns set apart by two or more spaces (a letter-spaced header, 任 务 名 称  牵 头 部 门). */
  wide?: boolean;
  /** One cell per line (序号 / 改革举措 / 主要内容 / 指导部门 / 推广范围 each on a line of its own), rows led by their number. */
  stacked: boolean;
  /** Rows already read (a one-cell-per-line table without 序号, grid-stacked.ts). */
  rows?: GridRow[];
}

const TAB_RUN = /\t+/u;
const WIDE_GAP = /[ \u3000]{2,}|\t+/u;
const SPACE_RUN = /[ \u3000]{1,}/u;
/** Two CJK words set apart by spaces: a row of space-separated cells (tested per spaced line, so compiled once). */
const SPACED_WORDS = /[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff]/u;

/** The trimmed non-empty cells of a row (asked for every row a header is followed by: one array, no map/filter copies). */
function cellsOf(raw: string, tabbed: boolean, wide = false): string[] {
  const cells: string[] = [];
  for (const piece of raw.trim().split(tabbed ? TAB_RUN : wide ? WIDE_GAP : SPACE_RUN)) {
    const cell = piece.trim();
    if (cell !== '') cells.push(cell);
  }
  return cells;
}

/** Every cell the same once normalised (a merged cell printed once per column); a loop, no Set of the cells. */
function sameCells(cells: readonly string[]): boolean {
  const first = normalizeText(cells[0] ?? '');
  for (let k = 1; k < cells.length; k++) if (normalizeText(cells[k] ?? '') !== first) return false;
  return true;
}

/** Header lines: at least three separated cells, one a department column, every cell a known column name. */
export function findGridTables(
  prepared: PreparedText,
  from: number,
  to: number,
  skip: (i: number) => boolean,
): Grid[] {
  const grids: Grid[] = [];
  for (let i = from; i <= to; i++) {
    const l = prepared.lines[i];
    if (!l || l.kind !== 'text' || l.text.length > MAX_TABBED_HEADER_CHARS) continue;
    // A longer header is tabbed: the line's classes say first whether it holds any space at all.
    if (l.text.length > MAX_HEADER_CHARS && (!lineMayContain(l, SPACE_CLASS) || !l.raw.includes('\t')))
      continue;
    const stacked =
      l.text === '序号'
        ? findStackedHeader(prepared, i, to, skip)
        : l.text.length <= 8
          ? countedGrid(findCountedTable(prepared, i, to, skip))
          : null;
    if (stacked) {
      grids.push(stacked);
      i = stacked.end;
      continue;
    }
    if (l.text.length < 6 || !lineMayContain(l, SPACE_CLASS)) continue;
    const tabbed = l.raw.includes('\t');
    // Cells are separated by a tab or a space between CJK words; most lines have neither.
    if (!tabbed && (l.raw.indexOf(' ', 1) === -1 || !SPACED_WORDS.test(l.raw))) continue;
    if (!HAS_DEPARTMENT_COLUMN.test(l.text) || skip(i)) continue;
    // A letter-spaced header (任 务 名 称  牵 头 部 门) splits into single characters on single spaces.
    const narrow = cellsOf(l.raw, tabbed);
    const wide = !tabbed && narrow.filter((c) => c.length === 1).length >= 2;
    const headers = wide ? cellsOf(l.raw, false, true) : narrow;
    const roles = headers.map((h) => columnRole(normalizeText(h)));
    // `责任单位	相关单位`: beside another party column the related units take part; alone (`相关部门	职责分工`) they hold it.
    headers.forEach((h, c) => {
      const other = roles.some((r, k) => k !== c && (r === 'lead' || r === 'responsible'));
      if (other && /^相关(?:单位|部门)$/u.test(normalizeText(h))) roles[c] = 'participants';
      // `进展情况	存在问题	下一步打算`: the problems met, reported after the progress, are no part of the task.
      const reported = roles.indexOf('progress');
      if (reported >= 0 && c > reported && roles[c] === 'task' && /问题/u.test(h)) roles[c] = 'progress';
    });
    // Two named columns are a table only when tabs separate them (工作任务	责任单位).
    if (headers.length < (tabbed && !roles.includes('other') ? 2 : 3)) continue;
    // Figures and remarks columns (总投资, 年度投资, 备注) may stand beside the named ones, not outnumber them — except in
    // a tabbed plan that numbers its rows and names its task, lead and partner columns (an inspection plan's 抽查事项,
    // 抽查比例, 检查方式 … columns).
    const unnamed = roles.filter((r) => r === 'other').length;
    if (unnamed > 2 && unnamed >= roles.length - unnamed && !namesEveryRole(roles, tabbed)) continue;
    if (!roles.some((r) => r === 'lead' || r === 'responsible')) continue;
    if (!roles.some((r) => r === 'task') && !nameContentColumn(roles)) continue;
    let end = i;
    for (let k = i + 1; k <= to; k++) {
      const row = prepared.lines[k];
      if (!row || row.kind === 'blank' || row.kind === 'footer') continue;
      const rowCells = cellsOf(row.raw, tabbed, wide);
      // A merged cell spanning the row, printed once per column (`相关依据	相关依据`, `案   例	案 例`), opens the
      // page's next section: the table ends above it. A group row so printed (`一、教育	一、教育`) is read as one cell.
      const spanning = rowCells.length >= 2 && sameCells(rowCells);
      if (spanning && !isGroupRow(normalizeText(rowCells[0] ?? ''))) break;
      if (rowCells.length < 2 || spanning) {
        // A group row spanning the table (一、教育) or, between tabbed rows, a cell wrapped onto a line of its
        // own stays inside the table when a row (not another table's header) follows; a wrapped list
        // (…县城管局、) may also end it.
        // Several group rows may stand in a row (四、… then 五、…): look past them for the next row.
        let n = k + 1;
        while (n <= to && isGroupLine(prepared.lines[n], tabbed, wide)) n++;
        const next = cellsOf(prepared.lines[n]?.raw ?? '', tabbed, wide);
        const rowFollows = next.length >= 2 && next.some((c) => columnRole(normalizeText(c)) === 'other');
        if (rowFollows && (isGroupRow(row.text) || tabbed)) continue;
        if (tabbed && /[、，,]$/u.test(prepared.lines[end]?.raw.trim() ?? '')) end = k;
        break;
      }
      end = k;
    }
    if (end > i) {
      grids.push({ start: i, end, roles, tabbed, wide, stacked: false });
      i = end;
    }
  }
  // Tables flattened into running lines, where no other table stands (their header is inside a longer line).
  const inGrid = (k: number): boolean => skip(k) || grids.some((g) => k >= g.start && k <= g.end);
  const flattened = findFlattenedTables(prepared, from, to, inGrid);
  if (flattened.length === 0) return grids;
  for (const t of flattened) grids.push({ ...t, tabbed: false, stacked: true });
  return grids.sort((a, b) => a.start - b.start);
}

/** A tabbed header with its 序号, task, lead and partner columns: its unnamed columns describe the rows. */
function namesEveryRole(roles: readonly ColumnRole[], tabbed: boolean): boolean {
  return (
    tabbed &&
    roles[0] === 'number' &&
    roles.includes('task') &&
    roles.includes('lead') &&
    roles.includes('participants')
  );
}

function countedGrid(table: CountedTable | null): Grid | null {
  return (
    table && {
      start: table.start,
      end: table.end,
      roles: table.roles,
      tabbed: false,
      stacked: true,
      rows: table.rows,
    }
  );
}

/** A header written one column name per line, starting at `i` with 序号, followed by numbered rows. */
function findStackedHeader(
  prepared: PreparedText,
  i: number,
  to: number,
  skip: (i: number) => boolean,
): Grid | null {
  if (prepared.lines[i]?.text !== '序号' || skip(i)) return null;
  const roles: ColumnRole[] = ['number'];
  let k = i + 1;
  for (; k <= to && roles.length < 8; k++) {
    const l = prepared.lines[k];
    if (!l || l.kind !== 'text') break;
    const role = columnRole(l.text);
    if (
      role === 'other' &&
      (l.text.length > 6 ||
        !/^(?:推广范围|备注|适用范围|范围|类别|分类|领域|责任领导|牵头领导|分管领导|联系领导|责任人|牵头市领导|牵头区领导|牵头县领导)$/u.test(
          l.text,
        ))
    )
      break;
    roles.push(role);
  }
  if (roles.length < 3 || !roles.some((r) => r === 'lead' || r === 'responsible') || !roles.includes('task'))
    return null;
  return { start: i, end: Math.max(k - 1, to), roles, tabbed: false, stacked: true };
}

/** Rows of a stacked table: each starts at a line holding the next row number; its cell lines follow. */
function stackedRows(prepared: PreparedText, grid: Grid): GridRow[] {
  const rows: GridRow[] = [];
  const width = grid.roles.length - 1;
  let current: { line: number; number: string; lines: string[] } | null = null;
  const flush = () => {
    if (!current) return;
    // Headings between rows (一、知识产权保护方面) are not cells.
    let lines = current.lines;
    if (lines.length > width) lines = lines.filter((t) => !/^[一二三四五六七八九十]{1,3}、/u.test(t));
    if (lines.length >= width) {
      // The first and the last columns are short cells; extra lines belong to the longest (content) column.
      const task = grid.roles.lastIndexOf('task') - 1;
      const tail = width - 1 - task;
      const cells = [
        ...lines.slice(0, task),
        lines.slice(task, lines.length - tail).join(''),
        ...lines.slice(lines.length - tail),
      ];
      rows.push({ line: current.line, cells: [current.number, ...cells] });
    }
    current = null;
  };
  const headerTexts = grid.roles.map((_, k) => prepared.lines[grid.start + k]?.text ?? '');
  let expected = 1;
  for (let i = grid.start + grid.roles.length; i <= grid.end; i++) {
    const l = prepared.lines[i];
    if (!l || l.kind === 'blank' || l.kind === 'footer' || l.kind === 'url') continue;
    // The header printed again (a page break in the source) is not a cell.
    if (l.text === headerTexts[0] && prepared.lines[i + 1]?.text === headerTexts[1]) {
      i += headerTexts.length - 1;
      continue;
    }
    const n = l.kind === 'digits' ? Number(l.text) : NaN;
    // Rows may be left out of an excerpt (本文有删减): a later number starts a row once this one is complete.
    const next =
      n === expected || (n > expected && n <= expected + 20 && (current?.lines.length ?? 0) >= width);
    if (next) {
      expected = n;
      flush();
      current = { line: prepared.lines[i + 1]?.no ?? l.no, number: l.text, lines: [] };
      expected++;
      continue;
    }
    if (current) current.lines.push(l.text);
    if (current && current.lines.length > width * 4) flush();
  }
  flush();
  return rows;
}

/** A group row printed in the table's columns: a numeral in the 序号 cell and a short category (一	教育). */
/** A blank line or a one-cell group row (一、教育) between the rows of a table. */
function isGroupLine(line: Line | undefined, tabbed: boolean, wide: boolean): boolean {
  if (!line) return false;
  if (line.kind === 'blank') return true;
  return cellsOf(line.raw, tabbed, wide).length < 2 && isGroupRow(line.text);
}

function isNumberedGroupRow(cells: readonly string[], roles: readonly ColumnRole[]): boolean {
  return (
    cells.length === 2 &&
    roles.length > 3 &&
    /^[一二三四五六七八九十]{1,3}[、.．]?$/u.test(cells[0] ?? '') &&
    (cells[1] ?? '').length <= 12 &&
    !/[，。；、]/u.test(cells[1] ?? '')
  );
}

/** A party list wrapped onto a line of its own (县城管局、 / 县住建局) continues the row's last party cell. */
function appendWrappedParty(row: GridRow, roles: readonly ColumnRole[], text: string): boolean {
  if (text.length > 30 || !UNIT_CELL.test(text)) return false;
  for (let k = roles.length - 1; k >= 0; k--) {
    const cell = row.cells[k]?.trim() ?? '';
    if (!PARTY_ROLES.includes(roles[k] ?? 'other') || !cell) continue;
    if (!/[、，,]$/u.test(cell)) return false;
    row.cells[k] = `${cell}${text}`;
    return true;
  }
  return false;
}

export function extractGridTable(
  ctx: MeasureContext,
  prepared: PreparedText,
  grid: Grid,
  options: AnnotationOptions,
): void {
  const rows: GridRow[] = grid.rows ?? (grid.stacked ? stackedRows(prepared, grid) : []);
  for (let i = grid.start + 1; i <= grid.end && !grid.stacked; i++) {
    const l = prepared.lines[i];
    if (!l || l.kind === 'blank' || l.kind === 'footer') continue;
    const raw = cellsOf(l.raw, grid.tabbed, grid.wide);
    if ((raw.length < 2 && isGroupRow(l.text)) || isNumberedGroupRow(raw, grid.roles)) continue;
    // The header printed again (a page break in the source) is not a row.
    if (raw.length >= 3 && raw.every((c) => columnRole(normalizeText(c)) !== 'other')) continue;
    const prevRow = rows[rows.length - 1];
    const positional = grid.tabbed ? positionalCells(l.raw, grid.roles) : null;
    const cells =
      positional ??
      (continuesRow(raw, grid.roles)
        ? null
        : (fitCells(raw, grid.roles) ?? inheritMergedParty(raw, grid.roles, prevRow)));
    if (cells) rows.push({ line: l.no, cells });
    else if (raw.length === 1 && prevRow && appendWrappedParty(prevRow, grid.roles, l.text)) continue;
    else {
      // A wrapped cell or a continuation row (merged 序号 and party cells): its content continues the
      // previous row's task; a continuation row's progress cells are left out.
      const prev = rows[rows.length - 1];
      const task = grid.roles.indexOf('task');
      const more = raw.length > 1 && continuesRow(raw, grid.roles) ? (raw[0] ?? '') : l.raw;
      if (prev && task >= 0) prev.cells[task] = `${prev.cells[task] ?? ''}${normalizeText(more)}`;
      const later = more !== l.raw ? continuedDeadline(raw, grid.roles) : null;
      const due = grid.roles.indexOf('deadline');
      if (prev && later && due >= 0)
        prev.cells[due] = prev.cells[due] ? `${prev.cells[due]}，${later}` : later;
    }
  }
  rows.forEach((row, n) => {
    const get = (role: ColumnRole) => cellsOfRole(grid.roles, row.cells, role);
    const tasks = get('task');
    const text = tasks.join('');
    const number = get('number')[0]?.replace(/[.．、]$/u, '') ?? String(n + 1);
    const spilled = spilledPartner(grid.roles, row.cells);
    const responsibility = rowResponsibility(
      ctx,
      get('lead'),
      get('responsible'),
      spilled ? [...get('participants'), spilled] : get('participants'),
      options,
    );
    const deadlineCell = get('deadline').join('，');
    const year = { documentYear: ctx.documentYear };
    const deadline: ParsedDeadline | null = deadlineCell
      ? ctx.parsers.parseDeadlineCell(deadlineCell, year)
      : ctx.parsers.findDeadline(text, year);
    ctx.measures.push(
      makeMeasure(ctx, {
        key: `附表/${number}`,
        parentKey: null,
        path: ['附表', number],
        line: row.line,
        origin: 'table',
        text,
        title: leadPhrase(tasks[0] ?? text),
        responsibility,
        deadline,
      }),
    );
  });
}

function rowResponsibility(
  ctx: MeasureContext,
  lead: string[],
  responsible: string[],
  participants: string[],
  options: AnnotationOptions,
): ParsedResponsibility | null {
  const parse = (cells: string[], column: 'lead' | 'participants' | 'responsible') =>
    cells.length ? ctx.parsers.parseDepartmentCell(cells.join('、'), column, options) : null;
  const leads = parse(lead, 'lead');
  const resp = parse(responsible, 'responsible');
  const parts = parse(participants, 'participants');
  const base = leads ?? resp;
  if (!base) return null;
  const extra = [
    ...(leads && resp ? [...resp.lead, ...resp.participants] : []),
    ...(parts ? [...parts.lead, ...parts.participants] : []),
  ];
  const all = [...base.participants, ...extra].filter((p) => !base.lead.includes(p));
  return { ...base, participants: [...new Set(all)], joint: base.joint && all.length === 0 };
}
