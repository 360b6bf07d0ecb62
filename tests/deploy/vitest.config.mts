import { defineConfig } from 'vitest/config';
import { repoRoot as root } from '../../tools/vitest-nest.mts';

/** Container lint (docker-compose.yml, Dockerfile): no Docker engine needed. */
export default defineConfig({
  test: {
    name: 'deploy',
    root,
    include: ['tests/deploy/**/*.spec.ts'],
    globals: true,
    environment: 'node',
  },
});
