/**
 * Which integration folders run in which project of tests/integration/vitest.config.mts, in one place: each
 * project includes its folders, and `core` excludes every folder another project claims, so a new folder runs
 * exactly once (in core unless listed here).
 */
export const SUITE_FOLDERS = {
  /** The real Nest/Fastify app in-process, a fresh database per file. */
  workflow: ['tasks', 'workflow', 'evidence', 'access', 'audit', 'stats', 'export', 'bulletins'],
  /** Worker child processes with real PostgreSQL, Redis and SMTP. */
  reminders: ['reminders'],
  /** Two built APIs, two workers, s3rver. */
  multiInstance: ['multi-instance'],
} as const;

const brace = (folders: readonly string[]): string =>
  folders.length === 1 ? folders[0] : `{${folders.join(',')}}`;

export function suiteInclude(suite: keyof typeof SUITE_FOLDERS): string[] {
  return [`tests/integration/${brace(SUITE_FOLDERS[suite])}/**/*.spec.ts`];
}

/** Everything the suites claim, for the core config's exclude. */
export const CLAIMED_BY_SUITES = [`tests/integration/${brace(Object.values(SUITE_FOLDERS).flat())}/**`];
