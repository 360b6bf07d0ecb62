import { defineConfig } from 'vitest/config';
import { nestTransform, repoRoot as root } from '../../../tools/vitest-nest.mts';
import { suiteInclude } from '../suites.mts';

// Task workflow integration tests (tasks, workflow, evidence, access, audit, stats, export): the real
// Nest/Fastify app in-process against a fresh PostgreSQL database per test file.
export default defineConfig({
  ...nestTransform,
  test: {
    name: 'workflow-integration',
    root,
    include: suiteInclude('workflow'),
    environment: 'node',
    env: { TZ: 'UTC' },
    // Two cores shared with other work: one file at a time, each with its own database.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
