import type { AnnotationOptions } from './annotation';
import { leadPhrase, makeMeasure } from './make-measure';
import type { MeasureContext } from './make-measure';
import { CHAR_SPACE, mayContain, normalizeText } from './text';
import type { PreparedText } from './text';
import type { ParsedDeadline, ParsedResponsibility } from './types';

/**
 * Tables whose cells share a physical line, separated by tabs or runs of spaces, under a header naming their
 * columns: `序号 改革举措 主要内容 指导部门 推广范围`, `工作措施 牵头单位 配合单位 完成时限`,
 * `序号 工作任务 责任单位 进度安排`, with or without 序号. One measure per row.
 */

type ColumnRole =
  'number' | 'task' | 'lead' | 'responsible' | 'participants' | 'deadline' | 'progress' | 'person' | 'other';

const COLUMN_ROLES: readonly (readonly [RegExp, ColumnRole])[] = [
  [/^(?:序号|编号|序)$/u, 'number'],
  [/^(?:牵头(?:单位|部门)|主办(?:单位|部门)?|主责(?:单位|部门))$/u, 'lead'],
  [
    /^(?:责任(?:单位|部门|主体)|负责(?:单位|部门)|承办(?:单位|部门)|指导(?:单位|部门)|实施(?:单位|主体))$/u,
    'responsible',
  ],
  [
    /^(?:配合(?:单位|部门)|协办(?:单位|部门)?|参与(?:单位|部门)|协同(?:单位|部门)|责任主体(?:与|和|及)(?:协同|配合)(?:单位|部门))$/u,
    'participants',
  ],
  [/^(?:完成(?:时限|时间|期限)|时间(?:节点|进度|安排)|进度(?:安排|要求)?|时限(?:要求)?)$/u, 'deadline'],
  [
    /^(?:(?:主要|重点)?工作(?:任务|措施|内容|要求|目标)|改革举措|主要(?:内容|任务|措施)|重点(?:任务|工作)|具体(?:措施|举措|任务|内容)|任务(?:内容|名称)?|事项|举措|内容|(?:全年|年度)?目标任务|(?:工作)?内容与要求|目标要求)$/u,
    'task',
  ],
  // Reported progress (also per period: 1-10月推进情况) is not the measure's text.
  [/^(?:[\d\-—～~至月]{2,8})?(?:进展情况|完成情况|工作进展|推进情况|落实情况|进度情况)$/u, 'progress'],
  // A leader's name (分管领导：徐某) is not a party.
  [/^(?:分管|责任|牵头|包抓|联系)(?:[省市县区])?领导$/u, 'person'],
];

/** A cell that names a unit (城管局, 相关街道), not a person (徐某某) or a figure. */
const UNIT_CELL = /[局委办厅部门府室处心队站院所会组团区县市镇乡道位司行社]$/u;

const HAS_DEPARTMENT_COLUMN = /(?:单位|部门|主办|协办)/u;

interface Grid {
  start: number;
  end: number;
  roles: ColumnRole[];
  tabbed: boolean;
  /** One cell per line (序号 / 改革举措 / 主要内容 / 指导部门 / 推广范围 each on a line of its own), rows led by their number. */
  stacked: boolean;
}

function columnRole(header: string): ColumnRole {
  for (const [pattern, role] of COLUMN_ROLES) if (pattern.test(header)) return role;
  return 'other';
}

