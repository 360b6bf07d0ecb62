import { existsSync } from 'node:fs';
import { ExtractionError } from '@duban/domain';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { getConfig, loadDotEnv } from '../infra/config/app-config';
import { SeedService, type SeedResult } from '../users/seed.service';
import { CliModule } from './cli.module';
import { DepartmentsService } from '../departments/departments.service';
import { TaskImportService } from '../imports/task-import.service';
import {
  importPaths,
  printImportSummary,
  stderrProgress,
  textFilesIn,
  type ImportServices,
} from './import-command';
import { runMigrationCommand } from './migration-commands';
import { documentCount } from './setup.queries';
import { runBackupCommand, runRestoreCommand } from './backup-command';

const USAGE = `Usage: node dist/apps/api/cli.js <command> [args]
  migration:run                 apply pending migrations (creates the database if missing)
  migration:revert              revert the last migration
  migration:check               fail when entities and migrations drift (uses a scratch database)
  migration:generate <Name>     write migrations/<epoch>-<Name>.ts from the entity diff
  import FILE...                import policy text files (idempotent), print a summary per file
  seed                          create the supervisor, admin and officer accounts (idempotent)
  setup [CORPUS_DIR]            migrate, import the corpus when no document exists yet, seed
  backup <dir>                  pg_dump + evidence store + manifest.json into a new directory
  restore <dir> [--force]       into an empty database (--force replaces one that has tables)`;

async function withContext<T>(fn: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

function services(app: INestApplicationContext): ImportServices {
  return { departments: app.get(DepartmentsService), importer: app.get(TaskImportService) };
}

function printSeed(result: SeedResult): void {
  if (result.created.length === 0) {
    console.log(`Seed: all ${result.existing} accounts already exist (passwords unchanged).`);
    return;
  }
  console.log(`Seed: created ${result.created.length} accounts (${result.existing} already existed).`);
  console.log('  username         role        name');
  for (const u of result.created.slice(0, 5))
    console.log(`  ${u.username.padEnd(16)} ${u.role.padEnd(11)} ${u.displayName}`);
  if (result.created.length > 5) console.log(`  … and ${result.created.length - 5} more officers`);
  console.log(
    `One-time passwords, one per account (each must be changed at first login): ${result.credentialsFile ?? ''}` +
      '\n  (readable only by you: hand each one to its user, then delete the file)',
  );
}

async function main(argv: string[]): Promise<number> {
  loadDotEnv();
  const config = getConfig();
  const [command, ...args] = argv;
  switch (command) {
    case 'migration:run':
    case 'migration:revert':
    case 'migration:check':
    case 'migration:generate':
      return runMigrationCommand(config, command, args);
    case 'import': {
      if (args.length === 0) {
        console.error('Usage: import FILE...');
        return 2;
      }
      const summary = await withContext((app) => importPaths(services(app), args, stderrProgress()));
      printImportSummary(summary);
      return 0;
    }
    case 'seed': {
      const result = await withContext((app) => app.get(SeedService).seed());
      printSeed(result);
      return 0;
    }
    case 'setup': {
      const corpus = args[0] ?? 'corpus';
      await runMigrationCommand(config, 'migration:run', []);
      await withContext(async (app) => {
        const documents = await documentCount(app.get(DataSource));
        if (documents === 0 && existsSync(corpus)) {
          console.log(`First run: importing ${corpus}/ …`);
          // Seed data: reminders (once a worker runs), but no "new task" message for thousands of tasks.
          printImportSummary(
            await importPaths(services(app), textFilesIn(corpus), stderrProgress(), { announce: false }),
          );
        } else {
          console.log(`Documents already imported (${documents}); skipping the corpus import.`);
        }
        printSeed(await app.get(SeedService).seed());
      });
      return 0;
    }
    case 'backup':
      return runBackupCommand(config, args);
    case 'restore':
      return runRestoreCommand(config, args);
    default:
      console.error(USAGE);
      return command ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ExtractionError) console.error(`${error.fileName ?? ''}: ${error.message}`);
    else console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
