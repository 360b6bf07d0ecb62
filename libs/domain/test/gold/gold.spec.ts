// Integrity of the hand-labelled fixtures themselves, checked against the corpus text only, so a typo
// in a label cannot pass for an extractor error (or hide one).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { type GoldDocument, loadGoldDocuments, normaliseName, normaliseText, REPO_ROOT } from './gold';

const MIN_TOTAL_MEASURES = 350;
const ANCHOR_MIN = 6;
const ANCHOR_MAX = 24;

interface IndexedText {
  text: string;
  /** Physical 1-based line of every character of `text`. */
  lineAt: number[];
}

const fileCache = new Map<string, string[]>();

function fileLines(file: string): string[] {
  let lines = fileCache.get(file);
  if (!lines) {
    lines = readFileSync(join(REPO_ROOT, file), 'utf8').split('\n');
    fileCache.set(file, lines);
  }
  return lines;
}

function indexRange(file: string, first: number, last: number): IndexedText {
  const lines = fileLines(file);
  let text = '';
  const lineAt: number[] = [];
  for (let n = first; n <= Math.min(last, lines.length); n++) {
    const part = normaliseText(lines[n - 1] ?? '');
    text += part;
    for (let k = 0; k < part.length; k++) lineAt.push(n);
  }
  return { text, lineAt };
}

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** Table cells can be cut by a page break, leaving the tail of a name after the other cells (001 L24499). */
const SPLIT_CELL_GAP = 300;

function containsName(text: string, name: string, tableCell: boolean): boolean {
  if (text.includes(name)) return true;
  if (!tableCell) return false;
  for (let cut = 1; cut < name.length; cut++) {
    const head = name.slice(0, cut);
    const tail = name.slice(cut);
    for (const at of occurrences(text, head)) {
      const rest = text.indexOf(tail, at + head.length);
      if (rest >= 0 && rest - at <= SPLIT_CELL_GAP) return true;
    }
  }
  return false;
}

/** The labelled part of a document: from its first labelled line to a little past its last one. */
function labelledRegion(doc: GoldDocument): IndexedText {
  const lines = doc.measures.map((m) => m.line);
  return indexRange(doc.file, Math.min(...lines), Math.max(...lines) + 40);
}

const docs = loadGoldDocuments();

describe('gold fixtures', () => {
  it('cover enough measures to be a yardstick', () => {
    const total = docs.reduce((sum, doc) => sum + doc.measures.length, 0);
    expect(docs.length).toBeGreaterThanOrEqual(10);
    expect(total).toBeGreaterThanOrEqual(MIN_TOTAL_MEASURES);
  });

  // Documents without any responsibility: no measures, located by their first line instead.
  describe.each(docs.filter((doc) => doc.measureCount === 0).map((doc) => [doc.id, doc] as const))(
    '%s (no responsibility)',
    (_id, doc) => {
      it('starts where its 文号 or title is printed', () => {
        expect(doc.measures).toEqual([]);
        expect(doc.startLine).toBeDefined();
        const head = indexRange(doc.file, doc.startLine ?? 1, (doc.startLine ?? 1) + 12).text;
        const printed =
          head.includes(normaliseText(doc.docNumber)) || head.includes(normaliseText(doc.title));
        expect(printed).toBe(true);
      });
    },
  );

  describe.each(docs.filter((doc) => doc.measureCount > 0).map((doc) => [doc.id, doc] as const))(
    '%s',
    (_id, doc) => {
      const region = labelledRegion(doc);

      it('names a corpus file that exists and a plausible measure count', () => {
        expect(fileLines(doc.file).length).toBeGreaterThan(0);
        expect(doc.measures.length).toBeGreaterThan(0);
        expect(doc.measureCount).toBeGreaterThanOrEqual(doc.measures.length);
      });

      it('has anchors that are whitespace-free, short, and start on the stated line', () => {
        const problems: string[] = [];
        for (const m of doc.measures) {
          if (m.anchor !== normaliseText(m.anchor)) problems.push(`${m.line} ${m.anchor}: not normalised`);
          if (m.anchor.length < ANCHOR_MIN || m.anchor.length > ANCHOR_MAX) {
            problems.push(`${m.line} ${m.anchor}: length ${m.anchor.length}`);
          }
          const starts = occurrences(region.text, m.anchor).map((at) => region.lineAt[at]);
          if (!starts.includes(m.line))
            problems.push(`${m.line} ${m.anchor}: not found on its line (${starts.join(',')})`);
          // Table rows may repeat body wording; they are told apart by origin instead.
          if (m.origin === undefined && starts.length > 1)
            problems.push(`${m.line} ${m.anchor}: not unique (${starts.join(',')})`);
        }
        expect(problems).toEqual([]);
      });

      it('labels each measure once', () => {
        const keys = doc.measures.map((m) => `${m.origin ?? 'inline'}:${m.anchor}`);
        expect(new Set(keys).size).toBe(keys.length);
      });

      it('has consistent responsibility and deadline fields', () => {
        const problems: string[] = [];
        for (const m of doc.measures) {
          const at = `${m.line} ${m.anchor}`;
          if (m.joint && m.participants.length > 0) problems.push(`${at}: joint with participants`);
          if (m.lead.length === 0 && m.participants.length > 0)
            problems.push(`${at}: participants without lead`);
          if (m.lead.length === 0 && m.joint) problems.push(`${at}: joint without departments`);
          if ((m.deadline === null) !== (m.deadlineKind !== 'date'))
            problems.push(`${at}: deadline/kind mismatch`);
          for (const name of [...m.lead, ...m.participants]) {
            if (name !== normaliseName(name) || /等$/u.test(name))
              problems.push(`${at}: name ${name} not as written`);
            if (!containsName(region.text, name, m.origin !== undefined))
              problems.push(`${at}: name ${name} not in the text`);
          }
          const overlap = m.lead.filter((name) => m.participants.includes(name));
          if (overlap.length > 0) problems.push(`${at}: ${overlap.join('、')} both lead and participant`);
        }
        expect(problems).toEqual([]);
      });
    },
  );
});
