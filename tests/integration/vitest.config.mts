import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const root = new URL('../..', import.meta.url).pathname;

/**
 * API integration tests against the real PostgreSQL (one fresh database per run, migrated once in
 * globalSetup) and Redis (a per-run key prefix). Files run one after another in one fork; each
 * file starts from empty tables. See tests/integration/support/harness.ts.
 */
export default defineConfig({
  // SWC emits decorator metadata exactly like tsc, which Nest's DI and TypeORM rely on.
  plugins: [swc.vite({ module: { type: 'es6' }, jsc: { target: 'es2022' } })],
  oxc: false,
  resolve: { alias: { '@duban/domain': `${root}libs/domain/src/index.ts` } },
  test: {
    name: 'integration',
    root,
    include: ['tests/integration/**/*.spec.ts'],
    // These folders run under their own configs (tests/integration/{workflow,reminders}/vitest.config.mts).
    exclude: [
      'tests/integration/{tasks,workflow,evidence,access,audit,stats,export,reminders}/**',
      '**/node_modules/**',
    ],
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
