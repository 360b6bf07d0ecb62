import { isDepartmentNamePrefix, startsWithDepartmentName } from '../departments/registry';
import type { AnnotationOptions, DepartmentColumn } from './annotation';
import { matchHeading as matchHeadingImported } from './headings';
import { leadPhrase, makeMeasure } from './make-measure';
import type { MeasureContext } from './make-measure';
import { normalizeText } from './text';
import type { PreparedText } from './text';

// Module-local copies of imports used per line, sentence or unit: under tsx every use of an import is a getter call.
const matchHeading = matchHeadingImported;

export interface TableRegion {
  start: number;
  end: number;
  column: DepartmentColumn;
  numbered: boolean;
  /** 任务类别 / 重点工作 / 具体举措 / 年度目标成果 / 牵头部门 / 配合部门 (001-082). */
  sixColumn: boolean;
}

const SIX_COLUMN_HEADER = /^任务类别重点工作具体举措年度目标成果牵头部门配合部门$/;
const LETTER_SPACED = /[\u4e00-\u9fff] [\u4e00-\u9fff] [\u4e00-\u9fff]/;

// 分工表 header: 序号 / 工作任务 / 牵头部门 | 负责部门 | 负责单位 / 时间进度 (序号 may be split over two lines).
const HEADER = /工作任务(牵头部门|负责部门|负责单位)时间进度$/;
const DEADLINE_START = /^(?:\d{4}|持续|分年度|长期|年内|每年)/;
const DEADLINE_DONE = /(?:完成|实施|启动|成果|出台|推进）?|建成|指南|并实施)$/;
const ROW_WITH_TEXT = /^(\d{1,2})\s+(\S.*)$/;

const MEN = '门'.charCodeAt(0);
const DU = '度'.charCodeAt(0);

export function findTableRegions(prepared: PreparedText, from: number, to: number): TableRegion[] {
  const regions: TableRegion[] = [];
  const lastCodes = prepared.lastCodes;
  for (let i = from; i <= to; i++) {
    // Both header forms end in 配合部门 or 时间进度: one cheap check per line (its last char code first, from the
    // compact array; endsWith is a slow builtin) before the regexes.
    const last = lastCodes[i];
    if (last !== MEN && last !== DU) continue;
    const l = prepared.lines[i];
    if (!l || l.kind !== 'text' || !(l.text.endsWith('配合部门') || l.text.endsWith('时间进度'))) continue;
    // A tab-separated header (序号	工作任务	负责部门	时间进度) heads a grid table (grid-tables.ts), its rows on one line.
    if (l.raw.includes('\t')) continue;
    // The header row may be wrapped over a few lines (任务类别重点工作 / 具体举措…配合部门): join them backwards.
    let header = l.text;
    let m: RegExpExecArray | null = null;
    let sixColumn = SIX_COLUMN_HEADER.test(header);
    for (let k = i - 1, n = 0; !sixColumn && !(m = HEADER.exec(header)) && k >= from && n < 5; k--) {
      const p = prepared.lines[k];
      if (!p || p.kind !== 'text') continue;
      header = p.text + header;
      n++;
      sixColumn = SIX_COLUMN_HEADER.test(header);
    }
    if (sixColumn) {
      regions.push({ start: i, end: to, column: 'lead', numbered: false, sixColumn: true });
      break;
    }
    if (!m) continue;
    const column: DepartmentColumn = m[1] === '牵头部门' ? 'lead' : 'responsible';
    let numbered = false;
    for (let k = i + 1; k <= Math.min(to, i + 6); k++) if (prepared.lines[k]?.text === '1') numbered = true;
    regions.push({ start: i, end: to, column, numbered, sixColumn: false });
    break;
  }
  return regions;
}

interface Row {
  number: number;
  line: number;
  task: string;
  dept: string;
  deadline: string;
  phase: 'task' | 'dept' | 'deadline' | 'after';
}

/** A cell fragment that begins a department name the registry knows (collective and local kinds included). */
function isDeptStart(_ctx: MeasureContext, chunk: string): boolean {
  return startsWithDepartmentName(chunk);
}

