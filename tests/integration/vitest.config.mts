import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { nestTransform, repoRoot as root } from '../../tools/vitest-nest.mts';
import { CLAIMED_BY_SUITES, suiteInclude } from './suites.mts';

/**
 * Every integration suite, as one vitest config with four projects: `npm run test:integration` runs them all;
 * `-- --project core | workflow | reminders | multi-instance` runs one, and a folder or file filter after it
 * reaches whichever project holds it. `suites.mts` says which folders belong to which project. All share the
 * harness in tests/integration/support (one database lifecycle: support/test-database.ts). One file at a time
 * across all projects: two cores, real processes.
 */
function project(
  name: string,
  test: NonNullable<TestProjectInlineConfiguration['test']>,
): TestProjectInlineConfiguration {
  return {
    ...nestTransform,
    test: { name, root, environment: 'node', env: { TZ: 'UTC' }, fileParallelism: false, ...test },
  };
}

export default defineConfig({
  test: {
    projects: [
      // The run's database (migrated once in globalSetup), emptied before each file; apps via createTestApp.
      project('core', {
        include: ['tests/integration/**/*.spec.ts'],
        // The folders of the other projects (suites.mts) run there.
        exclude: [...CLAIMED_BY_SUITES, '**/node_modules/**'],
        globals: true,
        pool: 'forks',
        globalSetup: ['tests/integration/support/global-setup.ts'],
        setupFiles: ['tests/integration/support/setup-file.ts'],
        testTimeout: 60_000,
        hookTimeout: 120_000,
      }),
      // The app in-process against a database of each file's own (support/workflow-env.ts).
      project('workflow', { include: suiteInclude('workflow'), testTimeout: 60_000, hookTimeout: 120_000 }),
      // Worker child processes with real PostgreSQL, Redis and SMTP (support/reminder-env.ts).
      project('reminders', {
        include: suiteInclude('reminders'),
        testTimeout: 120_000,
        hookTimeout: 180_000,
      }),
      // Two built APIs, two workers, one database, one Redis prefix, s3rver and an SMTP sink.
      project('multi-instance', {
        include: suiteInclude('multiInstance'),
        testTimeout: 180_000,
        hookTimeout: 180_000,
      }),
    ],
    fileParallelism: false,
    maxWorkers: 1,
  },
});
