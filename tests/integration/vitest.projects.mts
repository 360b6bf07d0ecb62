import { defineConfig } from 'vitest/config';

/**
 * Every integration suite in one run: `npx vitest run --config tests/integration/vitest.projects.mts`, or one
 * suite with `--project integration | workflow-integration | reminders-integration | multi-instance-integration`,
 * and a folder or file filter after it. One file at a time across all suites: two cores, real processes.
 */
export default defineConfig({
  test: {
    projects: [
      'tests/integration/vitest.config.mts',
      'tests/integration/workflow/vitest.config.mts',
      'tests/integration/reminders/vitest.config.mts',
      'tests/integration/multi-instance/vitest.config.mts',
    ],
    fileParallelism: false,
    maxWorkers: 1,
  },
});
