import type { AnnotationOptions } from './annotation';
import { matchHeading as matchHeadingImported } from './headings';
import { makeMeasure as makeMeasureImported } from './make-measure';
import type { MeasureContext as Context } from './make-measure';
import { findBrackets as findBracketsImported } from './brackets';
import { brokenMidSentence, joinBrokenLines } from './broken-lines';
import { labelledLinesAsBrackets } from './inline-labels';
import { splitLineItems as splitItems } from './run-on-items';
import { sentenceAnnotations } from './inline-sentences';
import type { SentenceSpan } from './inline-sentences';
import type { DocumentSpan } from './segment';
import { CHAR_ANY as CHAR_ANYImported, CHAR_SQUARE as CHAR_SQUAREImported } from './text';
import type { BodyLine, Line, PreparedText } from './text';
import { LIMITS as LIMITSImported } from './thresholds';
import {
  hasAnnotations as hasAnnotationsImported,
  headingCarriesAnnotation,
  lineAt,
  shareTrailingGroupAnnotations,
  subtreeText,
  unreadItems,
  walk,
} from './inline-units';
import type { Annotation, Unit } from './inline-units';
// Module-local copies of imports used per line, sentence or unit: under tsx every use of an import is a getter call.
const [matchHeading, LIMITS, findBrackets] = [matchHeadingImported, LIMITSImported, findBracketsImported];
const [hasAnnotations, makeMeasure, lineItems] = [hasAnnotationsImported, makeMeasureImported, splitItems];
const [CHAR_ANY, CHAR_SQUARE] = [CHAR_ANYImported, CHAR_SQUAREImported];

/**
 * The inline layout: the document's headings as a tree of units, bracket annotations (and role-label lines
 * turned into brackets) found in each unit, one measure per annotated span; unannotated children inherit an
 * opening group annotation, and unannotated siblings a trailing one on a paragraph of its own.
 */

export type { BodyLine } from './text';
export { joinBrokenLines };

// "（2021年12月底前完成）" (001-034): a deadline-only bracket makes its item a measure without departments.
const DEADLINE_ONLY =
  /^\d{4}年\d{1,2}月(?:底|末|中|上旬|中旬|下旬)?(?:前|以前)?(?:完成|出台|实施|建成|启动)?$/;
const MAYBE_RESPONSIBILITY = /[部委局署办会行社司院组室股]|政府|部门|单位|牵头|负责/;
/** A line ending in 。！？；：）” finished its sentence (its last char code: an end-anchored regex tries every position). */
function endsTerminal(text: string): boolean {
  const c = text.charCodeAt(text.length - 1);
  return (
    c === 0x3002 ||
    c === 0xff01 ||
    c === 0xff1f ||
    c === 0xff1b ||
    c === 0xff1a ||
    c === 0xff09 ||
    c === 0x201d
  );
}
/** A line ending in ，、“（《— runs on into the next. */
function endsIncomplete(text: string): boolean {
  const c = text.charCodeAt(text.length - 1);
  return c === 0xff0c || c === 0x3001 || c === 0x201c || c === 0xff08 || c === 0x300a || c === 0x2014;
}
const SCRAMBLED_TAIL = /^(.+?)(（[一二三四五六七八九十]{1,3}）)$/;
const endsInCloseParen = (text: string): boolean => text.charCodeAt(text.length - 1) === 0xff09;
const ANNOTATION_END = /(?:负责|参与|参加|牵头)[^（）]*）$/;

