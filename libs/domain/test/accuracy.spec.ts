// Accuracy of the extractor against hand-labelled gold documents, in three sets reported separately:
// the corpus fixtures (./gold), the external development set (./external/dev) and the held-out set
// (./external/heldout, scored at the end by someone else; absent until then). Local (provincial/municipal/
// county) documents are reported on their own. Prints per-document tables and every mismatch.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { extractFiles } from '../src/index';
import { type GoldDocument, type GoldSetName, loadGoldDocuments, REPO_ROOT } from './gold/gold';
import { compare, type DocumentOutcome, findDocument, formatTotals, report, totals } from './gold/scoring';

/** Corpus: share of gold measures that must be found (every one) and matched exactly (lead, participants, deadline). */
const MIN_FOUND_RATIO = 1;
const MIN_EXACT_RATIO = 0.98;
/** External sets (real documents outside the corpus): share matched exactly, found included. */
const MIN_EXTERNAL_EXACT_RATIO = 0.95;
/**
 * The held-out set was scored once, last, after the extractor work (2026-12-02): 69 of 174 exact
 * (39.7%; local 68 of 88). That misses the 95% target (issue 10 stays open); until the extractor is
 * improved on *other* documents, this floor only keeps the score from falling below the measured
 * one. Never tune on the held-out files: raise this number only after a new, independent scoring.
 */
const HELDOUT_MEASURED_EXACT_RATIO = 0.39;
/** Measures the extractor may report in gold documents that carry no responsibility at all. */
const MAX_MEASURES_WITHOUT_RESPONSIBILITY = 0;


function score(set: GoldSetName, golds: readonly GoldDocument[]): DocumentOutcome[] {
  const files = [...new Set(golds.map((g) => g.file))].sort();
  const result = extractFiles(files.map((file) => ({ name: file, bytes: readFileSync(join(REPO_ROOT, file)) })));
  const outcomes = golds.map((gold) => compare(gold, findDocument(gold, result), set !== 'corpus'));
  const local = outcomes.filter((o) => o.gold.level !== 'national');
  console.log(
    `== ${set} ==\n${report(outcomes)}\n\n${formatTotals(`${set} total`, totals(outcomes))}` +
      (set === 'corpus' ? '' : `\n${formatTotals(`${set} local (provincial/municipal/county)`, totals(local))}`),
  );
  return outcomes;
}

function spurious(outcomes: readonly DocumentOutcome[]): number {
  return outcomes
    .filter((o) => o.gold.measureCount === 0)
    .reduce((sum, o) => sum + (o.extracted?.measures.length ?? 0), 0);
}

describe('extractor accuracy against the gold documents', () => {
  it(`corpus: finds every labelled measure and matches ≥ ${MIN_EXACT_RATIO * 100}% exactly`, () => {
    const outcomes = score('corpus', loadGoldDocuments('corpus'));
    const t = totals(outcomes);
    expect(outcomes.filter((o) => o.extracted === null).map((o) => o.gold.id)).toEqual([]);
    expect(spurious(outcomes)).toBeLessThanOrEqual(MAX_MEASURES_WITHOUT_RESPONSIBILITY);
    expect(t.found / t.labelled).toBeGreaterThanOrEqual(MIN_FOUND_RATIO);
    expect(t.exact / t.labelled).toBeGreaterThanOrEqual(MIN_EXACT_RATIO);
  });

  for (const [set, floor] of [
    ['dev', MIN_EXTERNAL_EXACT_RATIO],
    ['heldout', HELDOUT_MEASURED_EXACT_RATIO],
  ] as const) {
    const golds = loadGoldDocuments(set);
    it.skipIf(golds.length === 0)(`${set}: matches ≥ ${Math.round(floor * 1000) / 10}% exactly`, () => {
      const t = totals(score(set, golds));
      expect(t.exact / Math.max(1, t.labelled)).toBeGreaterThanOrEqual(floor);
    });
  }
});
