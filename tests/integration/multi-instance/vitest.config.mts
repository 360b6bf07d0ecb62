import { defineConfig } from 'vitest/config';
import { nestTransform, repoRoot as root } from '../../../tools/vitest-nest.mts';
import { suiteInclude } from '../suites.mts';

// Multi-instance suite on its own: two built API processes and two workers against one PostgreSQL
// database, one Redis prefix, one s3rver and one SMTP sink (see multi-instance.spec.ts).
export default defineConfig({
  ...nestTransform,
  test: {
    name: 'multi-instance-integration',
    root,
    include: suiteInclude('multiInstance'),
    environment: 'node',
    env: { TZ: 'UTC' },
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
