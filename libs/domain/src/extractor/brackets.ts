import { ROLE_LABEL_LINE } from './roles';
import { LIMITS as LIMITS_IMPORTED } from './thresholds';

/** A module-local copy of the import read per bracket: under tsx every use of an import is a getter call. */
const LIMITS = LIMITS_IMPORTED;

/** Bracket spans of a unit's text for the inline layout (inline.ts): top-level （…） and labelled 〔…〕/【…】. */

/** The role verb closing an unlabelled square annotation (`〔A牵头，B按职责分工负责〕`, `[A、B负责]`). */
const SQUARE_ROLE_END = /(?:牵头|负责|负总责|配合|参与|协办|落实)$/;

/**
 * 〔牵头单位:…〕 / 【责任单位：…】 around labelled roles, and 〔A牵头，B…负责〕 closed by a role verb: square brackets
 * count only so (〔2021〕 is a 文号 year, 【解读】 a page label).
 */
function squareAnnotationEnd(text: string, open: number): number {
  const close = text.indexOf(text.charCodeAt(open) === 0x3014 ? '〕' : '】', open + 1);
  if (close === -1 || close - open > LIMITS.maxBracketChars) return -1;
  const inner = text.slice(open + 1, close);
  const colon = text.indexOf('：', open + 1);
  if (colon === -1 || colon > close) return SQUARE_ROLE_END.test(inner) ? close : -1;
  return ROLE_LABEL_LINE.test(inner) ? close : -1;
}

/** Position of the next `ch` at or after `from`, or Infinity (indexOf skips the text between brackets natively). */
function nextOf(text: string, ch: string, from: number): number {
  const at = text.indexOf(ch, from);
  return at === -1 ? Infinity : at;
}

/**
 * Top-level （…） spans (nested brackets inside them) and labelled 〔…〕/【…】 ones. Jumps from bracket to bracket
 * with indexOf instead of reading every character: this runs over the whole body text of every document.
 */
export function findBrackets(text: string, maySquare = true): { open: number; close: number }[] {
  const out: { open: number; close: number }[] = [];
  let depth = 0;
  let open = -1;
  // maySquare false: the caller knows the text has neither (Line.chars), so neither is searched for.
  const squares = maySquare && (text.includes('〔') || text.includes('【'));
  let nextOpen = nextOf(text, '（', 0);
  let nextClose = nextOf(text, '）', 0);
  let nextTortoise = squares ? nextOf(text, '〔', 0) : Infinity;
  let nextLenticular = squares ? nextOf(text, '【', 0) : Infinity;
  for (;;) {
    const i = Math.min(nextOpen, nextClose, nextTortoise, nextLenticular);
    if (i === Infinity) break;
    let resume = i + 1;
    if (i === nextOpen) {
      if (depth === 0) open = i;
      depth++;
    } else if (i === nextClose) {
      if (depth > 0) {
        depth--;
        if (depth === 0) {
          if (i - open < LIMITS.maxBracketChars) out.push({ open, close: i });
          open = -1;
        }
      }
    } else if (depth === 0) {
      const close = squareAnnotationEnd(text, i);
      if (close !== -1) {
        out.push({ open: i, close });
        resume = close + 1;
      }
    }
    if (nextOpen < resume) nextOpen = nextOf(text, '（', resume);
    if (nextClose < resume) nextClose = nextOf(text, '）', resume);
    if (nextTortoise < resume) nextTortoise = nextOf(text, '〔', resume);
    if (nextLenticular < resume) nextLenticular = nextOf(text, '【', resume);
  }
  return out;
}
