/**
 * Line-level text normalisation shared by segmentation, measures and tables. Everything here is a single
 * linear pass with precompiled regexes: the whole corpus goes through it on every extraction.
 */

import { BRACKETED_ROLE_LABEL } from './roles';

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
  /** The CHAR_* classes of its characters: stages ask it before searching the line (mayContain). */
  chars: number;
}

/** A text line of the body; `no` is the physical line (kept when a scrambled line is split). */
export interface BodyLine {
  no: number;
  text: string;
  pageStart: boolean;
  /** The line's CHAR_* classes when it is a prepared Line; lines built here may hold any. */
  chars?: number;
  /** A later piece of a line cut at its sub-items (run-on-items.ts): 1, 2, … within its run; absent for a whole line. */
  part?: number;
}

export interface PreparedText {
  lines: Line[];
  /** Hard-wrapped layout (a blank line after every text line): paragraph boundaries must be inferred. */
  wrapped: boolean;
  /** Typical full line length in characters (wrapped layout), used to tell short last lines of paragraphs. */
  width: number;
  /**
   * The last char code of each line's text (0 when empty), by line index: a detector screening every line by its
   * ending reads this compact array instead of visiting each Line and its string (a cache miss per line).
   */
  lastCodes: Uint16Array;
}

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
/**
 * `一、加强组织领导 各有关部门要…`: a short heading title set off from its paragraph by a space on the same line. The
 * space is the title's full stop (stripping it would glue 加强组织领导各有关部门 into one subject). Only when the title
 * holds no duty of its own (no 要/应, no unit word at its end: `一、各区人民政府 要…` is a subject and its duty) and the
 * paragraph opens a sentence with a duty marker (`一、加强 组织领导` is a title with a space in it); a tab separates table
 * cells and is left alone.
 */
const SPACED_HEADING_TITLE =
  /^((?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)(?:(?![要应])[\u4e00-\u9fff]){2,20}(?<![府局委部厅办室门位]))[ \u3000]+(?=[\u4e00-\u9fff][^。；\s]{0,40}?(?:要|应|须|负责|牵头))/u;
const FOOTER = /^[-－—–]\d{1,4}[-－—–]$/;
const DIGITS = /^\d{1,4}$/;
const URL = /^(?:https?：\/\/|www\.|javascript：)/i;

/** The characters of the regex class \s plus the zero-width space. */
function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x3000 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0xfeff
  );
}

function isAsciiWordCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * Removes whitespace runs except one space between two ASCII words ("5G 网络" → "5G网络", "IPv6 and" kept).
 * A hand-written scan: this runs on every line of every file and a replace callback was its hot spot.
 */
function stripSpaces(s: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    if (!isSpaceCode(s.charCodeAt(i))) continue;
    let j = i + 1;
    while (j < s.length && isSpaceCode(s.charCodeAt(j))) j++;
    out += s.slice(last, i);
    if (i > 0 && j < s.length && isAsciiWordCode(s.charCodeAt(i - 1)) && isAsciiWordCode(s.charCodeAt(j)))
      out += ' ';
    last = j;
    i = j - 1;
  }
  return last === 0 ? s : out + s.slice(last);
}

/**
 * The char codes normalizeText rewrites, as flags of the step that rewrites them: whitespace (isSpaceCode, and
 * every C0 control), ASCII punctuation and ［］, * and 十 (of 互联网十). One table load per character instead of a
 * chain of comparisons; the flags found say which steps a line needs. The same pass notes the CHAR_* classes
 * later stages ask of every line (Line.chars).
 */
const NEEDS_SPACES = 1;
const NEEDS_PUNCT = 2;
const NEEDS_BOLD = 4;
const NEEDS_PLUS = 8;
const NEEDS_MASK = NEEDS_SPACES | NEEDS_PUNCT | NEEDS_BOLD | NEEDS_PLUS;
/** Whitespace or a C0 control (a tab or a space separating table cells). */
export const CHAR_SPACE = NEEDS_SPACES;
/** A square bracket as normalised text has it: 〔 (also from [ and ［) or 【. */
export const CHAR_SQUARE = 16;
/** 均 (of 以下各项措施均需…落实). */
export const CHAR_JUN = 32;
/** A colon (：, also from :), as every role label (责任单位：) has. */
export const CHAR_COLON = 64;
/** 月, as every signature date line (2023年5月10日, 二〇二三年五月十日) has. */
export const CHAR_YUE = 128;
/** 除 (of 除特别注明的外，…): the document-wide rules' screen (measures.ts). */
export const CHAR_CHU = 256;
/** Every class: what a line without recorded classes may contain. */
export const CHAR_ANY = 0x1ff;
const CHAR_CLASSES = new Uint16Array(0x10000);
for (let c = 0; c <= 0x20; c++) CHAR_CLASSES[c] = NEEDS_SPACES;
for (const c of '(),:;[]?!\uff3b\uff3d') CHAR_CLASSES[c.charCodeAt(0)] = NEEDS_PUNCT;
CHAR_CLASSES['*'.charCodeAt(0)] = NEEDS_BOLD;
CHAR_CLASSES['\u5341'.charCodeAt(0)] = NEEDS_PLUS;
for (let c = 0x80; c < 0x10000; c++) if (isSpaceCode(c)) CHAR_CLASSES[c] = NEEDS_SPACES;
for (const c of '[\uff3b\u3014\u3010') CHAR_CLASSES[c.charCodeAt(0)] |= CHAR_SQUARE;
CHAR_CLASSES['均'.charCodeAt(0)] |= CHAR_JUN;
for (const c of ':\uff1a') CHAR_CLASSES[c.charCodeAt(0)] |= CHAR_COLON;
CHAR_CLASSES['月'.charCodeAt(0)] |= CHAR_YUE;
CHAR_CLASSES['除'.charCodeAt(0)] |= CHAR_CHU;

