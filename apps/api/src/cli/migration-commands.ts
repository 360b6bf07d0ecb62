import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENTITIES } from '../entities';
import type { AppConfig } from '../infra/config/app-config';
import {
  createScratchDatabase,
  dropScratchDatabase,
  ensureDatabase,
} from '../infra/database/scratch-database';
import { renderMigration } from '../infra/database/migration-file';
import { revertMigrations, runMigrations, schemaDiff } from '../infra/database/schema-drift';

type MigrationCommand = 'migration:run' | 'migration:revert' | 'migration:check' | 'migration:generate';

/** Runs `fn` against a fresh database migrated to the latest migration, then drops it. */
async function withMigratedScratch<T>(config: AppConfig, fn: (url: string) => Promise<T>): Promise<T> {
  const scratch = await createScratchDatabase(config.database.url, 'duban_scratch_');
  try {
    await runMigrations(config, scratch.url);
    return await fn(scratch.url);
  } finally {
    await dropScratchDatabase(config.database.url, scratch.name);
  }
}

export async function runMigrationCommand(
  config: AppConfig,
  command: MigrationCommand,
  args: string[],
): Promise<number> {
  switch (command) {
    case 'migration:run': {
      if (await ensureDatabase(config.database.url)) console.log('Created the database.');
      const applied = await runMigrations(config, config.database.url);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
      return 0;
    }
    case 'migration:revert': {
      const reverted = await revertMigrations(config, config.database.url, 1);
      console.log(reverted ? 'Reverted the last migration.' : 'Nothing to revert.');
      return 0;
    }
    case 'migration:check': {
      // Fresh database: up → drift check → down all the way → up again → drift check.
      const problems = await withMigratedScratch(config, async (url) => {
        const found: string[] = [];
        const first = await schemaDiff(config, url, ENTITIES);
        if (first.up.length)
          found.push(`entities and migrations drift:\n${first.up.map((q) => `  ${q.query}`).join('\n')}`);
        await revertMigrations(config, url, Number.MAX_SAFE_INTEGER);
        await runMigrations(config, url);
        const second = await schemaDiff(config, url, ENTITIES);
        if (second.up.length && !first.up.length)
          found.push('schema differs after down + up (a down() is incomplete)');
        return found;
      });
      if (problems.length) {
        console.error(problems.join('\n'));
        console.error(
          'Run `npx nx run api:migration:generate -- <Name>` and add the class to migrations/index.ts.',
        );
        return 1;
      }
      console.log('Migrations are reversible and match the entities.');
      return 0;
    }
    case 'migration:generate': {
      const name = args[0];
      if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
        console.error('Usage: migration:generate <PascalCaseName>');
        return 2;
      }
      const diff = await withMigratedScratch(config, (url) => schemaDiff(config, url, ENTITIES));
      if (!diff.up.length) {
        console.log('No changes in the entities: nothing to generate.');
        return 0;
      }
      const timestamp = Date.now();
      const file = join(process.cwd(), 'migrations', `${timestamp}-${name}.ts`);
      writeFileSync(file, renderMigration(name, timestamp, diff));
      console.log(
        `Wrote ${file}\nAdd ${name}${timestamp} to MIGRATIONS in migrations/index.ts, then rebuild.`,
      );
      return 0;
    }
  }
}
