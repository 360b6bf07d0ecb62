import type { AnnotationOptions } from './annotation';
import { matchHeading as matchHeadingImported } from './headings';
import type { HeadingType } from './headings';
import { makeMeasure } from './make-measure';
import type { MeasureContext } from './make-measure';
import { carriesDeadlineField, namesNoParty, roleOfLabel, startsWithRoleLabel } from './roles';
import { LIMITS as LIMITSImported } from './thresholds';
import { CHAR_COLON, mayContain } from './text';
import type { Line, PreparedText } from './text';

// Module-local copies of imports used per line, sentence or unit: under tsx every use of an import is a getter call.
const matchHeading = matchHeadingImported;
const LIMITS = LIMITSImported;

// Local copies of the text.ts imports in the per-line class test: under tsx every use of an import is a getter
// call.
const lineMayContain = mayContain;
const COLON_CLASS = CHAR_COLON;

/**
 * Labelled-field blocks (001-078): a heading, `行动内容：` with numbered items, then `时间节点：…` and
 * `责任部门：…` for the whole block. ONE measure per block, the unit that carries the responsibility; its
 * numbered items are its checklist.
 */

const CONTENT_LABEL = /^(?:行动内容|工作内容|主要内容|具体内容|工作措施|具体措施|主要措施|任务内容)：/u;
const LABEL_NAME = /^([^：]{2,6})：/u;
/**
 * A bracket closing on a party or a role word (`（A牵头，B配合）`, `（A、B，各区人民政府）`): an item that carries
 * its own annotation is no item of a labelled-field block.
 */
const ITEM_ANNOTATION =
  /[（(][^（()）]{3,160}(?:负责|牵头|配合|参与|落实|单位|部门|局|委|厅|办|政府|[市县区])[)）]/u;

export interface FieldRegion {
  /** Line index of the block heading (or of the content label when no heading precedes it). */
  start: number;
  end: number;
}

function isRoleLine(text: string): 'party' | 'deadline' | null {
  if (!startsWithRoleLabel(text)) return null;
  const label = LABEL_NAME.exec(text)?.[1] ?? '';
  const role = roleOfLabel(label);
  return role === 'deadline' ? 'deadline' : role !== null && namesNoParty(role) ? null : 'party';
}

interface Run {
  start: number;
  end: number;
}

/** Runs of role-label lines (with the wrapped continuation of their last value). */
function labelRuns(prepared: PreparedText, from: number, to: number): Run[] {
  const lines = prepared.lines;
  const runs: Run[] = [];
  let run: Run | null = null;
  for (let i = from; i <= to; i++) {
    const l = lines[i];
    if (!l || l.kind !== 'text') continue;
    if (lineMayContain(l, COLON_CLASS) && l.text.length <= LIMITS.maxLabelLineChars && isRoleLine(l.text)) {
      if (run) run.end = i;
      else runs.push((run = { start: i, end: i }));
      continue;
    }
    // A value wrapped onto the next line continues the run until it ends in 。 (hard-wrapped layouts).
    const last = run ? lines[run.end] : undefined;
    if (run && last && prepared.wrapped && !/[。；]$/u.test(last.text) && !matchHeading(l.text)) {
      run.end = i;
      continue;
    }
    run = null;
  }
  return runs;
}

/**
 * Blocks whose label run closes a heading with numbered children: `（四）…` `15．…` … `19．…` `时间节点：…`
 * `责任单位：…` then `（五）`. The run belongs to the heading at the level of the next heading after it (its
 * sibling), or to the heading before a `行动内容：` label. Runs that close the last heading alone are inline.
 */
