/**
 * Line-level text normalisation shared by segmentation, measures and tables. Everything here is a single
 * linear pass with precompiled regexes: the whole corpus goes through it on every extraction.
 */

export type LineKind = 'text' | 'blank' | 'footer' | 'digits' | 'url';

export interface Line {
  /** 1-based physical line number. */
  no: number;
  /** The physical line as printed (tables need its spaces: they separate cells). */
  raw: string;
  /** Normalised text: whitespace removed (except between ASCII words), ASCII punctuation made full-width. */
  text: string;
  kind: LineKind;
  /** The physical line starts with a single ASCII space: a PDF page start in the hard-wrapped files. */
  pageStart: boolean;
}

export interface PreparedText {
  lines: Line[];
  /** Hard-wrapped layout (a blank line after every text line): paragraph boundaries must be inferred. */
  wrapped: boolean;
  /** Typical full line length in characters (wrapped layout), used to tell short last lines of paragraphs. */
  width: number;
}

const WHITESPACE_RUN = /[\s\u3000\u00a0\u2000-\u200b\u202f\u205f\ufeff]+/g;
const ASCII_WORD = /[A-Za-z0-9]/;
const PUNCT_MAP: Readonly<Record<string, string>> = {
  '(': '（',
  ')': '）',
  ',': '，',
  ':': '：',
  ';': '；',
  '[': '〔',
  ']': '〕',
  '［': '〔',
  '］': '〕',
  '?': '？',
  '!': '！',
};
const ASCII_PUNCT = /[(),:;[\]［］?!]/g;
const MARKDOWN_BOLD = /\*\*+/g;
const OCR_PLUS = /互联网十/g;
const FOOTER = /^[-－—–]\d{1,4}[-－—–]$/;
const DIGITS = /^\d{1,4}$/;
const URL = /^(?:https?：\/\/|www\.|javascript：)/i;

function keepSpace(s: string, before: number, after: number): boolean {
  const a = s.charAt(before);
  const b = s.charAt(after);
  return a !== '' && b !== '' && ASCII_WORD.test(a) && ASCII_WORD.test(b);
}

/** Normalises one physical line (or any short text) for matching and output. */
export function normalizeText(raw: string): string {
  let s = raw.replace(MARKDOWN_BOLD, '');
  s = s.replace(ASCII_PUNCT, (c) => PUNCT_MAP[c] ?? c);
  s = s.replace(WHITESPACE_RUN, (m: string, offset: number, whole: string) =>
    keepSpace(whole, offset - 1, offset + m.length) ? ' ' : '',
  );
  if (s.includes('互联网十')) s = s.replace(OCR_PLUS, '互联网+');
  return s;
}

function classify(text: string): LineKind {
  if (text === '') return 'blank';
  if (FOOTER.test(text)) return 'footer';
  if (DIGITS.test(text)) return 'digits';
  if (URL.test(text)) return 'url';
  return 'text';
}

const LINE_BREAK = /\r\n|\r|\n/;

export function prepareText(text: string): PreparedText {
  const rawLines = text.split(LINE_BREAK);
  if (rawLines.length > 0 && rawLines[rawLines.length - 1] === '') rawLines.pop();
  const lines: Line[] = new Array<Line>(rawLines.length);
  let textLines = 0;
  let followedByBlank = 0;
  const lengths: number[] = [];
  for (let i = 0; i < rawLines.length; i++) {
    const raw = rawLines[i] ?? '';
    const norm = normalizeText(raw);
    const kind = classify(norm);
    lines[i] = { no: i + 1, raw,text: norm, kind, pageStart: raw.charCodeAt(0) === 0x20 && raw.charCodeAt(1) !== 0x20 };
    if (kind === 'text') {
      textLines++;
      lengths.push(norm.length);
      const next = rawLines[i + 1];
      if (next !== undefined && next.trim() === '') followedByBlank++;
    }
  }
  lengths.sort((a, b) => a - b);
  const width = lengths.length ? (lengths[Math.floor(lengths.length * 0.8)] ?? 0) : 0;
  // One paragraph per line with blank lines between (000, 002) is not a hard wrap: its lines are long.
  const wrapped = textLines > 20 && followedByBlank / textLines > 0.6 && width <= 60;
  return { lines, wrapped, width };
}

/** Joins two physical lines of one paragraph: hard wraps never carry a meaningful space. */
export function joinLines(a: string, b: string): string {
  return a + b;
}

const CJK = /[\u3400-\u9fff]/;
export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}
