import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const root = new URL('../..', import.meta.url).pathname;

export default defineConfig({
  // SWC emits decorator metadata exactly like tsc, which Nest's DI relies on.
  plugins: [swc.vite({ module: { type: 'es6' }, jsc: { target: 'es2022' } })],
  oxc: false,
  resolve: { alias: { '@duban/domain': `${root}libs/domain/src/index.ts` } },
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
