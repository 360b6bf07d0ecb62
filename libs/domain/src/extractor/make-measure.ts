import { matchHeading as matchHeadingImported } from './headings';
import type { ExtractorParsers } from './parsers';
import { LIMITS as LIMITSImported } from './thresholds';
import type { ExtractedMeasure, MeasureOrigin, ParsedDeadline, ParsedResponsibility } from './types';

// Module-local copies of imports used per line, sentence or unit: under tsx every use of an import is a getter call.
const matchHeading = matchHeadingImported;
const LIMITS = LIMITSImported;

/**
 * The bottom of the extractor: every layout handler builds its measures here, so no two stages import each
 * other (layout handlers → make-measure → parsers/types).
 */

/** Lead phrase: a short opening sentence (…。) or, failing that, the first clause. */
export function leadPhrase(text: string): string {
  let t = text.replace(/^\n+/, '');
  const h = matchHeading(t);
  if (h) t = h.rest;
  // Up to the first line break without split(), which would read the whole text.
  const newline = t.indexOf('\n');
  const firstPara = newline === -1 ? t : t.slice(0, newline);
  const stop = firstPara.indexOf('。');
  if (stop > 0 && stop <= LIMITS.titleChars) return firstPara.slice(0, stop);
  if (stop === -1 && firstPara.length <= LIMITS.titleChars && !firstPara.startsWith('（'))
    return firstPara.replace(/[；：]$/, '');
  const clause = (/^[^，；。：\n]+/.exec(firstPara.replace(/^（[^）]*）/, ''))?.[0] ?? firstPara).slice(
    0,
    80,
  );
  // A clause cut inside its annotation (`加快发展现代产业（牵头单位：…；配合单位：…）` stops at the label's colon)
  // ends before that bracket, never on a dangling `（牵头单位`.
  const open = clause.lastIndexOf('（');
  return open > 0 && clause.indexOf('）', open) === -1 ? clause.slice(0, open) : clause;
}

export interface MeasureContext {
  parsers: ExtractorParsers;
  documentYear: number | null;
  measures: ExtractedMeasure[];
  keys: Set<string>;
  /** The body a prose duty's `我局` / `我们` stands for (prose-pronouns.ts); names as written without it. */
  speaker?: (name: string) => string;
}

function uniqueKey(ctx: MeasureContext, key: string): string {
  let k = key;
  for (let n = 2; ctx.keys.has(k); n++) k = `${key}~${n}`;
  ctx.keys.add(k);
  return k;
}

/** The canonical names of `names`; the unknown ones are added to `unknown` (once each). */
function canonicalNames(ctx: MeasureContext, names: readonly string[], unknown: string[]): string[] {
  // A module-level function, not a closure per measure: tsx's keepNames makes every closure cost a
  // defineProperty call.
  return names.map((name) => {
    const res = ctx.parsers.resolveDepartment(name);
    if (!res.known && !unknown.includes(name)) unknown.push(name);
    return res.canonical ?? name;
  });
}

export function makeMeasure(
  ctx: MeasureContext,
  init: {
    key: string;
    parentKey: string | null;
    path: string[];
    line: number;
    origin: MeasureOrigin;
    text: string;
    title?: string;
    responsibility: ParsedResponsibility | null;
    deadline: ParsedDeadline | null;
    checklist?: string[];
    basis?: 'prose';
  },
): ExtractedMeasure {
  const r = init.responsibility;
  const lead = r?.lead ?? [];
  const participants = r?.participants ?? [];
  const unknown: string[] = [];
  const text = init.text.replace(/\n+/g, '').trim();
  return {
    key: uniqueKey(ctx, init.key),
    parentKey: init.parentKey,
    path: init.path,
    line: init.line,
    origin: init.origin,
    title: init.title ?? leadPhrase(init.text),
    text,
    lead: [...lead],
    participants: [...participants],
    joint: r?.joint ?? false,
    leadCanonical: canonicalNames(ctx, lead, unknown),
    participantsCanonical: canonicalNames(ctx, participants, unknown),
    unknownDepartments: unknown,
    deadline: init.deadline?.deadline ?? null,
    deadlineText: init.deadline?.deadlineText ?? null,
    deadlineKind: init.deadline?.deadlineKind ?? null,
    milestones: init.deadline?.milestones ? [...init.deadline.milestones] : [],
    period: init.deadline?.period ?? null,
    checklist: init.checklist ?? [],
    ...(init.basis ? { basis: init.basis } : {}),
  };
}
