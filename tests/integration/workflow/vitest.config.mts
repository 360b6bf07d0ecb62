import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const root = new URL('../../..', import.meta.url).pathname;

// Task workflow integration tests (tasks, workflow, evidence, access, audit, stats, export): the real
// Nest/Fastify app in-process against a fresh PostgreSQL database per test file.
export default defineConfig({
  // SWC with legacy decorators and metadata, as tsc emits them for Nest's DI.
  plugins: [
    swc.vite({
      tsconfigFile: false,
      module: { type: 'es6' },
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
      },
    }),
  ],
  oxc: false,
  resolve: { alias: { '@duban/domain': `${root}libs/domain/src/index.ts` } },
  test: {
    name: 'workflow-integration',
    root,
    include: ['tests/integration/{tasks,workflow,evidence,access,audit,stats,export}/**/*.spec.ts'],
    environment: 'node',
    env: { TZ: 'UTC' },
    // Two cores shared with other work: one file at a time, each with its own database.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