/** Rows of a 分工表 whose cells were extracted one after another, wrapped and interleaved across page breaks. */
export function extractTableMeasures(
  ctx: MeasureContext,
  prepared: PreparedText,
  table: TableRegion,
  options: AnnotationOptions,
): void {
  if (table.sixColumn) {
    extractWorkPlanRows(ctx, prepared, table, options);
    return;
  }
  const rows: Row[] = [];
  let row: Row | null = null;
  let afterPageBreak = false;
  const open = (number: number, line: number): Row => {
    const r: Row = { number, line, task: '', dept: '', deadline: '', phase: 'task' };
    rows.push(r);
    return r;
  };
  for (let i = table.start + 1; i <= table.end; i++) {
    const l = prepared.lines[i];
    if (!l) continue;
    if (l.kind === 'footer' || l.kind === 'blank' || l.kind === 'url') {
      if (l.kind === 'footer') afterPageBreak = true;
      continue;
    }
    const expected = (row?.number ?? 0) + 1;
    let raw = l.raw.trim();
    if (table.numbered) {
      if (l.kind === 'digits') {
        if (Number(l.text) === expected) row = open(expected, l.no);
        else afterPageBreak = true; // a page number
        continue;
      }
      const m = ROW_WITH_TEXT.exec(raw);
      if (m && Number(m[1]) === expected) {
        row = open(expected, l.no);
        raw = m[2] ?? '';
      }
    } else if (l.kind === 'digits') {
      continue;
    }
    if (l.text === '号' || l.text === '序') continue;
    const pageTop = l.pageStart || afterPageBreak;
    afterPageBreak = false;
    if (!row || (!table.numbered && row.phase === 'after')) row = open(rows.length + 1, l.no);
    const r: Row = row;
    if (r.task === '' && r.phase === 'task') r.line = l.no;
    // Cells on one physical line are separated by spaces; the deadline cell runs to the line end.
    const chunks = raw.split(/\s+/).filter(Boolean);
    const deadlineAt = chunks.findIndex((c) => DEADLINE_START.test(c));
    const before = deadlineAt === -1 ? chunks : chunks.slice(0, deadlineAt);
    const deadline = deadlineAt === -1 ? '' : normalizeText(chunks.slice(deadlineAt).join(' '));
    for (const chunkRaw of before) {
      const chunk = normalizeText(chunkRaw);
      if (r.phase === 'task') {
        // "探索建立政府信息资源目录。 各有关部门": the task ends with 。, the department cell follows.
        if (
          r.task !== '' &&
          isDeptStart(ctx, chunk) &&
          (before.length > 1 || /[。；]$/.test(r.task) || chunk.length <= 12)
        ) {
          r.phase = 'dept';
          r.dept += chunk;
        } else r.task += chunk;
      } else if (r.phase === 'dept') {
        r.dept += chunk;
      } else if (pageTop && !isDeptStart(ctx, chunk)) {
        // Page break: the task cell resumes after the department and deadline cells.
        r.task += chunk;
        r.phase = 'after';
      } else if (r.phase === 'deadline' && !isDeptStart(ctx, chunk) && !DEADLINE_DONE.test(r.deadline)) {
        r.deadline += chunk;
      } else if (isDeptStart(ctx, chunk) || /^[\u4e00-\u9fff]{1,6}(?:政府|部门|参加|参与)$/.test(chunk)) {
        r.dept += chunk;
      } else {
        r.task += chunk;
      }
    }
    if (deadline) {
      if (r.phase === 'deadline' && DEADLINE_DONE.test(r.deadline)) r.deadline += '';
      r.deadline += deadline;
      r.phase = 'deadline';
    }
    if (!table.numbered && r.phase === 'deadline' && DEADLINE_DONE.test(r.deadline)) r.phase = 'after';
  }

  for (const r of rows) {
    if (r.task === '' && r.dept === '') continue;
    const responsibility = ctx.parsers.parseDepartmentCell(r.dept, table.column, options);
    const deadline = r.deadline
      ? ctx.parsers.parseDeadlineCell(r.deadline, { documentYear: ctx.documentYear })
      : null;
    const label = String(r.number);
    ctx.measures.push(
      makeMeasure(ctx, {
        key: `附表/${label}`,
        parentKey: null,
        path: ['附表', label],
        line: r.line,
        origin: 'table',
        text: r.task,
        title: leadPhrase(r.task),
        responsibility,
        deadline,
      }),
    );
  }
}

