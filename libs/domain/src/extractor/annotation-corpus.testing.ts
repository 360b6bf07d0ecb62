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

/** A whole seed file in compact form, with the physical line of every character. */
export function compactCorpus(file: CorpusFile): { text: string; lineOf: number[] } {
  let text = '';
  const lineOf: number[] = [];
  lines(file).forEach((line, index) => {
    const part = compact(line);
    text += part;
    for (let i = 0; i < part.length; i++) lineOf.push(index + 1);
  });
  return { text, lineOf };
}

/** Top-level （…） spans of a compact text: inner text and the line the bracket opens on. */
export function topLevelBrackets(file: CorpusFile): { inner: string; line: number }[] {
  const { text, lineOf } = compactCorpus(file);
  const found: { inner: string; line: number }[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '（') {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === '）' && depth > 0) {
      depth--;
      if (depth === 0) found.push({ inner: text.slice(start + 1, i), line: lineOf[start] ?? 0 });
    }
  }
  return found;
}