function cellsOf(raw: string, tabbed: boolean): string[] {
  const trimmed = raw.trim();
  return (tabbed ? trimmed.split(/\t+/u) : trimmed.split(/[ \u3000]{1,}/u))
    .map((c) => c.trim())
    .filter(Boolean);
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
    if (!l || l.kind !== 'text' || l.text.length > 60) continue;
    const stacked = l.text === '序号' ? findStackedHeader(prepared, i, to, skip) : null;
    if (stacked) {
      grids.push(stacked);
      i = stacked.end;
      continue;
    }
    if (l.text.length < 6 || !mayContain(l, CHAR_SPACE)) continue;
    const tabbed = l.raw.includes('\t');
    // Cells are separated by a tab or a space between CJK words; most lines have neither.
    if (!tabbed && (l.raw.indexOf(' ', 1) === -1 || !/[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff]/u.test(l.raw)))
      continue;
    if (!HAS_DEPARTMENT_COLUMN.test(l.text) || skip(i)) continue;
    const headers = cellsOf(l.raw, tabbed);
    if (headers.length < 3) continue;
    const roles = headers.map((h) => columnRole(normalizeText(h)));
    if (roles.includes('other') && roles.filter((r) => r === 'other').length > 2) continue;
    if (!roles.some((r) => r === 'lead' || r === 'responsible')) continue;
    if (!roles.some((r) => r === 'task')) continue;
    let end = i;
    for (let k = i + 1; k <= to; k++) {
      const row = prepared.lines[k];
      if (!row || row.kind === 'blank' || row.kind === 'footer') continue;
      if (cellsOf(row.raw, tabbed).length < 2) break;
      end = k;
    }
    if (end > i) {
      grids.push({ start: i, end, roles, tabbed, stacked: false });
      i = end;
    }
  }
  return grids;
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
  let expected = 1;
  for (let i = grid.start + grid.roles.length; i <= grid.end; i++) {
    const l = prepared.lines[i];
    if (!l || l.kind === 'blank' || l.kind === 'footer' || l.kind === 'url') continue;
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

interface GridRow {
  line: number;
  cells: string[];
}

/** Fits a row's cells to the columns: a missing 序号 shifts the cells, extra cells (spaces inside text) join the task. */
function fitCells(cells: string[], roles: readonly ColumnRole[]): string[] | null {
  let fitted = [...cells];
  if (roles[0] === 'number' && !/^\d{1,3}[.．、]?$/u.test(fitted[0] ?? '')) fitted = ['', ...fitted];
  const task = roles.indexOf('task');
  while (fitted.length > roles.length && task >= 0) {
    const extra = fitted.splice(task + 1, 1)[0] ?? '';
    fitted[task] = `${fitted[task] ?? ''} ${extra}`;
  }
  if (fitted.length < roles.length) return alignShortRow(fitted, roles, task);
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
  for (let gap = 0; gap <= roles.length - cells.length; gap++) {
    const fitted = [...cells.slice(0, task + 1), ...Array<string>(gap).fill(''), ...cells.slice(task + 1)];
    const holdsUnit = (k: number) => UNIT_CELL.test((fitted[k] ?? '').trim());
    if (!holdsUnit(party) || (person >= 0 && person < party && holdsUnit(person))) continue;
    while (fitted.length < roles.length) fitted.push('');
    return fitted;
  }
  return null;
}

export function extractGridTable(
  ctx: MeasureContext,
  prepared: PreparedText,
  grid: Grid,
  options: AnnotationOptions,
): void {
  const rows: GridRow[] = grid.stacked ? stackedRows(prepared, grid) : [];
  for (let i = grid.start + 1; i <= grid.end && !grid.stacked; i++) {
    const l = prepared.lines[i];
    if (!l || l.kind === 'blank' || l.kind === 'footer') continue;
    const cells = fitCells(cellsOf(l.raw, grid.tabbed), grid.roles);
    if (cells) rows.push({ line: l.no, cells });
    else {
      // A wrapped cell: its text continues the previous row's task.
      const prev = rows[rows.length - 1];
      const task = grid.roles.indexOf('task');
      if (prev && task >= 0) prev.cells[task] = `${prev.cells[task] ?? ''}${l.text}`;
    }
  }
  rows.forEach((row, n) => {
    const get = (role: ColumnRole) =>
      grid.roles.flatMap((r, k) => (r === role ? [normalizeText(row.cells[k] ?? '')] : [])).filter(Boolean);
    const tasks = get('task');
    const text = tasks.join('');
    const number = get('number')[0]?.replace(/[.．、]$/u, '') ?? String(n + 1);
    const responsibility = rowResponsibility(
      ctx,
      get('lead'),
      get('responsible'),
      get('participants'),
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