interface PlanRow {
  path: string[];
  line: number;
  text: string;
  lead: string;
  participants: string;
}

/** More （ than ） in a cell: its bureau bracket is still open (counted by searching, no match array per call). */
function bracketOpen(s: string): boolean {
  let depth = 0;
  for (let at = s.indexOf('（'); at !== -1; at = s.indexOf('（', at + 1)) depth++;
  for (let at = s.indexOf('）'); at !== -1 && depth > 0; at = s.indexOf('）', at + 1)) depth--;
  return depth > 0;
}
const NAME_FRAGMENT = /[^、，）]*$/;
const SPACED_TOKEN = /^[\u4e00-\u9fff（“]$/;

/**
 * One physical line of the six-column table may hold several cells side by side, separated by a space:
 * `（四）持续深化 指导专业机构发布民爆行业“工业互联网+ 工 业 和 信 息` is a 重点工作 heading, row text and the start
 * of a 牵头部门 cell. Returns the heading cells, the text and the trailing department cell (empty when none).
 */
function splitPlanLine(
  raw: string,
  isCellStart: (text: string) => boolean,
): { heads: string[]; text: string; cell: string } {
  const tokens = raw.trim().split(/\s+/);
  const heads: string[] = [];
  while (tokens.length > 1) {
    const first = normalizeText(tokens[0] ?? '');
    const second = normalizeText(tokens[1] ?? '');
    // A space before an ASCII word (推进 5G) is a word space inside one cell, not a gap between cells.
    if (/^[A-Za-z0-9]/.test(second) && !matchHeading(second)) break;
    if (first.length <= 14 && matchHeading(first)) heads.push(first);
    // `（三）高水平 组 48．统筹…`: a letter-spaced heading fragment between two heading cells.
    else if (heads.length > 0 && SPACED_TOKEN.test(first) && matchHeading(second)) heads.push(first);
    else break;
    tokens.shift();
  }
  for (let k = 1; k < tokens.length; k++) {
    if (normalizeText(tokens[k - 1] ?? '').length < 2) continue;
    const tail = normalizeText(tokens.slice(k).join(''));
    if (tail.length <= 16 && isCellStart(tail)) {
      return { heads, text: normalizeText(tokens.slice(0, k).join(' ')), cell: tail };
    }
  }
  return { heads, text: heads.length ? normalizeText(tokens.join(' ')) : '', cell: '' };
}

/**
 * 001-082: heading cells (一、 / （一） / 1．) in narrow columns, then per 具体举措 a run of text lines followed by the
 * 牵头部门 cell (letter-spaced, with bureau qualifiers) and sometimes a 配合部门 cell. 具体举措 and 年度目标成果 cannot be
 * told apart in the text, so they form one measure text. A department cell wrapped mid-name or inside its bureau
 * bracket stays open across interleaved text and heading fragments until a line completes it.
 */
