/**
 * A notice stored as one physical line (`…通知如下： 一、A要… 二、B要… 三、…`, a news page or a crawl that lost its
 * paragraph breaks): its numbered items are read as lines of their own, with the physical line's number. Only a run
 * of at least two items in counting order (一、 then 二、 …), each set off by spaces (一、 may open the line), is split: a
 * single `一、` after a space is a reference or a title fragment, and 一、…三、 out of order is a list inside a sentence.
 */
import type { BodyLine, Line } from './text';
import { normalizeText } from './text';

const CN_DIGITS = '一二三四五六七八九十';
/** The line's start or spaces (never a tab: tabs separate table cells), then an enumerator of one or two characters (一、 … 二十、). */
const SPACED_ITEM = /(?:^|[ \u3000]+)([一二三四五六七八九十]{1,2})、/gu;

/** An addressee list closed by a colon at the start of the line (`市各有关单位:`, `各区县人民政府，市政府各部门：`). */
const ADDRESSEE =
  /^[^，,。：:\s]{2,40}(?:[，,、][^，,。：:\s]{2,40}){0,6}(?:单位|部门|政府|局|委|办|室|机构|处|管委会)[：:](?=[ \u3000])/u;

function cnValue(numeral: string): number {
  if (numeral.length === 1) return CN_DIGITS.indexOf(numeral) + 1;
  // 十一 … 十九, 二十
  if (numeral.startsWith('十')) return 10 + CN_DIGITS.indexOf(numeral[1] ?? '') + 1;
  return numeral.endsWith('十') ? (CN_DIGITS.indexOf(numeral[0] ?? '') + 1) * 10 : 0;
}

/** The pieces of a run-on notice line, or null when the line holds no run of spaced items. */
export function splitRunOnItems(line: Line): BodyLine[] | null {
  // Cheap screen: a run has its spaces (the normalised text has lost them: most lines have none, and two lengths
  // are read before any search) and a 二、.
  if (line.raw.length === line.text.length || !line.text.includes('二、')) return null;
  const starts: number[] = [];
  let expected = 0;
  SPACED_ITEM.lastIndex = 0;
  for (let m = SPACED_ITEM.exec(line.raw); m; m = SPACED_ITEM.exec(line.raw)) {
    const value = cnValue(m[1] ?? '');
    // The run starts at 一: a run from a later item is a list inside a sentence as often as a cut page.
    if (starts.length === 0 ? value === 1 : value === expected) {
      starts.push(m.index);
      expected = value + 1;
    }
  }
  if (starts.length < 2) return null;
  // `市各有关单位: 根据…通告如下:`: the addressee opening the run is a line of its own, not a subject of the covering.
  const addressee = ADDRESSEE.exec(line.raw.slice(0, starts[0]));
  const cuts = [0, ...(addressee ? [addressee[0].length] : []), ...starts, line.raw.length];
  const pieces: BodyLine[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const text = normalizeText(line.raw.slice(cuts[i], cuts[i + 1]));
    if (text !== '') pieces.push({ no: line.no, text, pageStart: i === 0 && line.pageStart });
  }
  return pieces;
}

/** The introduction that asks for the sub-items after it, and a sub-item's enumerator after a colon or sentence end. */
const ASKING_INTRO = /(?:要求|强调|指出|部署)：$/u;
const INLINE_ITEM = /(?<=[：。])(?:（([1-9])）|([1-9])[.．](?![\d%]))/gu;

/**
 * A sub-item enumeration run on inside its paragraph after a colon (a meeting report's `…，并要求：（1）各级各部门要…。
 * （2）…。`, `…要高度重视并要求：1.定机制，明目标。…2.落计划…`): each numbered item is a line of its own, the text up to
 * the colon the line that introduces them. Only a run counting from 1 whose first item follows a colon and each later
 * item a sentence end is split (a list inside a sentence, `（1）…、（2）…`, stays whole).
 */
const DOT = '.'.charCodeAt(0);
const FULL_DOT = '．'.charCodeAt(0);
const OPEN = '（'.charCodeAt(0);
const CLOSE = '）'.charCodeAt(0);

/**
 * The text holds `（2）`, `2.` or `2．`: one search for its 2s (few in most lines) instead of three searches of every
 * body line for the patterns.
 */
function hasSecondItem(text: string): boolean {
  for (let at = text.indexOf('2'); at !== -1; at = text.indexOf('2', at + 1)) {
    const next = text.charCodeAt(at + 1);
    if (next === DOT || next === FULL_DOT || (next === CLOSE && text.charCodeAt(at - 1) === OPEN))
      return true;
  }
  return false;
}

export function splitInlineEnumeration(line: BodyLine): BodyLine[] | null {
  const text = line.text;
  // Cheap screen: a run has its second item.
  if (!hasSecondItem(text)) return null;
  const starts: number[] = [];
  let expected = 1;
  INLINE_ITEM.lastIndex = 0;
  for (let m = INLINE_ITEM.exec(text); m; m = INLINE_ITEM.exec(text)) {
    const value = Number(m[1] ?? m[2]);
    if (value !== expected || (value === 1 && text.charAt(m.index - 1) !== '：')) continue;
    // Items of one run share their enumerator's shape.
    if (value > 1 && (m[1] === undefined) !== (text.charAt(starts[0] ?? 0) !== '（')) continue;
    starts.push(m.index);
    expected = value + 1;
  }
  // Only after an introduction that asks for them (`并要求：`): a unit's own list (`要做好以下工作：（1）…`) stays whole.
  if (starts.length < 2 || !ASKING_INTRO.test(text.slice(0, starts[0]))) return null;
  const cuts = [0, ...starts, text.length];
  const pieces: BodyLine[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const piece = text.slice(cuts[i], cuts[i + 1]);
    if (piece !== '')
      pieces.push({
        no: line.no,
        text: piece,
        pageStart: i === 0 && line.pageStart,
        ...(line.chars !== undefined ? { chars: line.chars } : {}),
        ...(i > 0 ? { part: i } : {}),
      });
  }
  return pieces;
}

/** A line as the items it holds: a run-on notice cut at its items, each piece cut at its run-on sub-items. */
export function splitLineItems(line: Line): BodyLine[] | null {
  const items = splitRunOnItems(line);
  if (!items) return splitInlineEnumeration(line);
  return items.flatMap((item) => splitInlineEnumeration(item) ?? [item]);
}
