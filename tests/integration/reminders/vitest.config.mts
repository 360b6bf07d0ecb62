import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const root = new URL('../../..', import.meta.url).pathname;

// Reminder and notification integration tests: real PostgreSQL, Redis, SMTP and worker child processes.
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
    include: ['tests/integration/reminders/**/*.spec.ts', 'tests/integration/notifications/**/*.spec.ts'],
    environment: 'node',
    env: { TZ: 'UTC' },
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
