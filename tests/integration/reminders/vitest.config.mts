import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const root = new URL('../../..', import.meta.url).pathname;

// Reminder integration tests on their own: real PostgreSQL, Redis, SMTP and worker child processes.
// They also run (self-contained) under tests/integration/vitest.config.mts.
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
    name: 'reminders-integration',
    root,
    // tests/integration/notifications uses the shared harness: run it with tests/integration/vitest.config.mts.
    include: ['tests/integration/reminders/**/*.spec.ts'],
    environment: 'node',
    env: { TZ: 'UTC' },
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
