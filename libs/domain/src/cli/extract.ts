/**
 * Command line extractor: `npm run -s extract -- [--format json|table] FILE...`
 *
 * --format json (default) prints ONE JSON object ({ files: [...] }, the ExtractionResult contract) to stdout.
 * Use `npm run -s` (silent) so npm's own banner does not precede the JSON on stdout.
 * --format table prints a readable summary; progress for large files goes to stderr.
 * A missing, directory, binary or undecodable file gets a one-line error on stderr and exit code 2; the other
 * files are still processed and printed.
 */
import { readFileSync, statSync } from 'node:fs';
import { ExtractionError } from '../extractor/errors';
import { extractBuffer, SeenDocuments } from '../extractor/extract';
import type { ExtractedFile, ExtractedMeasure } from '../extractor/types';

type Format = 'json' | 'table';

interface CliArgs {
  format: Format;
  files: string[];
}

const USAGE = 'usage: extract [--format json|table] FILE...';

function parseArgs(argv: readonly string[]): CliArgs | string {
  let format: Format = 'json';
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    let value: string | undefined;
    if (a === '--format' || a === '-f') value = argv[++i];
    else if (a.startsWith('--format=')) value = a.slice('--format='.length);
    else if (a === '-h' || a === '--help') return USAGE;
    else if (a === '--') continue;
    else if (a.startsWith('-') && a.length > 1) return `unknown option ${a}\n${USAGE}`;
    else {
      files.push(a);
      continue;
    }
    if (value !== 'json' && value !== 'table') return `--format must be json or table\n${USAGE}`;
    format = value;
  }
  if (files.length === 0) return USAGE;
  return { format, files };
}

function readFile(file: string): Uint8Array {
  let isDir: boolean;
  try {
    isDir = statSync(file).isDirectory();
  } catch {
    throw new ExtractionError('NOT_FOUND', 'no such file', file);
  }
  if (isDir) throw new ExtractionError('IS_DIRECTORY', 'is a directory', file);
  try {
    return readFileSync(file);
  } catch (err) {
    throw new ExtractionError(
      'READ_FAILED',
      `cannot read (${err instanceof Error ? err.message : String(err)})`,
      file,
    );
  }
}

function departments(m: ExtractedMeasure): string {
  const lead = m.lead.length ? m.lead.join('、') : '—';
  const part = m.participants.length ? `；配合：${m.participants.join('、')}` : '';
  return `${m.joint ? '共同负责' : '牵头'}：${lead}${part}`;
}

function printTable(file: ExtractedFile, out: (s: string) => void): void {
  out(`# ${file.file} (${file.encoding}) — ${file.documents.length} documents`);
  for (const d of file.documents) {
    const same = d.sameAs ? `  [same as ${d.sameAs}]` : '';
    out(
      `\n## ${d.docNumber ?? '（无文号）'}  ${d.title}  L${d.startLine}–${d.endLine}  ${d.issuer ?? ''} ${d.date ?? ''}${same}`,
    );
    for (const m of d.measures) {
      const deadline = m.deadlineText
        ? `  期限：${m.deadlineText}${m.deadline ? ` (${m.deadline})` : ''}`
        : '';
      out(`  ${m.key.padEnd(16)} L${String(m.line).padEnd(6)} [${m.origin}] ${m.title}`);
      out(`  ${''.padEnd(16)} ${departments(m)}${deadline}`);
    }
  }
}

function main(argv: readonly string[]): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n`);
    return 2;
  }
  const seen = new SeenDocuments();
  const results: ExtractedFile[] = [];
  let status = 0;
  const lines: string[] = [];
  const out = (s: string) => lines.push(s);
  for (const file of args.files) {
    try {
      const bytes = readFile(file);
      const started = performance.now();
      const result = extractBuffer(bytes, file, { seen });
      results.push(result);
      if (args.format === 'table') {
        if (bytes.length > 512 * 1024) {
          const measures = result.documents.reduce((n, d) => n + d.measures.length, 0);
          const ms = Math.round(performance.now() - started);
          process.stderr.write(
            `extract: ${file}: ${result.documents.length} documents, ${measures} measures (${ms} ms)\n`,
          );
        }
        printTable(result, out);
      }
    } catch (err) {
      status = 2;
      const reason = err instanceof Error ? err.message : String(err);
      process.stderr.write(`extract: ${file}: ${reason}\n`);
    }
  }
  if (args.format === 'json') process.stdout.write(`${JSON.stringify({ files: results })}\n`);
  else process.stdout.write(`${lines.join('\n')}\n`);
  return status;
}

process.exitCode = main(process.argv.slice(2));
