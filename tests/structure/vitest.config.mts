import { defineConfig } from 'vitest/config';
import { repoRoot as root } from '../../tools/vitest-nest.mts';

/** Structure rules (issue 11): module boundaries, import cycles, file sizes, where raw SQL lives. No Nx daemon. */
export default defineConfig({
  test: {
    name: 'structure',
    root,
    include: ['tests/structure/**/*.spec.ts'],
    globals: true,
    environment: 'node',
  },
});
