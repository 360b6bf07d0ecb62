/**
 * Extraction benchmark: the whole corpus (5 files) per round, after warm-up, against a baseline that only reads,
 * decodes and splits the same files into lines in the same process. Targets: < 1 s per corpus, < 5× baseline,
 * peak RSS < 300 MB. Exit code 1 when a target is missed.
 *
 *   npm run bench:extract [-- --rounds 10]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeText } from '../../libs/domain/src/extractor/decode';
import { extractFiles } from '../../libs/domain/src/extractor/extract';

const corpusDir = join(__dirname, '..', '..', 'corpus');
const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 8;
const warmup = 2;

function readCorpus() {
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(corpusDir, name))) }));
}

let sink = 0;
function baseline(): void {
  for (const f of readCorpus()) sink += decodeText(f.bytes).text.split(/\r\n|\r|\n/).length;
}
function extraction(): void {
  const result = extractFiles(readCorpus());
  for (const f of result.files) for (const d of f.documents) sink += d.measures.length;
}

let peakRss = process.memoryUsage().rss;
function time(fn: () => void): number {
  const started = process.hrtime.bigint();
  fn();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return ms;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

const bytes = readCorpus().reduce((n, f) => n + f.bytes.length, 0);
for (let i = 0; i < warmup; i++) {
  time(baseline);
  time(extraction);
}
const base: number[] = [];
const extract: number[] = [];
for (let i = 0; i < rounds; i++) {
  base.push(time(baseline));
  extract.push(time(extraction));
}
const extractMs = median(extract);
const baseMs = median(base);
const ratio = extractMs / baseMs;
const peakMb = peakRss / 1024 / 1024;
const result = {
  corpusMB: +(bytes / 1024 / 1024).toFixed(2),
  rounds,
  extractMsPerCorpus: +extractMs.toFixed(1),
  extractMsMin: +Math.min(...extract).toFixed(1),
  baselineMsPerCorpus: +baseMs.toFixed(1),
  ratioToBaseline: +ratio.toFixed(2),
  throughputMBps: +(bytes / 1024 / 1024 / (extractMs / 1000)).toFixed(2),
  peakRssMB: +peakMb.toFixed(0),
};
console.log(JSON.stringify(result, null, 2));
const ok = extractMs < 1000 && ratio < 5 && peakMb < 300;
console.log(ok ? 'targets met (< 1 s, < 5× baseline, < 300 MB)' : 'TARGET MISSED');
process.exitCode = sink >= 0 && ok ? 0 : 1;
