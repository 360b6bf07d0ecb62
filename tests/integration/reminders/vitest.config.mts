import { defineConfig } from 'vitest/config';
import { nestTransform, repoRoot as root } from '../../../tools/vitest-nest.mts';
import { suiteInclude } from '../suites.mts';

// Reminder integration tests on their own: real PostgreSQL, Redis, SMTP and worker child processes.
// They also run (self-contained) under tests/integration/vitest.config.mts.
export default defineConfig({
  ...nestTransform,
  test: {
    name: 'reminders-integration',
    root,
    // tests/integration/notifications uses the shared harness: run it with tests/integration/vitest.config.mts.
    include: suiteInclude('reminders'),
    environment: 'node',
    env: { TZ: 'UTC' },
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
