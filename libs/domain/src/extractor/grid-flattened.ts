import type { ColumnRole } from './grid-columns';
import { UNIT_CELL } from './grid-columns';
import type { GridRow } from './grid-rows';
import { matchHeading } from './headings';
import { CHAR_SPACE as CHAR_SPACE_IMPORTED, mayContain as mayContainImported, normalizeText } from './text';
import type { PreparedText } from './text';
import { LIMITS } from './thresholds';

/**
 * A table whose cells a web copy flattened into running lines (a forum's or a PDF's text layer): the header survives
 * only inside a line (`… 整改要求 责任部门 完成时限 …`), and every row ends on a line closing with its party and date
 * cells set apart by spaces (`… 市、区爱卫办 2014年8月10日`, the party cell perhaps on a line of its own). The lines of
 * a row before that close hold its other cells (a problem, then the task, each numbered `1、`): the task is the last
 * numbered line of the row. A next section's label run into the closing line after the date (`… 2014年8月10日 健康教育`)
 * is dropped. At least two closed rows make the table; a row running longer than the limit ends it.
 */

export interface FlattenedTable {
  start: number;
  end: number;
  roles: ColumnRole[];
  rows: GridRow[];
}

// Module-local copies of the imports read per line of every body (under tsx every use of an import is a getter call).
const CHAR_SPACE = CHAR_SPACE_IMPORTED;
const mayContain = mayContainImported;

/** A party column and the deadline column after it, set apart by whitespace inside a longer line. */
const FLAT_HEADER =
  /(?:责任部门|责任单位|牵头单位|牵头部门|负责单位|实施单位)[ \u3000\t]+(?:完成时限|完成时间|时间节点|时限)/u;
/** A date cell: `2014年8月10日`, `8月底前`, `2014年底`, `2014.8.10`, or an ongoing one. */
const DATE_CELL =
  /^(?:(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:前|底前|底|以前)?|\d{4}年(?:底|年底)?前?|\d{4}[.\-/]\d{1,2}(?:[.\-/]\d{1,2})?|长期|长期坚持|持续推进)$/u;
/** A section label run in after the date: a few ideographs, no punctuation. */
const RUN_IN_LABEL = /^[\u4e00-\u9fff]{2,8}$/u;
/** A party cell's token: short, no sentence punctuation. */
const PARTY_TOKEN = /^[\u4e00-\u9fff（）()、]{2,16}$/u;

const ROLES: ColumnRole[] = ['task', 'responsible', 'deadline'];

interface Close {
  /** The line's text before its party and date cells (may be empty). */
  rest: string;
  parties: string[];
  date: string;
}

/** The party and date cells closing a line, or null. */
function closingCells(raw: string): Close | null {
  const tokens = raw.trim().split(/[ \u3000\t]+/u);
  let d = tokens.length - 1;
  if (d >= 1 && !DATE_CELL.test(tokens[d] ?? '') && RUN_IN_LABEL.test(tokens[d] ?? '')) d--;
  if (d < 1 || !DATE_CELL.test(tokens[d] ?? '')) return null;
  let p = d;
  while (p > 0 && PARTY_TOKEN.test(tokens[p - 1] ?? '')) p--;
  // The leftmost token of the cell names a unit; a bare phrase before the date (`工作 2014年`) is no party cell.
  while (p < d && !UNIT_CELL.test(tokens[p] ?? '')) p++;
  if (p === d) return null;
  // A body the cell names without a unit word (a shop given the task) would void the whole cell: the units are kept.
  const parties = tokens.slice(p, d).filter((t) => UNIT_CELL.test(t));
  return { rest: tokens.slice(0, p).join(' '), parties, date: tokens[d] ?? '' };
}

export function findFlattenedTables(
  prepared: PreparedText,
  from: number,
  to: number,
  skip: (i: number) => boolean,
): FlattenedTable[] {
  const tables: FlattenedTable[] = [];
  // The copy may run the header into the title line just above the body (`…任务一览表 项目 … 责任部门 完成时限`).
  for (let i = Math.max(0, from - 1); i <= to; i++) {
    const l = prepared.lines[i];
    // The header sets its columns apart by whitespace and its deadline column holds 时限 or 时间: those screens
    // first (the line's classes say whether it holds any space), the regex and the skip test only then.
    if (!l || l.kind !== 'text' || !mayContain(l, CHAR_SPACE)) continue;
    if (!l.raw.includes('时限') && !l.raw.includes('时间')) continue;
    if (!FLAT_HEADER.test(l.raw) || skip(i)) continue;
    const table = rowsAfter(prepared, i, to, skip);
    if (table) {
      table.start = Math.max(table.start, from);
      tables.push(table);
      i = table.end;
    }
  }
  return tables;
}

function rowsAfter(
  prepared: PreparedText,
  header: number,
  to: number,
  skip: (i: number) => boolean,
): FlattenedTable | null {
  const rows: GridRow[] = [];
  let rowStart = header + 1;
  let end = header;
  for (let k = header + 1; k <= to && !skip(k); k++) {
    const l = prepared.lines[k];
    if (!l || l.kind === 'blank' || l.kind === 'footer') continue;
    if (k - rowStart >= LIMITS.maxFlattenedRowLines) break;
    const close = l.kind === 'text' ? closingCells(l.raw) : null;
    if (!close) continue;
    // The row's task: its last numbered line (a problem cell may stand numbered above it).
    let task = rowStart;
    for (let n = rowStart; n <= k; n++) {
      const text = n === k ? normalizeText(close.rest) : (prepared.lines[n]?.text ?? '');
      if (text && matchHeading(text)) task = n;
    }
    const texts: string[] = [];
    for (let n = task; n < k; n++) texts.push(prepared.lines[n]?.text ?? '');
    texts.push(normalizeText(close.rest));
    const text = texts.join('');
    if (text) {
      rows.push({
        line: prepared.lines[task]?.no ?? l.no,
        cells: [text, close.parties.join('、'), close.date],
      });
      end = k;
    }
    rowStart = k + 1;
  }
  return rows.length >= 2 ? { start: header, end, roles: ROLES, rows } : null;
}
