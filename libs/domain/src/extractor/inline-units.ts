// The inline layout's unit tree: a document's headings as units with their text and bracket annotations, and the
// tree walks the inline reader (inline.ts) needs to hand annotations on between units.
import type { BodyLine } from './text';
import type { ExtractedMeasure, ParsedDeadline, ParsedResponsibility } from './types';
import type { HeadingType } from './headings';
import { LIMITS as LIMITSImported } from './thresholds';

// Module-local copies of imports used per line, sentence or unit: under tsx every use of an import is a getter call.
const LIMITS = LIMITSImported;

export interface Unit {
  path: string[];
  type: HeadingType | null;
  line: number;
  text: string;
  /** Where each body line starts in `text` and its physical line number, as flat pairs [offset, no, offset, no …]. */
  pieces: number[];
  /** The CHAR_* classes of its lines (findBrackets skips the square-bracket searches without CHAR_SQUARE). */
  chars: number;
  children: Unit[];
  annotations: Annotation[];
}

export interface Annotation {
  open: number;
  close: number;
  inner: string;
  responsibility: ParsedResponsibility | null;
  deadline: ParsedDeadline | null;
}

export function lineAt(unit: Unit, offset: number): number {
  let no = unit.line;
  const pieces = unit.pieces;
  for (let i = 0; i + 1 < pieces.length; i += 2) {
    if ((pieces[i] ?? 0) > offset) break;
    no = pieces[i + 1] ?? no;
  }
  return no;
}

/**
 * A group annotation on a paragraph of its own after unannotated sibling items ((1)…(4) then （责任单位：…）):
 * every sibling since the last annotated one inherits it.
 */
export function shareTrailingGroupAnnotations(unit: Unit): void {
  let run: Unit[] = [];
  for (const child of unit.children) {
    shareTrailingGroupAnnotations(child);
    if (child.annotations.length === 0) {
      if (child.children.length === 0) run.push(child);
      else run = [];
      continue;
    }
    const last = child.annotations[child.annotations.length - 1];
    const standalone =
      child.annotations.length === 1 &&
      last !== undefined &&
      child.text.charAt(last.open - 1) === '\n' &&
      child.text.slice(last.close + 1).replace(/[。；\s]/gu, '') === '';
    if (standalone && last && run.length > 0) {
      for (const sibling of run)
        sibling.annotations.push({ ...last, open: sibling.text.length, close: sibling.text.length });
    }
    run = [];
  }
}

export function walk(unit: Unit, fn: (u: Unit) => void): void {
  fn(unit);
  for (const c of unit.children) walk(c, fn);
}

export function hasAnnotations(unit: Unit): boolean {
  if (unit.annotations.length) return true;
  return unit.children.some(hasAnnotations);
}

/** The unit's own text is its heading, a title without a full stop closed by its only annotation. */
export function headingCarriesAnnotation(unit: Unit): boolean {
  const only = unit.annotations.length === 1 ? unit.annotations[0] : undefined;
  if (!only || only.open > LIMITS.sectionHeadingAnnotated) return false;
  return (
    !/[。；！\n]/u.test(unit.text.slice(0, only.open)) && /^[。；\s]*$/u.test(unit.text.slice(only.close + 1))
  );
}

/**
 * The paragraphs of the unit tree, in document order, for the body lines the tree was built from (`lines`): the
 * paragraphs joinParagraphs gives for those lines in a hard-wrapped layout, since buildUnits breaks a unit's text
 * at the same boundaries (a heading, or a short finished line). Slices of the unit texts: the body is not joined a
 * second time. Each paragraph's line is its first line (the piece starting where the paragraph does).
 */
export function unitParagraphs(root: Unit, lines: readonly BodyLine[]): BodyLine[] {
  const out: BodyLine[] = [];
  // Units hold consecutive runs of `lines` in preorder: the first line of a unit follows the last of the one before.
  let firstLine = 0;
  const visit = (unit: Unit): void => {
    const { text, pieces } = unit;
    let piece = 0;
    for (let start = 0; start < text.length;) {
      const newline = text.indexOf('\n', start);
      const end = newline === -1 ? text.length : newline;
      while (piece + 2 < pieces.length && (pieces[piece + 2] ?? 0) <= start) piece += 2;
      const line = lines[firstLine + piece / 2];
      out.push({
        no: line?.no ?? unit.line,
        text: text.slice(start, end),
        pageStart: line?.pageStart ?? false,
      });
      start = end + 1;
    }
    firstLine += pieces.length / 2;
    for (const child of unit.children) visit(child);
  };
  visit(root);
  return out;
}

export function subtreeText(unit: Unit): string {
  let t = unit.text;
  for (const c of unit.children) t += `\n${subtreeText(c)}`;
  return t;
}

/**
 * Numbered items that gave no measure although the document is annotated: leaves without an annotation of their
 * own or one to inherit (`（二）开展排查。市安委会各成员单位按照职责分工，组织开展…。` between two annotated items).
 * Their duties are given in sentences; measures.ts hands their lines (physical line numbers) to the prose reader.
 */
export function unreadItems(root: Unit, measures: readonly ExtractedMeasure[]): number[][] {
  if (measures.length === 0) return [];
  const emitted = new Set(measures.map((m) => m.line));
  const out: number[][] = [];
  walk(root, (unit) => {
    if (unit.type === null || unit.children.length > 0 || unit.annotations.length > 0) return;
    if (emitted.has(unit.line)) return;
    const nos: number[] = [];
    for (let i = 1; i < unit.pieces.length; i += 2) nos.push(unit.pieces[i] ?? 0);
    out.push(nos);
  });
  return out;
}
