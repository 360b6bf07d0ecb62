import { defineConfig } from 'vitest/config';
import { nestTransform, repoRoot as root } from '../../tools/vitest-nest.mts';
import { CLAIMED_BY_SUITES } from './suites.mts';

/**
 * API integration tests against the real PostgreSQL (one fresh database per run, migrated once in
 * globalSetup) and Redis (a per-run key prefix). Files run one after another in one fork; each
 * file starts from empty tables. See tests/integration/support/harness.ts.
 */
export default defineConfig({
  ...nestTransform,
  test: {
    name: 'integration',
    root,
    include: ['tests/integration/**/*.spec.ts'],
    // The folders of the other suites (suites.mts) run under their own configs.
    exclude: [...CLAIMED_BY_SUITES, '**/node_modules/**'],
    globals: true,
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    globalSetup: ['tests/integration/support/global-setup.ts'],
    setupFiles: ['tests/integration/support/setup-file.ts'],
    env: { TZ: 'UTC' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