/**
 * One pass over the char codes: the NEEDS_* flags of the steps `s` needs (0 for most lines) and its CHAR_*
 * classes. Normalising adds no character of a class, so the classes of the raw line hold for its text.
 */
function charClasses(s: string): number {
  let classes = 0;
  for (let i = 0; i < s.length; i++) classes |= CHAR_CLASSES[s.charCodeAt(i)] ?? 0;
  return classes;
}

/** False when `line` holds no character of `classes` (a line built without Line.chars may hold any). */
export function mayContain(line: { chars?: number }, classes: number): boolean {
  return ((line.chars ?? CHAR_ANY) & classes) !== 0;
}

const fullWidthPunct = (c: string): string => PUNCT_MAP[c] ?? c;

/** The first characters SPACED_HEADING_TITLE can match: 一…十 (of `一、`) and （ (of `（一）`). */
const SPACED_HEADING_OPENERS = new Set([...'一二三四五六七八九十（'].map((c) => c.charCodeAt(0)));

function mayOpenSpacedHeading(c: number): boolean {
  return SPACED_HEADING_OPENERS.has(c);
}

/** normalizeText with the line's classes already known. */
function normalizeClassified(raw: string, classes: number): string {
  // Fast path for the common line with nothing to rewrite; otherwise only the steps its characters call for
  // (十 is common in numbers, spaces in tables: neither needs the other steps).
  const needs = classes & NEEDS_MASK;
  if (needs === 0) return raw;
  let s = needs & NEEDS_BOLD ? raw.replace(MARKDOWN_BOLD, '') : raw;
  if (needs & NEEDS_PUNCT) s = s.replace(ASCII_PUNCT, fullWidthPunct);
  if (needs & NEEDS_SPACES) {
    // SPACED_HEADING_TITLE opens on a Chinese numeral or （: most spaced lines (table rows, page starts) are
    // screened out by their first char code without a replace call.
    if (mayOpenSpacedHeading(s.charCodeAt(0))) s = s.replace(SPACED_HEADING_TITLE, '$1。');
    s = stripSpaces(s);
  }
  if (needs & NEEDS_PLUS && s.includes('互联网十')) s = s.replace(OCR_PLUS, '互联网+');
  return s;
}

/** `【牵头单位】A【配合单位】B` → `牵头单位：A配合单位：B`; the same text when no bracketed role label is there. */
function unbracketRoleLabels(s: string): string {
  if (!s.includes('【') && !s.includes('〔')) return s;
  BRACKETED_ROLE_LABEL.lastIndex = 0;
  return s.replace(BRACKETED_ROLE_LABEL, '$1：');
}

/** Normalises one physical line (or any short text) for matching and output. */
export function normalizeText(raw: string): string {
  const classes = charClasses(raw);
  const s = normalizeClassified(raw, classes);
  return classes & CHAR_SQUARE ? unbracketRoleLabels(s) : s;
}

function classify(text: string): LineKind {
  if (text === '') return 'blank';
  // Footers, page numbers and URLs start with a dash, a digit or a Latin letter; prose starts with CJK.
  const first = text.charCodeAt(0);
  if (first >= 0x3000 && first !== 0xff0d) return 'text';
  if (FOOTER.test(text)) return 'footer';
  if (DIGITS.test(text)) return 'digits';
  if (URL.test(text)) return 'url';
  return 'text';
}

const LINE_BREAK = /\r\n|\r|\n/;

const BLANK_LINE = /^\s*$/;
const MAX_COUNTED_LENGTH = 4096;

const PIPE = 0x7c;
const FULL_WIDTH_PIPE = 0xff5c;
const PIPE_SPLIT = /[|｜]/u;
const RULE_CELL = /^[\s:：]*[-—－=]{2,}[\s:：]*$/u;

