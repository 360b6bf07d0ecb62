import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'browser',
    root: new URL('.', import.meta.url).pathname,
    include: ['**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['./support/global-setup.ts'],
    // One stack, one browser, flows that build on each other: run in order in a single worker.
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // The stack shares two cores with the build and other tiers: a screen that updates after a reload can take
    // seconds, so expect.poll waits up to 10 s (default 1 s). Checks of speed are measured, never polled.
    expect: { poll: { timeout: 10_000 } },
  },
});
