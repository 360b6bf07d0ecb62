// Role-label lines (责任单位：… / 完成时限：…) and space-separated labelled fields after an item, turned into one
// bracket annotation of it before the inline reader finds its brackets.
import { matchHeading as matchHeadingImported } from './headings';
import { ROLE_LABEL, spacedLabelledFields, startsWithRoleLabel } from './roles';
import { CHAR_COLON, mayContain, normalizeText } from './text';
import type { BodyLine } from './text';
import { LIMITS as LIMITSImported } from './thresholds';

// Module-local copies of imports used per line, sentence or unit: under tsx every use of an import is a getter call.
const matchHeading = matchHeadingImported;
const LIMITS = LIMITSImported;

// Module-local copies: under tsx every use of an import is a getter call (these run for every line).
const lineMayContain = mayContain;
const COLON_CLASS = CHAR_COLON;

/** A short line opening on a role label (责任单位：…); a line without a colon is not read. */
function isLabelLine(l: BodyLine): boolean {
  return (
    lineMayContain(l, COLON_CLASS) && l.text.length <= LIMITS.maxLabelLineChars && startsWithRoleLabel(l.text)
  );
}

/**
 * A run of role-label lines (责任单位：… / 完成时限：…) after a measure becomes one bracket annotation of it. A label
 * whose value is on the next line (`责任单位：` / `市民政局、市卫健委`) takes that line.
 */
export function labelledLinesAsBrackets(given: BodyLine[]): BodyLine[] {
  const lines = trailingLabelsAsBrackets(spacedFieldsAsBrackets(given));
  // Most documents have no role-label line: their lines stay as they are (no copy).
  if (!lines.some(isLabelLine)) return lines;
  const out: BodyLine[] = [];
  let run: BodyLine[] = [];
  let open = false;
  const flush = () => {
    const first = run[0];
    if (first) {
      const inner = run
        .map((l) => l.text.replace(/[。；，]+$/u, ''))
        .join('；')
        .replace(/：；/gu, '：');
      out.push({ no: first.no, text: `（${inner}）`, pageStart: first.pageStart });
    }
    run = [];
    open = false;
  };
  for (const l of lines) {
    if (isLabelLine(l)) {
      run.push(l);
      open = /[：:]$/u.test(l.text);
      continue;
    }
    if (open && run.length > 0 && l.text.length <= LIMITS.maxLabelLineChars && !matchHeading(l.text)) {
      run.push(l);
      open = false;
      continue;
    }
    flush();
    out.push(l);
  }
  flush();
  return out;
}

/**
 * An item line followed by space-separated labelled fields (`1.… 牵头领导:王某 责任单位:市公安局 配合单位:…`, a
 * progress table printed as one line per row) reads as the item with one bracket of its fields.
 */
function spacedFieldsAsBrackets(lines: BodyLine[]): BodyLine[] {
  let out: BodyLine[] | null = null;
  lines.forEach((l, k) => {
    // A prepared line without a colon in its classes is not read further (most lines).
    if (!lineMayContain(l, COLON_CLASS)) return;
    const raw = 'raw' in l && typeof l.raw === 'string' ? l.raw : '';
    // Cheap screen: a colon in the text and a space in the raw line.
    const fields = l.text.includes('：') && raw.includes(' ') ? spacedLabelledFields(raw) : null;
    if (!fields) return;
    out ??= [...lines];
    const inner = fields.fields.map((f) => normalizeText(f).replace(/[。；，]+$/u, '')).join('；');
    out[k] = { no: l.no, text: `${normalizeText(fields.item)}（${inner}）`, pageStart: l.pageStart };
  });
  return out ?? lines;
}

const FULL_STOP = 0x3002;
const SEMICOLON = 0xff1b;

/** Bracket depth at `end` of `text`, （） 〔〕 【】 alike (a label inside an open bracket is the bracket's, not the line's). */
function bracketDepth(text: string, end: number): number {
  let depth = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff08 || c === 0x3014 || c === 0x3010) depth++;
    else if ((c === 0xff09 || c === 0x3015 || c === 0x3011) && depth > 0) depth--;
  }
  return depth;
}

/**
 * An item whose role labels follow its last sentence on the same line, unbracketed (`1.加快项目建设。牵头单位：市发改委；
 * 配合单位：市财政局；完成时限：2025年底前。`): the labelled tail becomes the item's bracket. Only a label right after a
 * full stop or semicolon, outside any bracket, opens the tail, and the tail runs to the line's end.
 */
function trailingLabelsAsBrackets(lines: BodyLine[]): BodyLine[] {
  let out: BodyLine[] | null = null;
  lines.forEach((l, k) => {
    if (!lineMayContain(l, COLON_CLASS) || !l.text.includes('：')) return;
    const text = l.text;
    ROLE_LABEL.lastIndex = 0;
    for (let m = ROLE_LABEL.exec(text); m !== null; m = ROLE_LABEL.exec(text)) {
      const before = text.charCodeAt(m.index - 1);
      if (m.index === 0 || (before !== FULL_STOP && before !== SEMICOLON) || bracketDepth(text, m.index) > 0)
        continue;
      const tail = text.slice(m.index).replace(/[。；，]+$/u, '');
      out ??= [...lines];
      out[k] = { no: l.no, text: `${text.slice(0, m.index)}（${tail}）`, pageStart: l.pageStart };
      break;
    }
  });
  return out ?? lines;
}
