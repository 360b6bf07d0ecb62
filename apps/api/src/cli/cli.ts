import { getConfig, loadDotEnv } from '../infra/config/app-config';
import { runMigrationCommand } from './migration-commands';

const USAGE = `Usage: node dist/apps/api/cli.js <command> [args]
  migration:run                 apply pending migrations
  migration:revert              revert the last migration
  migration:check               fail when entities and migrations drift (uses a scratch database)
  migration:generate <Name>     write migrations/<epoch>-<Name>.ts from the entity diff`;

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
    default:
      console.error(USAGE);
      return command ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
