import swc from 'unplugin-swc';
import type { UserConfig } from 'vitest/config';

export const repoRoot = new URL('..', import.meta.url).pathname;

/**
 * What every vitest config that loads Nest or TypeORM code needs: SWC with legacy decorators and
 * decorator metadata (exactly what tsc emits, which Nest's DI and TypeORM rely on) instead of Vite's
 * own transform, and the `@duban/domain` alias.
 */
export const nestTransform: Pick<UserConfig, 'plugins' | 'oxc' | 'resolve'> = {
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
  // The contract entry first: an alias also matches the specifiers under it ('@duban/domain/…').
  resolve: {
    alias: {
      '@duban/domain/contract': `${repoRoot}libs/domain/src/contract.ts`,
      '@duban/domain': `${repoRoot}libs/domain/src/index.ts`,
    },
  },
};
