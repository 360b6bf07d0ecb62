/**
 * Import throughput: a fresh database, all migrations, then the whole corpus through the
 * application's import service (extract + write), then the same again (idempotent re-import).
 * Prints tasks/s into PostgreSQL and total seconds; target ≥ 500 tasks/s and the corpus < 10 s.
 *
 *   npm run bench:import            (uses DATABASE_URL's server; the scratch database is dropped)
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { importPaths, textFilesIn, type CorpusImportSummary } from '../../apps/api/src/cli/import-command';
import { DepartmentEntity } from '../../apps/api/src/departments/department.entity';
import { DepartmentsService } from '../../apps/api/src/departments/departments.service';
import { TaskImportService } from '../../apps/api/src/imports/task-import.service';
import { getConfig, loadDotEnv } from '../../apps/api/src/infra/config/app-config';
import { ENTITIES } from '../../apps/api/src/entities';
import { dataSourceOptions } from '../../apps/api/src/infra/database/data-source-options';
import {
  createScratchDatabase,
  dropScratchDatabase,
} from '../../apps/api/src/infra/database/scratch-database';
import { runMigrations } from '../../apps/api/src/infra/database/schema-drift';

interface Round {
  label: string;
  tasksCreated: number;
  tasksUnchanged: number;
  documentsCreated: number;
  extractSeconds: number;
  writeSeconds: number;
  totalSeconds: number;
  /** Tasks per second of database work: created (first run) or matched (re-run). */
  tasksPerSecondWrite: number;
  /** Tasks handled per second end to end (extraction included). */
  tasksPerSecondTotal: number;
}

function round(label: string, s: CorpusImportSummary, measure: 'created' | 'handled'): Round {
  const tasks = measure === 'created' ? s.tasksCreated : s.tasksCreated + s.tasksUpdated + s.tasksUnchanged;
  const total = s.extractSeconds + s.writeSeconds;
  return {
    label,
    tasksCreated: s.tasksCreated,
    tasksUnchanged: s.tasksUnchanged,
    documentsCreated: s.documentsCreated,
    extractSeconds: +s.extractSeconds.toFixed(3),
    writeSeconds: +s.writeSeconds.toFixed(3),
    totalSeconds: +total.toFixed(3),
    tasksPerSecondWrite: Math.round(tasks / s.writeSeconds),
    tasksPerSecondTotal: Math.round(tasks / total),
  };
}

async function main(): Promise<void> {
  loadDotEnv();
  const config = getConfig();
  const files = textFilesIn(join(process.cwd(), 'corpus'));
  const scratch = await createScratchDatabase(config.database.url, 'duban_bench_');
  try {
    await runMigrations(config, scratch.url);
    const dataSource = new DataSource(dataSourceOptions(config, ENTITIES, scratch.url));
    await dataSource.initialize();
    try {
      // The same services the CLI and the HTTP import use, wired by hand (no HTTP, no Nest container).
      const departments = new DepartmentsService(dataSource.getRepository(DepartmentEntity));
      const services = { departments, importer: new TaskImportService(dataSource, departments) };
      const first = round('first import', await importPaths(services, files), 'created');
      const again = round('re-import (idempotent)', await importPaths(services, files), 'handled');
      const [counts] = await dataSource.query<{ tasks: number; documents: number }[]>(
        `SELECT (SELECT count(*)::int FROM tasks) AS tasks, (SELECT count(*)::int FROM policy_documents) AS documents`,
      );
      for (const r of [first, again]) {
        console.log(
          `${r.label.padEnd(24)} ${String(r.tasksCreated).padStart(5)} tasks created, ${String(r.tasksUnchanged).padStart(5)} unchanged | ` +
            `extract ${r.extractSeconds.toFixed(2)} s + write ${r.writeSeconds.toFixed(2)} s = ${r.totalSeconds.toFixed(2)} s | ` +
            `${r.tasksPerSecondWrite} tasks/s into PostgreSQL, ${r.tasksPerSecondTotal} tasks/s end to end`,
        );
      }
      console.log(`Database after both runs: ${counts?.documents} documents, ${counts?.tasks} tasks.`);
      const ok = first.tasksPerSecondWrite >= 500 && first.totalSeconds < 10 && again.tasksCreated === 0;
      console.log(
        ok ? 'PASS: ≥ 500 tasks/s, corpus < 10 s, re-import created nothing.' : 'FAIL: target missed.',
      );
      mkdirSync('tests/performance/results', { recursive: true });
      writeFileSync(
        'tests/performance/results/bench-import.json',
        JSON.stringify(
          { at: new Date().toISOString(), files: files.length, rounds: [first, again], counts, ok },
          null,
          2,
        ),
      );
      process.exitCode = ok ? 0 : 1;
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await dropScratchDatabase(config.database.url, scratch.name);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