export function findFieldRegions(prepared: PreparedText, from: number, to: number): FieldRegion[] {
  const lines = prepared.lines;
  const runs = labelRuns(prepared, from, to);
  if (runs.length === 0) return [];
  const regions: FieldRegion[] = [];
  let previousEnd = from - 1;
  let previousType: HeadingType | null = null;
  runs.forEach((run, r) => {
    const headings: { index: number; type: HeadingType }[] = [];
    let content = -1;
    for (let i = previousEnd + 1; i < run.start; i++) {
      const l = lines[i];
      if (!l || l.kind !== 'text') continue;
      const h = matchHeading(l.text);
      if (h) headings.push({ index: i, type: h.type });
      else if (content === -1 && CONTENT_LABEL.test(l.text)) content = i;
    }
    previousEnd = run.end;
    if (headings.length === 0) return;
    // A block names both its parties and its time (时间节点 + 责任部门), or opens with 行动内容：; a lone
    // 责任单位： after numbered items is a group annotation that the items inherit (inline).
    let party = false;
    let time = false;
    for (let i = run.start; i <= run.end; i++) {
      const text = lines[i]?.text ?? '';
      const role = isRoleLine(text);
      if (role === 'party') party = true;
      if (role === 'party' && carriesDeadlineField(text)) time = true;
      if (role === 'deadline') time = true;
    }
    if (content === -1 && !(party && time)) return;
    let nextType: HeadingType | null = null;
    const limit = runs[r + 1]?.start ?? to + 1;
    for (let i = run.end + 1; i < limit && nextType === null; i++) {
      const l = lines[i];
      if (l?.kind === 'text') nextType = matchHeading(l.text)?.type ?? null;
    }
    let owner: { index: number; type: HeadingType } | undefined;
    if (content !== -1) owner = [...headings].reverse().find((h) => h.index < content);
    if (!owner && nextType) owner = [...headings].reverse().find((h) => h.type === nextType);
    if (!owner && previousType) owner = [...headings].reverse().find((h) => h.type === previousType);
    const last = headings[headings.length - 1];
    if (!owner || !last) return;
    previousType = owner.type;
    if (owner === last && content === -1) return;
    // Siblings above that carry their own annotations (`1.…（A牵头）` `2.…（牵头单位：B）` `3.…` then the labels): the
    // labels are the last item's, read inline, not a block's over all of them.
    if (content === -1 && annotatedItemBetween(lines, owner.index + 1, last.index)) return;
    regions.push({ start: owner.index, end: run.end });
  });
  return regions;
}

function annotatedItemBetween(lines: readonly Line[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const text = lines[i]?.text ?? '';
    if (text.includes('）') && ITEM_ANNOTATION.test(text)) return true;
  }
  return false;
}

/** Heading path of every text line of a document body (levels in order of first appearance). */
export function headingPaths(lines: readonly Line[], from: number, to: number): Map<number, string[]> {
  const paths = new Map<number, string[]>();
  const levels: HeadingType[] = [];
  let path: string[] = [];
  for (let i = from; i <= to; i++) {
    const l = lines[i];
    if (!l || l.kind !== 'text') continue;
    const h = matchHeading(l.text);
    if (h) {
      let depth = levels.indexOf(h.type);
      if (depth === -1) depth = levels.push(h.type) - 1;
      levels.length = depth + 1;
      path = [...path.slice(0, depth), h.label];
    }
    paths.set(i, path);
  }
  return paths;
}

export function extractFieldRegion(
  ctx: MeasureContext,
  prepared: PreparedText,
  region: FieldRegion,
  paths: Map<number, string[]>,
  options: AnnotationOptions,
): void {
  const lines = prepared.lines;
  const head = lines[region.start];
  if (!head) return;
  const heading = matchHeading(head.text);
  const path = heading ? (paths.get(region.start) ?? []) : [...(paths.get(region.start) ?? []), '行动'];
  let text = '';
  const checklist: string[] = [];
  const party: string[] = [];
  let deadlineText = '';
  let collecting: 'text' | 'party' | 'deadline' = 'text';
  for (let i = region.start; i <= region.end; i++) {
    const l = lines[i];
    if (!l || l.kind !== 'text') continue;
    const role = isRoleLine(l.text);
    if (role === 'party') {
      collecting = 'party';
      party.push(l.text.replace(/[。；]$/u, ''));
      continue;
    }
    if (role === 'deadline') {
      collecting = 'deadline';
      deadlineText = l.text.replace(LABEL_NAME, '');
      continue;
    }
    if (collecting === 'party') {
      party[party.length - 1] += l.text.replace(/[。；]$/u, '');
      continue;
    }
    if (collecting === 'deadline') {
      deadlineText += l.text;
      continue;
    }
    const h = i === region.start ? null : matchHeading(l.text);
    if (h?.type === 'num' || h?.type === 'numParen' || h?.type === 'circled') checklist.push(h.rest);
    else if (checklist.length > 0 && !CONTENT_LABEL.test(l.text)) checklist[checklist.length - 1] += l.text;
    text += l.text;
  }
  const responsibility = ctx.parsers.parseResponsibilityField(party.join('；'), options);
  const deadline = deadlineText
    ? ctx.parsers.parseDeadlineCell(deadlineText, { documentYear: ctx.documentYear })
    : null;
  ctx.measures.push(
    makeMeasure(ctx, {
      key: path.join('/'),
      parentKey: path.length > 1 ? path.slice(0, -1).join('/') : null,
      path,
      line: head.no,
      origin: 'field',
      text,
      responsibility,
      deadline,
      checklist,
    }),
  );
}
