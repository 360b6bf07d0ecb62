/**
 * Scoring of extractor output against gold documents (corpus fixtures and the external sets): matching,
 * per-field comparison and the printed report. Used by accuracy.spec.ts.
 */
import type { ExtractedDocument, ExtractedMeasure, ExtractionResult } from '../../src/index';
import { type GoldDocument, type GoldMeasure, normaliseName, normaliseText } from './gold';

/** Mismatch lines printed in the report; the counts always cover everything. */
const MAX_REPORTED_MISMATCHES = 150;

/** Fields scored for `exact`; milestones and period are reported beside them. */
export type Field = 'lead' | 'participants' | 'deadline';

export interface MeasureOutcome {
  gold: GoldMeasure;
  found: ExtractedMeasure | null;
  /** Fields among lead/participants/deadline that differ. */
  wrong: Field[];
  /** Informational only: joint flag or deadline kind differ. */
  jointDiffers: boolean;
  kindDiffers: boolean;
  /** Milestone dates differ (only where the gold labels milestones, or in external sets). */
  milestonesDiffer: boolean;
  /** Recurrence period differs (recurring measures). */
  periodDiffers: boolean;
}

export interface DocumentOutcome {
  gold: GoldDocument;
  extracted: ExtractedDocument | null;
  measures: MeasureOutcome[];
  /**
   * Extracted measures that answer no gold measure, counted only where every measure of the document is labelled
   * (labelled = measureCount): each is a task the user would have to drop (or a span split differently).
   */
  unmatched: ExtractedMeasure[];
}

// 第X条 too: a rule's article number, which measure texts drop like an item enumerator (heldout-15 sz/nn, heldout-11 cc).
const ENUMERATOR = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、]|（\d+）|[①-⑳]|第[一二三四五六七八九十百零〇]+条)/u;

function stripEnumerator(text: string): string {
  return text.replace(ENUMERATOR, '');
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a.map(normaliseName));
  const right = new Set(b.map(normaliseName));
  return left.size === right.size && [...left].every((name) => right.has(name));
}

function docKey(value: string | null): string {
  return value === null
    ? ''
    : normaliseText(value)
        .replace(/[[［]/gu, '〔')
        .replace(/[\]］]/gu, '〕');
}

/** The copy of the document that the gold file labels: same 文号 (else title), covering the labelled lines. */
export function findDocument(gold: GoldDocument, result: ExtractionResult): ExtractedDocument | null {
  const file = result.files.find(
    (f) => f.file === gold.file || f.file.endsWith(gold.file.split('/').pop() ?? ''),
  );
  if (!file) return null;
  const firstLine = gold.startLine ?? Math.min(...gold.measures.map((m) => m.line));
  const byNumber = file.documents.filter((d) => docKey(d.docNumber) === docKey(gold.docNumber));
  const byTitle = file.documents.filter(
    (d) => docKey(d.title).includes(docKey(gold.title)) || docKey(gold.title).includes(docKey(d.title)),
  );
  const covers = (d: ExtractedDocument) => d.startLine <= firstLine && firstLine <= d.endLine;
  // Neither 文号 nor title agrees (a page copy that starts at its addressees, a title the labeller inferred or
  // the page prints shortened): the document that covers the labelled lines is the one labelled.
  const candidates = byNumber.length > 0 ? byNumber : byTitle.length > 0 ? byTitle : file.documents.filter(covers);
  return candidates.find(covers) ?? candidates[0] ?? null;
}

/**
 * Anchor match: the measure text (enumerator stripped) starts with the anchor, failing that contains it;
 * table/field rows are matched among measures of the same origin first, and a table row by its line when its anchor
 * spans cells the text leaves out. Each extracted measure answers
 * at most one gold measure, so an unsplit sentence-level span counts as missing, not as found twice.
 */
