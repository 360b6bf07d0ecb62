// An item closed by an unbracketed responsibility sentence (`…，2025年8月底前投入使用。市教育局牵头，市财政局配合，
// 各区人民政府负责落实。`): local work plans often write the annotation as the item's last sentence instead of a
// bracket. The sentence is read as if it were bracketed (inline.ts parses it with the annotation grammar), so it
// must consist of party lists and role verbs only — a duty sentence (`各区要积极配合`) never parses.

/** A span of a unit's text read like a bracket: `inner` lies between `open` and `close` (exclusive). */
export interface SentenceSpan {
  open: number;
  close: number;
  inner: string;
}

/** Role verbs an annotation sentence may end on (its last clause), longest first. */
const SENTENCE_VERB_ENDS = [
  '负责落实',
  '牵头',
  '配合',
  '参与',
  '参加',
  '负责',
  '落实',
  '协助',
  '协同',
  '协办',
];
const MIN_SENTENCE_CHARS = 4;
/** Duty words of a prose sentence (`各协作单位要积极配合`, `请A配合`): such a sentence is the prose reader's. */
const DUTY_WORD = /[要须请将]/u;

/** The last characters of those verbs: a paragraph ending on any other is not read further (most paragraphs). */
const VERB_LAST_CHARS = new Set(SENTENCE_VERB_ENDS.map((v) => v.charCodeAt(v.length - 1)));

function endsOnRoleVerb(sentence: string): boolean {
  for (const verb of SENTENCE_VERB_ENDS) if (sentence.endsWith(verb)) return true;
  return false;
}

/** Index of the last 。 before `end` in `text[from, end)`, or from - 1. */
function lastFullStop(text: string, from: number, end: number): number {
  const at = text.lastIndexOf('。', end - 1);
  return at < from ? from - 1 : at;
}

/** The paragraph `text[start, paragraphEnd)`'s last sentence as a span when it ends on a role verb, else null. */
function sentenceAtEnd(
  text: string,
  start: number,
  paragraphEnd: number,
  maxChars: number,
): SentenceSpan | null {
  let end = paragraphEnd;
  while (end > start && (text.charCodeAt(end - 1) === 0x3002 || text.charCodeAt(end - 1) === 0xff1b)) end--;
  if (end === start || !VERB_LAST_CHARS.has(text.charCodeAt(end - 1))) return null;
  const open = lastFullStop(text, start, end);
  let inner = text.slice(open + 1, end);
  if (inner.startsWith('由')) inner = inner.slice(1);
  const plausible =
    inner.length >= MIN_SENTENCE_CHARS &&
    inner.length < maxChars &&
    endsOnRoleVerb(inner) &&
    !DUTY_WORD.test(inner);
  return plausible ? { open, close: end, inner } : null;
}

/**
 * The last sentence of each paragraph of `text` that ends on a role verb, as bracket-like spans (the 由 of
 * `由A牵头，B配合` dropped from `inner`). `maxChars` bounds a sentence as it bounds a bracket.
 */
export function closingResponsibilitySentences(text: string, maxChars: number): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  for (let start = 0; start <= text.length;) {
    const newline = text.indexOf('\n', start);
    const span = sentenceAtEnd(text, start, newline === -1 ? text.length : newline, maxChars);
    if (span) out.push(span);
    if (newline === -1) break;
    start = newline + 1;
  }
  return out;
}

/**
 * The sentence annotations of a document's units, for the units without a bracket. Read only when the document is
 * annotated elsewhere or states two such sentences: one sentence of the kind in a prose document is left to the
 * prose reader, which reads the rest of its paragraphs too.
 */
export function sentenceAnnotations<U extends { text: string; annotations: readonly unknown[] }, A>(
  units: readonly U[],
  read: (span: SentenceSpan) => A | null,
  maxChars: number,
): { unit: U; annotation: A }[] {
  let annotated = false;
  const found: { unit: U; annotation: A }[] = [];
  for (const unit of units) {
    if (unit.annotations.length > 0) {
      annotated = true;
      continue;
    }
    for (const span of closingResponsibilitySentences(unit.text, maxChars)) {
      const annotation = read(span);
      if (annotation) found.push({ unit, annotation });
    }
  }
  return annotated || found.length >= 2 ? found : [];
}