function bodyLines(
  prepared: PreparedText,
  from: number,
  to: number,
  skip: (i: number) => boolean,
): BodyLine[] {
  const out: BodyLine[] = [];
  let pending: BodyLine | null = null;
  for (let i = from; i <= to; i++) {
    const l: Line | undefined = prepared.lines[i];
    if (!l || l.kind !== 'text' || skip(i)) continue;
    // 003-01 L265: "（二）heading…（一）" — （一） was printed after the start of （二）; （二） resumes after （一）'s annotation.
    // SCRAMBLED_TAIL ends in ）: its lazy head is tried only on lines that do.
    const m = endsInCloseParen(l.text) && matchHeading(l.text) ? SCRAMBLED_TAIL.exec(l.text) : null;
    if (m && matchHeading(m[2] ?? '') && pending === null) {
      out.push({ no: l.no, text: m[2] ?? '', pageStart: l.pageStart });
      pending = { no: l.no, text: m[1] ?? '', pageStart: false };
      continue;
    }
    const items = lineItems(l); // null: the Line (a BodyLine) is pushed as it is, no array made for it
    if (items) out.push(...items);
    else out.push(l);
    if (pending && ANNOTATION_END.test(l.text)) {
      out.push(pending);
      pending = null;
    }
  }
  if (pending) out.push(pending);
  return out;
}

function buildUnits(lines: readonly BodyLine[], prepared: PreparedText): Unit {
  const root: Unit = {
    path: [],
    type: null,
    line: lines[0]?.no ?? 0,
    text: '',
    pieces: [],
    chars: 0,
    children: [],
    annotations: [],
  };
  const stack: Unit[] = [root];
  let current = root;
  // The current unit's text is collected and joined once when the next unit opens: one flat string instead of a
  // chain of concatenations that the bracket scan would have to flatten again.
  let parts: string[] = [];
  let length = 0;
  const finish = (): void => {
    current.text = parts.join('');
  };
  let prevText = '';
  const shortLimit = prepared.width * LIMITS.shortLineRatio;
  for (const l of lines) {
    const heading = matchHeading(l.text);
    if (heading) {
      // Levels follow the order in which enumerator types first appear in the document.
      // A loop, not findIndex: under tsx's keepNames every arrow made here (once per heading) is wrapped.
      let depth = 1;
      while (depth < stack.length && stack[depth]?.type !== heading.type) depth++;
      if (depth < stack.length) stack.length = depth; // the length setter is a runtime call: only when it cuts
      const parent = stack[depth - 1] ?? root;
      const unit: Unit = {
        path: [...parent.path, heading.label],
        type: heading.type,
        line: l.no,
        text: '',
        pieces: [],
        chars: 0,
        children: [],
        annotations: [],
      };
      parent.children.push(unit);
      stack.push(unit);
      finish();
      current = unit;
      parts = [];
      length = 0;
    } else if (length > 0) {
      // Paragraph boundary: every line in plain layouts; in hard-wrapped ones only after a short finished line.
      const ended = prepared.wrapped
        ? (prevText.length < shortLimit && !endsIncomplete(prevText)) ||
          (endsTerminal(prevText) && prevText.length < prepared.width - 1)
        : !brokenMidSentence(prevText, l.text);
      if (ended) {
        parts.push('\n');
        length++;
      }
    }
    current.pieces.push(length, l.no);
    current.chars |= l.chars ?? CHAR_ANY;
    parts.push(l.text);
    length += l.text.length;
    prevText = l.text;
  }
  finish();
  return root;
}

/**
 * The paragraphs of body lines: a heading starts one; in hard-wrapped layouts a line continues the paragraph
 * unless the one before it ended short and finished (the same rule buildUnits applies). The physical line of
 * a paragraph is its first line.
 */
