import { defineConfig } from 'vitest/config';
import { nestTransform, repoRoot as root } from '../../tools/vitest-nest.mts';

export default defineConfig({
  ...nestTransform,
  test: {
    name: 'api',
    root,
    include: ['apps/api/src/**/*.spec.ts'],
    globals: true,
    environment: 'node',
    env: { TZ: 'UTC' },
    testTimeout: 30_000,
  },
});
