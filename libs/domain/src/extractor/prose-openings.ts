// Where a sentence's party may start (prose-sentence.ts): after opening clauses and dated steps.
import * as PROSE_CHARS from './prose-chars';

// Module-local copies of the flag table and bits read per character: under tsx every use of an import is a getter call.
const { CHAR_FLAGS, END } = PROSE_CHARS;
const COMMA = '，'.charCodeAt(0);

/**
 * A dated step opening the sentence without a comma (`2019年6月底前各省份要…`, `2004年发展改革委将会同…`): the party
 * follows it.
 */
const DATED_LEAD =
  /(?:(?:\d{4}年)?\d{1,2}月(?:底|末|份|\d{1,2}日)?(?:以)?前|\d{4}年(?:底前|内)?(?![\d月初起以度]))/uy;
/** Up to three opening clauses before the party (`在治理工作中，需要其他相关部门支持配合的，`; a meeting report's `X强调，当前…，…的关键时期，各镇要…`). */
const OPENING_CLAUSE = /^(?:[^，。；：]{0,24}，){1,3}/u;

/**
 * Where a sentence's party may start: its beginning and after each of up to three opening clauses (OPENING_CLAUSE,
 * read by char codes; a surrogate pair, one character to the regex, falls back to it).
 */
export function openingOffsets(sentence: string): number[] {
  const offsets = [0];
  datedLead(sentence, 0, offsets);
  let start = 0;
  for (let clause = 0; clause < 3; clause++) {
    const max = Math.min(sentence.length, start + 25);
    let i = start;
    for (; i < max; i++) {
      const c = sentence.charCodeAt(i);
      if (c === COMMA || (CHAR_FLAGS[c] ?? 0) & END) break;
      if (c >= 0xd800 && c <= 0xdfff) return openingOffsetsByRegex(sentence);
    }
    if (i >= max || sentence.charCodeAt(i) !== COMMA) break;
    start = i + 1;
    offsets.push(start);
    datedLead(sentence, start, offsets);
  }
  return offsets;
}

/** Adds the offset after a dated step at `at` that runs on into its party (only tried where a digit opens). */
function datedLead(sentence: string, at: number, offsets: number[]): void {
  const c = sentence.charCodeAt(at);
  if (c < 0x30 || c > 0x39) return;
  DATED_LEAD.lastIndex = at;
  if (!DATED_LEAD.test(sentence)) return;
  const end = DATED_LEAD.lastIndex;
  if (sentence.charCodeAt(end) !== COMMA) offsets.push(end);
}

function openingOffsetsByRegex(sentence: string): number[] {
  const offsets = [0];
  const opening = OPENING_CLAUSE.exec(sentence)?.[0] ?? '';
  for (let i = opening.indexOf('，'); i !== -1; i = opening.indexOf('，', i + 1)) offsets.push(i + 1);
  return offsets;
}