export function joinParagraphs(lines: readonly BodyLine[], prepared: PreparedText): readonly BodyLine[] {
  // One paragraph per line: the lines themselves (read only, so no copy), unless the page broke one.
  if (!prepared.wrapped) return joinBrokenLines(lines);
  const out: BodyLine[] = [];
  const shortLimit = prepared.width * LIMITS.shortLineRatio;
  let prevText = '';
  // The open paragraph's lines, joined once when it closes (one flat string, no copy per line).
  let first: BodyLine | null = null;
  let parts: string[] = [];
  const close = () => {
    if (first)
      out.push({
        no: first.no,
        text: parts.length === 1 ? first.text : parts.join(''),
        pageStart: first.pageStart,
      });
  };
  for (const l of lines) {
    const ended =
      (prevText.length < shortLimit && !endsIncomplete(prevText)) ||
      (endsTerminal(prevText) && prevText.length < prepared.width - 1);
    if (first && !ended && !matchHeading(l.text)) parts.push(l.text);
    else {
      close();
      first = l;
      parts = [l.text];
    }
    prevText = l.text;
  }
  close();
  return out;
}

function deadlineOf(ctx: Context, ann: Annotation | undefined, text: string) {
  if (ann?.deadline) return ann.deadline;
  const flat = text.includes('\n') ? text.replace(/\n/g, '') : text;
  return ctx.parsers.findDeadline(flat, { documentYear: ctx.documentYear });
}

function emitUnit(
  ctx: Context,
  unit: Unit,
  inherited: { ann: Annotation; parentKey: string; text: string } | null,
): void {
  const key = unit.path.join('/');
  const anns = unit.annotations;
  const childrenAnnotated = unit.children.some(hasAnnotations);

  if (anns.length === 0) {
    if (inherited && !childrenAnnotated) {
      const text = subtreeText(unit);
      ctx.measures.push(
        makeMeasure(ctx, {
          key,
          parentKey: inherited.parentKey,
          path: unit.path,
          line: unit.line,
          origin: 'inline',
          text,
          responsibility: inherited.ann.responsibility,
          deadline: deadlineOf(ctx, undefined, text) ?? deadlineOf(ctx, inherited.ann, inherited.text),
        }),
      );
      return;
    }
    for (const c of unit.children) emitUnit(ctx, c, hasAnnotations(c) ? null : inherited);
    return;
  }

  // Opening annotation over unannotated numbered children: each child inherits it; the section is their parent.
  // A title-like heading carrying the section's only annotation (`一、强化创新驱动（牵头单位：市科技局）`) is inherited by
  // the children without their own even when some have one.
  const last = anns[anns.length - 1];
  if (last && unit.children.length > 0 && (!childrenAnnotated || headingCarriesAnnotation(unit))) {
    for (const c of unit.children)
      emitUnit(ctx, c, hasAnnotations(c) ? null : { ann: last, parentKey: key, text: unit.text });
    return;
  }

  // One measure per annotated span (the text since the previous annotation). The rest of the last annotation's
  // paragraph joins it; later unannotated paragraphs are closing text (…加强督促检查…), not part of the measure.
  // A short title-like heading that carries the section's only annotation (`一、强化科技创新（区科技局牵头）`) over a
  // leaf section: the annotation is the section's, so its paragraphs below join the measure. (An item sentence
  // closed by its annotation, `三十、对…实行“免督查”。（…负责）`, keeps the closing paragraphs after it out.)
  const only = anns.length === 1 ? anns[0] : undefined;
  const headingOnly =
    only !== undefined &&
    unit.children.length === 0 &&
    only.open <= LIMITS.sectionHeadingAnnotated &&
    unit.text.indexOf('\n') === only.close + 1 &&
    !/[。；！]/u.test(unit.text.slice(0, only.open));
  let from = 0;
  const spans: { start: number; end: number; ann: Annotation }[] = [];
  anns.forEach((ann, i) => {
    const paragraphEnd = headingOnly ? -1 : unit.text.indexOf('\n', ann.close + 1);
    const end = i < anns.length - 1 ? ann.close + 1 : paragraphEnd === -1 ? unit.text.length : paragraphEnd;
    spans.push({ start: from, end, ann });
    from = ann.close + 1;
  });
  spans.forEach((s, i) => {
    let start = s.start;
    while (start < s.end && /[\n。；]/.test(unit.text.charAt(start))) start++;
    const text = unit.text.slice(start, s.end);
    const spanKey = spans.length === 1 ? key : `${key}#${i + 1}`;
    ctx.measures.push(
      makeMeasure(ctx, {
        key: spanKey,
        parentKey: spans.length === 1 ? null : key,
        path: unit.path,
        line: i === 0 ? unit.line : lineAt(unit, start),
        origin: 'inline',
        text: i === 0 ? unit.text.slice(0, s.end) : text,
        responsibility: s.ann.responsibility,
        deadline: deadlineOf(ctx, s.ann, text),
      }),
    );
  });
  for (const c of unit.children) emitUnit(ctx, c, null);
}