function matchMeasure(
  gold: GoldMeasure,
  measures: readonly ExtractedMeasure[],
  used: Set<ExtractedMeasure>,
): ExtractedMeasure | null {
  const pools =
    gold.origin === undefined ? [measures] : [measures.filter((m) => m.origin === gold.origin), measures];
  // Nearest unused candidate; when only used ones match, the span was not split off: missing.
  const pick = (list: ExtractedMeasure[]): ExtractedMeasure | null | undefined => {
    if (list.length === 0) return undefined;
    const free = list.filter((m) => !used.has(m));
    return free.sort((a, b) => Math.abs(a.line - gold.line) - Math.abs(b.line - gold.line))[0] ?? null;
  };
  // The anchor is compared under the same normalisation as the text (labels copy ASCII punctuation as stored).
  // A label may copy the item's enumerator (`一、加强统筹协调。`) that the measure text drops: compared without it.
  const anchor = stripEnumerator(normaliseText(gold.anchor));
  for (const pool of pools) {
    const texts = pool.map((m) => ({ m, text: normaliseText(m.text) }));
    const starts = texts.filter(
      ({ text }) => text.startsWith(anchor) || stripEnumerator(text).startsWith(anchor),
    );
    const byStart = pick(starts.map(({ m }) => m));
    const best =
      byStart !== undefined
        ? byStart
        : pick(texts.filter(({ text }) => text.includes(anchor)).map(({ m }) => m));
    if (best !== undefined) return best;
  }
  // A table row's anchor may copy cells the measure text leaves out (the unit cell before the task, a time cell after
  // it): the unused table measure of the row the anchor starts on answers it.
  return measures.find((m) => m.origin === 'table' && m.line === gold.line && !used.has(m)) ?? null;
}

function milestoneDates(list: readonly { date: string }[] | undefined): string {
  return (list ?? []).map((m) => m.date).sort().join(',');
}

/** `external`: absent gold milestones mean none; in the corpus fixtures (labelled before issue 10) they mean unlabelled. */
export function compare(doc: GoldDocument, extracted: ExtractedDocument | null, external = false): DocumentOutcome {
  const used = new Set<ExtractedMeasure>();
  const measures = doc.measures.map((gold): MeasureOutcome => {
    const found = extracted ? matchMeasure(gold, extracted.measures, used) : null;
    if (!found)
      return { gold, found, wrong: [], jointDiffers: false, kindDiffers: false, milestonesDiffer: false, periodDiffers: false };
    used.add(found);
    const wrong: Field[] = [];
    if (!sameSet(gold.lead, found.lead)) wrong.push('lead');
    if (!sameSet(gold.participants, found.participants)) wrong.push('participants');
    if (gold.deadline !== found.deadline) wrong.push('deadline');
    return {
      gold,
      found,
      wrong,
      jointDiffers: gold.joint !== found.joint,
      kindDiffers: gold.deadlineKind !== found.deadlineKind,
      milestonesDiffer:
        (external || gold.milestones !== undefined) &&
        milestoneDates(gold.milestones) !== milestoneDates(found.milestones),
      periodDiffers:
        (gold.deadlineKind === 'recurring' || found.deadlineKind === 'recurring') &&
        (gold.period ?? null) !== (found.period ?? null),
    };
  });
  const fullyLabelled = doc.measures.length === doc.measureCount;
  const unmatched = fullyLabelled && extracted ? extracted.measures.filter((m) => !used.has(m)) : [];
  return { gold: doc, extracted, measures, unmatched };
}

function list(names: readonly string[]): string {
  return names.length === 0 ? '—' : names.join('、');
}

export function describeMismatch(doc: GoldDocument, o: MeasureOutcome): string {
  const at = `${doc.id} L${o.gold.line} ${o.gold.anchor}`;
  if (!o.found) return `${at}: NOT FOUND`;
  const parts = o.wrong.map((field) => {
    switch (field) {
      case 'lead':
        return `lead ${list(o.gold.lead)} ≠ ${list(o.found?.lead ?? [])}`;
      case 'participants':
        return `participants ${list(o.gold.participants)} ≠ ${list(o.found?.participants ?? [])}`;
      case 'deadline':
        return `deadline ${o.gold.deadline ?? 'null'} ≠ ${o.found?.deadline ?? 'null'}`;
    }
  });
  if (o.milestonesDiffer) {
    const dates = (l: readonly { date: string }[] | undefined) => (l ?? []).map((m) => m.date).join(',') || '—';
    parts.push(`milestones ${dates(o.gold.milestones)} ≠ ${dates(o.found.milestones)}`);
  }
  if (o.periodDiffers) parts.push(`period ${o.gold.period ?? '—'} ≠ ${o.found.period ?? '—'}`);
  return `${at} (extracted L${o.found.line}): ${parts.join('; ')}`;
}

