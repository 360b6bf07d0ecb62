import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { basename } from 'node:path';
import { ExtractionError, extractBuffer, SeenDocuments, type NamedBytes } from '@duban/domain';
import type { DepartmentsService } from '../departments/departments.service';
import { planCopies } from '../imports/copy-plan';
import { sha256 } from '../imports/imports.service';
import type { FileImportResult, TaskImportService } from '../imports/task-import.service';

export interface CorpusImportSummary {
  files: FileImportResult[];
  tasksCreated: number;
  tasksUpdated: number;
  tasksUnchanged: number;
  documentsCreated: number;
  extractSeconds: number;
  writeSeconds: number;
}

/** Every .txt file of a directory, in name order. */
export function textFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * Extracts the files in one run (so later copies of a document get `sameAs`) and imports them
 * file by file, one transaction each.
 */
export interface ImportServices {
  departments: DepartmentsService;
  importer: TaskImportService;
}

/** Where the CLI reports extraction progress; stderr, so stdout keeps only the summary. */
export type ProgressSink = (line: string, final: boolean) => void;

/** A terminal gets one line rewritten in place; a log (pipe, CI) a line per quarter. */
export function stderrProgress(): ProgressSink {
  const tty = process.stderr.isTTY;
  let lastQuarter = -1;
  return (line, final) => {
    if (tty) {
      process.stderr.write(`\r\x1b[2K${line}${final ? '\n' : ''}`);
      return;
    }
    const quarter = Number(/(\d+)%/.exec(line)?.[1] ?? 0) >> 5;
    if (final || quarter !== lastQuarter) process.stderr.write(`${line}\n`);
    lastQuarter = final ? -1 : quarter;
  };
}

export async function importPaths(
  services: ImportServices,
  paths: string[],
  progress: ProgressSink = () => undefined,
  options: { announce?: boolean } = {},
): Promise<CorpusImportSummary> {
  const named: NamedBytes[] = paths.map((path) => {
    if (!statSync(path, { throwIfNoEntry: false })?.isFile()) {
      throw new ExtractionError('NOT_FOUND', `文件不存在或不是普通文件：${path}`, path);
    }
    return { name: path, bytes: readFileSync(path) };
  });
  const t0 = performance.now();
  // One registry for the whole run, so later copies of a document get sameAs (as extractFiles does).
  const seen = new SeenDocuments();
  const files = named.map((file, index) => {
    const label = `提取 [${index + 1}/${named.length}] ${basename(file.name)}`;
    return extractBuffer(file.bytes, file.name, {
      seen,
      onProgress: (done, total, measures) => {
        const percent = total ? Math.floor((done / total) * 100) : 0;
        progress(`${label}: ${percent}%（${done}/${total} 份文件，${measures} 项措施）`, done === total);
      },
    });
  });
  const t1 = performance.now();
  await services.departments.syncRegistry();
  const importer = services.importer;
  const plan = planCopies(files);
  const results: FileImportResult[] = [];
  // Authoritative copies first (every file), then the other copies, which only match existing tasks.
  for (const phase of [plan.primaries, plan.copies]) {
    for (const [i, file] of phase.entries()) {
      const source = named[i];
      if (!source) continue;
      const result = await importer.importFile(file, {
        checksum: sha256(source.bytes),
        actor: { id: null, name: '系统导入' },
        announce: options.announce,
      });
      const previous = results[i];
      results[i] = previous ? mergeResults(previous, result) : result;
    }
  }
  const t2 = performance.now();
  const sum = (k: 'tasksCreated' | 'tasksUpdated' | 'tasksUnchanged' | 'documentsCreated') =>
    results.reduce((n, r) => n + r[k], 0);
  return {
    files: results,
    tasksCreated: sum('tasksCreated'),
    tasksUpdated: sum('tasksUpdated'),
    tasksUnchanged: sum('tasksUnchanged'),
    documentsCreated: sum('documentsCreated'),
    extractSeconds: (t1 - t0) / 1000,
    writeSeconds: (t2 - t1) / 1000,
  };
}

function mergeResults(a: FileImportResult, b: FileImportResult): FileImportResult {
  return {
    file: a.file,
    departmentsCreated: [...a.departmentsCreated, ...b.departmentsCreated],
    documents: [...a.documents, ...b.documents],
    documentsCreated: a.documentsCreated + b.documentsCreated,
    documentsUnchanged: a.documentsUnchanged + b.documentsUnchanged,
    tasksCreated: a.tasksCreated + b.tasksCreated,
    tasksUpdated: a.tasksUpdated + b.tasksUpdated,
    tasksUnchanged: a.tasksUnchanged + b.tasksUnchanged,
  };
}

export function printImportSummary(summary: CorpusImportSummary): void {
  for (const r of summary.files) {
    console.log(
      `${r.file}: documents ${r.documentsCreated} new / ${r.documentsUnchanged} already imported; ` +
        `tasks ${r.tasksCreated} new, ${r.tasksUpdated} updated, ${r.tasksUnchanged} unchanged` +
        (r.departmentsCreated.length ? `; new departments: ${r.departmentsCreated.join('、')}` : ''),
    );
  }
  console.log(
    `Total: ${summary.documentsCreated} documents and ${summary.tasksCreated} tasks created, ` +
      `${summary.tasksUpdated} tasks updated (extract ${summary.extractSeconds.toFixed(2)} s, ` +
      `write ${summary.writeSeconds.toFixed(2)} s).`,
  );
}
