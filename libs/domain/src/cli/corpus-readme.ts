/**
 * Regenerates corpus/README.md from the extractor's own segmentation:
 *   npx tsx libs/domain/src/cli/corpus-readme.ts > corpus/README.md
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFiles } from '../extractor/extract';

const dir = join(__dirname, '..', '..', '..', '..', 'corpus');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const result = extractFiles(
  names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) })),
);
const out: string[] = [
  '# Corpus',
  '',
  'Policy texts used to develop and test the extractor (never edit the .txt files). This list is generated from the',
  "extractor's own segmentation (`npx tsx libs/domain/src/cli/corpus-readme.ts > corpus/README.md`); see",
  '`/work/shared/notes/corpus-catalogue.md` for the hand-made catalogue. "Same as" names the first copy in file order.',
  '',
];
for (const f of result.files) {
  const measures = f.documents.reduce((n, d) => n + d.measures.length, 0);
  out.push(`## ${f.file}`, '', `${f.documents.length} documents, ${measures} measures (${f.encoding}).`, '');
  out.push('| # | Lines | 文号 | Title | Date | Measures | Same as |', '|---|---|---|---|---|---|---|');
  f.documents.forEach((d, i) => {
    const cells = [
      String(i + 1),
      `${d.startLine}–${d.endLine}`,
      d.docNumber ?? '—',
      d.title.replace(/\|/g, '\\|'),
      d.date ?? '—',
      String(d.measures.length),
      d.sameAs ?? '',
    ];
    out.push(`| ${cells.join(' | ')} |`);
  });
  out.push('');
}
process.stdout.write(`${out.join('\n')}\n`);
