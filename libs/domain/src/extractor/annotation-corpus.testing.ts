import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Test-only helper: reads physical lines of the seed corpus so that every fixture in the
 * annotation and deadline specs is checked against the line it cites (a fixture that drifts
 * from the corpus fails instead of silently testing invented text).
 */

const CORPUS_DIR = join(__dirname, '..', '..', '..', '..', 'corpus');

export const CORPUS_FILES = {
  '000': '000_b2e2599482101c52.txt',
  '001': '001_dc3bc84186c37e13.txt',
  '002': '002_a8d5c490817db3bf.txt',
  '003': '003_8fd585837068af36.txt',
  '004': '004_ff157b712ff628f7.txt',
} as const;

export type CorpusFile = keyof typeof CORPUS_FILES;

const cache = new Map<CorpusFile, string[]>();

function lines(file: CorpusFile): string[] {
  let cached = cache.get(file);
  if (!cached) {
    cached = readFileSync(join(CORPUS_DIR, CORPUS_FILES[file]), 'utf8').split('\n');
    cache.set(file, cached);
  }
  return cached;
}

/** Whitespace removed, ASCII brackets/commas made full-width: the form fixtures are compared in. */
export function compact(text: string): string {
  return text
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/,/g, '，');
}

/** Physical lines from..to (1-based, inclusive) joined without their line breaks. */
export function corpusSpan(file: CorpusFile, from: number, to: number = from): string {
  return lines(file)
    .slice(from - 1, to)
    .map((line) => line.trim())
    .join('');
}