export function report(outcomes: readonly DocumentOutcome[]): string {
  const rows = outcomes.map(({ gold, extracted, measures }) => {
    const found = measures.filter((o) => o.found).length;
    const exact = measures.filter((o) => o.found && o.wrong.length === 0).length;
    return {
      doc: gold.id,
      docNumber: gold.docNumber,
      located: extracted ? `L${extracted.startLine}–${extracted.endLine}` : 'MISSING',
      expected: measures.length,
      goldCount: gold.measureCount,
      extractedCount: extracted?.measures.length ?? 0,
      found,
      exact,
      joint: measures.filter((o) => o.jointDiffers).length,
      kind: measures.filter((o) => o.kindDiffers).length,
      steps: measures.filter((o) => o.milestonesDiffer || o.periodDiffers).length,
      level: gold.level,
    };
  });
  const header =
    'doc        level      文号                  located         gold(labelled/count) extracted found exact  jointΔ kindΔ stepΔ';
  const lines = rows.map((r) =>
    [
      r.doc.padEnd(10),
      r.level.padEnd(10),
      r.docNumber.padEnd(20),
      r.located.padEnd(15),
      `${r.expected}/${r.goldCount}`.padStart(20),
      String(r.extractedCount).padStart(9),
      String(r.found).padStart(5),
      String(r.exact).padStart(5),
      String(r.joint).padStart(7),
      String(r.kind).padStart(5),
      String(r.steps).padStart(5),
    ].join(' '),
  );
  const mismatches = outcomes.flatMap(({ gold, measures }) =>
    measures
      .filter((o) => !o.found || o.wrong.length > 0 || o.milestonesDiffer || o.periodDiffers)
      .map((o) => describeMismatch(gold, o)),
  );
  const extra = outcomes.flatMap(({ gold, unmatched }) =>
    unmatched.map((m) => `${gold.id} L${m.line} ${m.title.slice(0, 30)}: MATCHES NO LABEL (${list(m.lead)})`),
  );
  mismatches.push(...extra);
  const shown = mismatches.slice(0, MAX_REPORTED_MISMATCHES);
  const more = mismatches.length > shown.length ? [`… and ${mismatches.length - shown.length} more`] : [];
  return [header, ...lines, '', `mismatches (${mismatches.length}):`, ...shown, ...more].join('\n');
}

export interface Totals {
  labelled: number;
  found: number;
  exact: number;
  /** Exact and milestones/period agree too. */
  exactWithSteps: number;
  /** Extracted measures of fully labelled documents, and those among them that answer no gold measure. */
  extracted: number;
  unmatched: number;
}

export function totals(outcomes: readonly DocumentOutcome[]): Totals {
  const all = outcomes.flatMap((o) => o.measures);
  const exact = all.filter((o) => o.found && o.wrong.length === 0);
  return {
    labelled: all.length,
    found: all.filter((o) => o.found).length,
    exact: exact.length,
    exactWithSteps: exact.filter((o) => !o.milestonesDiffer && !o.periodDiffers).length,
    extracted: outcomes
      .filter((o) => o.gold.measures.length === o.gold.measureCount)
      .reduce((n, o) => n + (o.extracted?.measures.length ?? 0), 0),
    unmatched: outcomes.reduce((n, o) => n + o.unmatched.length, 0),
  };
}

export function formatTotals(name: string, t: Totals): string {
  const pct = (n: number) => (t.labelled === 0 ? '—' : `${((n / t.labelled) * 100).toFixed(1)}%`);
  return (
    `${name}: ${t.labelled} labelled, ${t.found} found (${pct(t.found)}), ${t.exact} exact (${pct(t.exact)}), ` +
    `${t.exactWithSteps} exact with milestones/period (${pct(t.exactWithSteps)}); ` +
    `${t.unmatched} of ${t.extracted} extracted match no label`
  );
}
