import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ExtractionError, extractFiles, type NamedBytes } from '@duban/domain';
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

export async function importPaths(services: ImportServices, paths: string[]): Promise<CorpusImportSummary> {
  const named: NamedBytes[] = paths.map((path) => {
    if (!statSync(path, { throwIfNoEntry: false })?.isFile()) {
      throw new ExtractionError('NOT_FOUND', `文件不存在或不是普通文件：${path}`, path);
    }
    return { name: path, bytes: readFileSync(path) };
  });
  const t0 = performance.now();
  const { files } = extractFiles(named);
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