/** Items closed by an unbracketed responsibility sentence (inline-sentences.ts), in units without a bracket. */
function readResponsibilitySentences(
  root: Unit,
  parsers: Context['parsers'],
  options: AnnotationOptions,
): void {
  const units: Unit[] = [];
  walk(root, (unit) => units.push(unit));
  const read = (s: SentenceSpan): Annotation | null => {
    const responsibility = parsers.parseBracketAnnotation(s.inner, options);
    const named = responsibility && responsibility.lead.length + responsibility.participants.length > 0;
    return named ? { ...s, responsibility, deadline: null } : null;
  };
  for (const { unit, annotation } of sentenceAnnotations(units, read, LIMITS.maxBracketChars))
    unit.annotations.push(annotation);
}

/**
 * Inline measures of the lines not claimed by another layout; returns the body lines it read, the numbered
 * items among them that gave no measure (unreadItems) and the unit tree (its paragraphs: unitParagraphs).
 */
export function extractInline(
  ctx: Context,
  prepared: PreparedText,
  span: DocumentSpan,
  claimed: (i: number) => boolean,
  options: AnnotationOptions,
): { lines: BodyLine[]; unread: number[][]; units: Unit } {
  const { parsers, documentYear } = ctx;
  const lines = labelledLinesAsBrackets(bodyLines(prepared, span.bodyStart, span.end, claimed));
  const root = buildUnits(lines, prepared);
  // Annotations are parsed in document order: a 下同 lead convention holds from its annotation to the document end.
  walk(root, (unit) => {
    for (const b of findBrackets(unit.text, (unit.chars & CHAR_SQUARE) !== 0)) {
      const raw = unit.text.slice(b.open + 1, b.close);
      // Most brackets stay on one line: the replace runs only for those a line break crosses.
      const inner = raw.includes('\n') ? raw.replace(/\n/g, '') : raw;
      if (DEADLINE_ONLY.test(inner)) {
        const deadline = parsers.parseDeadlineCell(inner, { documentYear });
        unit.annotations.push({ open: b.open, close: b.close, inner, responsibility: null, deadline });
        continue;
      }
      // Cheap screen before the full parser: every responsibility names a unit (部/委/局/…/政府/部门) or a verb.
      if (!MAYBE_RESPONSIBILITY.test(inner)) continue;
      const responsibility = parsers.parseBracketAnnotation(inner, options);
      if (responsibility?.declaresFirstIsLead) options.firstIsLead = true;
      // A bracket only declaring the lead convention (`（列第一位者为工作牵头单位）`) assigns nothing itself.
      const assigns =
        responsibility &&
        (responsibility.lead.length + responsibility.participants.length > 0 ||
          responsibility.deadlineText !== undefined);
      if (responsibility && assigns) {
        const deadline =
          responsibility.deadlineText !== undefined
            ? parsers.parseDeadlineCell(responsibility.deadlineText, { documentYear })
            : null;
        unit.annotations.push({ open: b.open, close: b.close, inner, responsibility, deadline });
      }
    }
  });
  readResponsibilitySentences(root, parsers, options);
  shareTrailingGroupAnnotations(root);
  const before = ctx.measures.length;
  emitUnit(ctx, root, null);
  return { lines, unread: unreadItems(root, ctx.measures.slice(before)), units: root };
}