/**
 * A table row pasted with pipes (`| 序号 | 重点任务 | 牵头单位 |`, as copied from a web page or a Markdown file):
 * its cells separated by tabs, as the grid tables read them; the `|---|---|` rule under a header is blank. Null
 * for any other line (the first character is checked first: this runs for every line).
 */
function pipeRowAsTabs(raw: string): string | null {
  let start = 0;
  while (start < raw.length && isSpaceCode(raw.charCodeAt(start))) start++;
  const lead = raw.charCodeAt(start);
  if (lead !== PIPE && lead !== FULL_WIDTH_PIPE) return null;
  const trimmed = raw.trim();
  const first = trimmed.charCodeAt(0);
  const last = trimmed.charCodeAt(trimmed.length - 1);
  if ((first !== PIPE && first !== FULL_WIDTH_PIPE) || (last !== PIPE && last !== FULL_WIDTH_PIPE))
    return null;
  const cells = trimmed.split(PIPE_SPLIT).slice(1, -1);
  if (cells.length < 2) return null;
  if (cells.every((c) => RULE_CELL.test(c))) return '';
  return cells.map((c) => c.trim()).join('\t');
}

/**
 * charClasses of each line of `text` split at \n (`lineCount` lines), by line index: one pass over the flat string
 * costs less than a pass over each line split off it (a slice, read through its parent).
 */
function lineClasses(text: string, lineCount: number): Uint16Array {
  const classes = new Uint16Array(lineCount);
  let line = 0;
  let current = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x0a) current |= CHAR_CLASSES[c] ?? 0;
    else {
      classes[line++] = current;
      current = 0;
    }
  }
  if (line < lineCount) classes[line] = current;
  return classes;
}

export function prepareText(text: string): PreparedText {
  // Splitting on a plain string is twice as fast as on the regex; most files have no CR at all.
  const hasCr = text.includes('\r');
  const rawLines = hasCr ? text.split(LINE_BREAK) : text.split('\n');
  const splitClasses = hasCr ? null : lineClasses(text, rawLines.length);
  if (rawLines.length > 0 && rawLines[rawLines.length - 1] === '') rawLines.pop();
  const lines: Line[] = new Array<Line>(rawLines.length);
  const lastCodes = new Uint16Array(rawLines.length);
  let textLines = 0;
  let followedByBlank = 0;
  // A histogram instead of sorting every line length: only the 80th percentile is needed.
  const lengthCounts = new Uint32Array(MAX_COUNTED_LENGTH + 1);
  for (let i = 0; i < rawLines.length; i++) {
    const given = rawLines[i] ?? '';
    if (given === '') {
      // Half the lines of a hard-wrapped file: nothing to normalise, classify or count (the same shape as below).
      lines[i] = { no: i + 1, raw: given, text: given, kind: 'blank', pageStart: false, chars: 0 };
      continue;
    }
    // A pipe row opens on a pipe after optional spaces: other lines skip the call.
    const lead = given.charCodeAt(0);
    const piped =
      lead === PIPE || lead === FULL_WIDTH_PIPE || isSpaceCode(lead) ? pipeRowAsTabs(given) : null;
    const raw = piped ?? given;
    let chars = piped === null && splitClasses ? (splitClasses[i] ?? 0) : charClasses(raw);
    let norm = normalizeClassified(raw, chars);
    if (chars & CHAR_SQUARE) {
      const unbracketed = unbracketRoleLabels(norm);
      // The rewrite adds a colon: the line's classes must say so (Line.chars screens role labels by it).
      if (unbracketed !== norm) {
        norm = unbracketed;
        chars |= CHAR_COLON;
      }
    }
    const kind = classify(norm);
    if (norm.length > 0) lastCodes[i] = norm.charCodeAt(norm.length - 1);
    lines[i] = {
      no: i + 1,
      raw,
      text: norm,
      kind,
      pageStart: raw.charCodeAt(0) === 0x20 && raw.charCodeAt(1) !== 0x20,
      chars,
    };
    if (kind === 'text') {
      textLines++;
      lengthCounts[Math.min(norm.length, MAX_COUNTED_LENGTH)]++;
      const next = rawLines[i + 1];
      if (next !== undefined && (next === '' || BLANK_LINE.test(next))) followedByBlank++;
    }
  }
  let width = 0;
  if (textLines > 0) {
    const rank = Math.floor(textLines * 0.8);
    for (let seen = 0; width <= MAX_COUNTED_LENGTH; width++) {
      seen += lengthCounts[width] ?? 0;
      if (seen > rank) break;
    }
  }
  // One paragraph per line with blank lines between (000, 002) is not a hard wrap: its lines are long.
  const wrapped = textLines > 20 && followedByBlank / textLines > 0.6 && width <= 60;
  return { lines, wrapped, width, lastCodes };
}

/** Joins two physical lines of one paragraph: hard wraps never carry a meaningful space. */
export function joinLines(a: string, b: string): string {
  return a + b;
}

const CJK = /[\u3400-\u9fff]/;
export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}
