// Accuracy of the extractor against the hand-labelled gold fixtures in ./gold (labelled by reading the
// corpus). Prints a per-document report and the mismatches, then holds the extractor to the thresholds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { ExtractedDocument, ExtractedMeasure, ExtractionResult } from '../src/index';
import { extractFiles } from '../src/index';
import {
  type GoldDocument,
  type GoldMeasure,
  loadGoldDocuments,
  normaliseName,
  normaliseText,
  REPO_ROOT,
} from './gold/gold';

/** Share of gold measures that must be found in the extraction (every one). */
const MIN_FOUND_RATIO = 1;
/** Share of gold measures whose lead set, participant set and deadline must match exactly. */
const MIN_EXACT_RATIO = 0.98;
/** Mismatch lines printed in the report; the counts always cover everything. */
const MAX_REPORTED_MISMATCHES = 150;
/** Measures the extractor may report in gold documents that carry no responsibility at all. */
const MAX_MEASURES_WITHOUT_RESPONSIBILITY = 0;

type Field = 'lead' | 'participants' | 'deadline';

interface MeasureOutcome {
  gold: GoldMeasure;
  found: ExtractedMeasure | null;
  /** Fields among lead/participants/deadline that differ. */
  wrong: Field[];
  /** Informational only: joint flag or deadline kind differ. */
  jointDiffers: boolean;
  kindDiffers: boolean;
}

interface DocumentOutcome {
  gold: GoldDocument;
  extracted: ExtractedDocument | null;
  measures: MeasureOutcome[];
}

const ENUMERATOR = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、]|（\d+）|[①-⑳])/u;

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
function findDocument(gold: GoldDocument, result: ExtractionResult): ExtractedDocument | null {
  const file = result.files.find(
    (f) => f.file === gold.file || f.file.endsWith(gold.file.split('/').pop() ?? ''),
  );
  if (!file) return null;
  const firstLine = gold.startLine ?? Math.min(...gold.measures.map((m) => m.line));
  const byNumber = file.documents.filter((d) => docKey(d.docNumber) === docKey(gold.docNumber));
  const byTitle = file.documents.filter(
    (d) => docKey(d.title).includes(docKey(gold.title)) || docKey(gold.title).includes(docKey(d.title)),
  );
  const candidates = byNumber.length > 0 ? byNumber : byTitle;
  return candidates.find((d) => d.startLine <= firstLine && firstLine <= d.endLine) ?? candidates[0] ?? null;
}

/**
 * Anchor match: the measure text (enumerator stripped) starts with the anchor, failing that contains it;
 * table/field rows are matched among measures of the same origin first. Each extracted measure answers
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
  for (const pool of pools) {
    const texts = pool.map((m) => ({ m, text: normaliseText(m.text) }));
    const starts = texts.filter(
      ({ text }) => text.startsWith(gold.anchor) || stripEnumerator(text).startsWith(gold.anchor),
    );
    const byStart = pick(starts.map(({ m }) => m));
    const best =
      byStart !== undefined
        ? byStart
        : pick(texts.filter(({ text }) => text.includes(gold.anchor)).map(({ m }) => m));
    if (best !== undefined) return best;
  }
  return null;
}

function compare(doc: GoldDocument, extracted: ExtractedDocument | null): DocumentOutcome {
  const used = new Set<ExtractedMeasure>();
  const measures = doc.measures.map((gold): MeasureOutcome => {
    const found = extracted ? matchMeasure(gold, extracted.measures, used) : null;
    if (!found) return { gold, found, wrong: [], jointDiffers: false, kindDiffers: false };
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
    };
  });
  return { gold: doc, extracted, measures };
}

function list(names: readonly string[]): string {
  return names.length === 0 ? '—' : names.join('、');
}

function describeMismatch(doc: GoldDocument, o: MeasureOutcome): string {
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
  return `${at} (extracted L${o.found.line}): ${parts.join('; ')}`;
}

function report(outcomes: readonly DocumentOutcome[]): string {
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
    };
  });
  const header =
    'doc        文号                  located         gold(labelled/count) extracted found exact  jointΔ kindΔ';
  const lines = rows.map((r) =>
    [
      r.doc.padEnd(10),
      r.docNumber.padEnd(20),
      r.located.padEnd(15),
      `${r.expected}/${r.goldCount}`.padStart(20),
      String(r.extractedCount).padStart(9),
      String(r.found).padStart(5),
      String(r.exact).padStart(5),
      String(r.joint).padStart(7),
      String(r.kind).padStart(5),
    ].join(' '),
  );
  const mismatches = outcomes.flatMap(({ gold, measures }) =>
    measures.filter((o) => !o.found || o.wrong.length > 0).map((o) => describeMismatch(gold, o)),
  );
  const shown = mismatches.slice(0, MAX_REPORTED_MISMATCHES);
  const more = mismatches.length > shown.length ? [`… and ${mismatches.length - shown.length} more`] : [];
  return [header, ...lines, '', `mismatches (${mismatches.length}):`, ...shown, ...more].join('\n');
}

const golds = loadGoldDocuments();

describe('extractor accuracy against the gold fixtures', () => {
  it(`finds every labelled measure and matches ≥ ${MIN_EXACT_RATIO * 100}% exactly`, () => {
    const files = [...new Set(golds.map((g) => g.file))].sort();
    const result = extractFiles(
      files.map((file) => ({ name: file, bytes: readFileSync(join(REPO_ROOT, file)) })),
    );
    const outcomes = golds.map((gold) => compare(gold, findDocument(gold, result)));
    const all = outcomes.flatMap((o) => o.measures);
    const found = all.filter((o) => o.found).length;
    const exact = all.filter((o) => o.found && o.wrong.length === 0).length;
    const foundRatio = found / all.length;
    const exactRatio = exact / all.length;
    console.log(
      `${report(outcomes)}\n\ntotal: ${all.length} labelled, ${found} found (${(foundRatio * 100).toFixed(1)}%), ` +
        `${exact} exact (${(exactRatio * 100).toFixed(1)}%)`,
    );

    const spurious = outcomes
      .filter((o) => o.gold.measureCount === 0 && (o.extracted?.measures.length ?? 0) > 0)
      .map((o) => `${o.gold.id}: ${o.extracted?.measures.length ?? 0}`);
    if (spurious.length > 0)
      console.log(`measures in documents without responsibility: ${spurious.join(', ')}`);

    expect(outcomes.filter((o) => o.extracted === null).map((o) => o.gold.id)).toEqual([]);
    expect(
      outcomes
        .filter((o) => o.gold.measureCount === 0)
        .reduce((sum, o) => sum + (o.extracted?.measures.length ?? 0), 0),
    ).toBeLessThanOrEqual(MAX_MEASURES_WITHOUT_RESPONSIBILITY);
    expect(foundRatio).toBeGreaterThanOrEqual(MIN_FOUND_RATIO);
    expect(exactRatio).toBeGreaterThanOrEqual(MIN_EXACT_RATIO);
  });
});