function extractWorkPlanRows(
  ctx: MeasureContext,
  prepared: PreparedText,
  table: TableRegion,
  options: AnnotationOptions,
): void {
  const rows: PlanRow[] = [];
  const path: string[] = [];
  const levels: string[] = [];
  let phase: 'head' | 'text' | 'dept' = 'head';
  let row: PlanRow | null = null;
  let cell: 'lead' | 'participants' = 'lead';

  const deptStart = (t: string) => isDeptStart(ctx, t) || isDepartmentNamePrefix(t);
  const cellOpen = (s: string): boolean => {
    if (s === '') return false;
    if (bracketOpen(s)) return true;
    if (/[、，]$/.test(s)) return true;
    const fragment = NAME_FRAGMENT.exec(s)?.[0] ?? '';
    return (
      fragment.length >= 2 &&
      isDepartmentNamePrefix(fragment) &&
      !ctx.parsers.resolveDepartment(fragment).known
    );
  };
  const continues = (s: string, t: string): boolean => {
    if (t.length > 12 || !cellOpen(s)) return false;
    if (bracketOpen(s)) {
      return t.includes('）') || /^[^。；，]{1,10}[、，]$/.test(t);
    }
    if (/[、，]$/.test(s)) return deptStart(t);
    return deptStart((NAME_FRAGMENT.exec(s)?.[0] ?? '') + t);
  };
  const isOpen = () => row !== null && cellOpen(row[cell]);

  const heading = (t: string): boolean => {
    const h = t.length <= 14 ? matchHeading(t) : null;
    if (!h || h.type === 'numParen') return false;
    let depth = levels.indexOf(h.type);
    if (depth === -1) depth = levels.push(h.type) - 1;
    levels.length = depth + 1;
    path.length = depth;
    path.push(h.label);
    // A row whose department cell is still open keeps collecting it after the heading cell.
    if (!isOpen()) phase = 'head';
    return true;
  };
  const addCell = (t: string) => {
    if (!row) return;
    if (!cellOpen(row[cell])) {
      if (phase !== 'dept') cell = 'lead';
      else if (cell === 'lead') cell = 'participants';
    }
    row[cell] += t;
    phase = 'dept';
  };
  const addText = (t: string, line: number, forced: boolean, spaced: boolean) => {
    if (!forced) {
      if (row && continues(row[cell], t)) {
        row[cell] += t;
        phase = 'dept';
        return;
      }
      if (row && phase === 'dept' && t.length <= 12 && t.startsWith('（')) {
        // The bureau qualifier of a name that ended on the line before: 市 场 监 管 总 / 局 / （标准技术司）、
        row[cell] += t;
        return;
      }
      // Right after a department cell, a line beginning a department name opens the next (配合部门) cell.
      // After a finished row text, a short line that begins a name (工业和信 / 息化部（财务司）) opens the lead cell too.
      const afterRowText =
        phase === 'text' && row !== null && /[。；]$/.test(row.text) && t.length >= 3 && t.length <= 8;
      const deptLike =
        isDeptStart(ctx, t) || ((spaced || phase === 'dept' || afterRowText) && isDepartmentNamePrefix(t));
      if (row && deptLike) {
        addCell(t);
        return;
      }
      if (phase === 'head' && t.length <= 12) return;
    }
    if (row && isOpen()) {
      // Row text interleaved with a department cell that is still being wrapped.
      row.text += t;
      return;
    }
    if (!row || phase !== 'text') {
      row = { path: [...path], line, text: t, lead: '', participants: '' };
      rows.push(row);
    } else row.text += t;
    phase = 'text';
  };

  // The closures above reassign row and phase; read them through functions so the loop is not narrowed to null.
  const current = (): PlanRow | null => row;
  const inDeptCell = (): boolean => phase === 'dept';
  for (let i = table.start + 1; i <= table.end; i++) {
    const l = prepared.lines[i];
    if (!l || l.kind !== 'text') continue;
    const split = splitPlanLine(l.raw, (tail) => {
      const r = current();
      return deptStart(tail) || (r !== null && continues(r[cell], tail));
    });
    if (split.heads.length === 0 && split.cell === '') {
      if (heading(l.text)) continue;
      if (l.pageStart && l.text.length <= 10 && l.text.endsWith('。') && inDeptCell()) continue;
      addText(l.text, l.no, false, LETTER_SPACED.test(l.raw));
      continue;
    }
    for (const h of split.heads) heading(h);
    if (split.text) addText(split.text, l.no, split.cell !== '', false);
    const r = current();
    if (split.cell && r) {
      if (cellOpen(r[cell])) r[cell] += split.cell;
      else addCell(split.cell);
    }
  }
  const counts = new Map<string, number>();
  for (const r of rows) {
    // Fragments of the narrow 重点工作 column that end up without a department cell are not rows.
    if (r.lead === '' && r.participants === '') continue;
    const parent = r.path.join('/');
    const n = (counts.get(parent) ?? 0) + 1;
    counts.set(parent, n);
    const lead = ctx.parsers.parseDepartmentCell(r.lead, 'lead', options);
    const part = r.participants
      ? ctx.parsers.parseDepartmentCell(r.participants, 'participants', options)
      : null;
    const responsibility = lead
      ? {
          ...lead,
          participants: [...lead.participants, ...(part ? [...part.lead, ...part.participants] : [])],
        }
      : null;
    ctx.measures.push(
      makeMeasure(ctx, {
        key: `${parent}#${n}`,
        parentKey: parent || null,
        path: r.path,
        line: r.line,
        origin: 'table',
        text: r.text,
        responsibility,
        deadline: ctx.parsers.findDeadline(r.text, { documentYear: ctx.documentYear, planRow: true }),
      }),
    );
  }
}
