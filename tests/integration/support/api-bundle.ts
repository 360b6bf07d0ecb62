import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ROOT = new URL('../../..', import.meta.url).pathname;

/** What the API bundle (dist/apps/api) is built from. */
const SOURCE_DIRS = ['apps/api/src', 'libs/domain/src', 'migrations'];
const BUNDLE_ENTRIES = ['main.js', 'worker.js', 'cli.js'];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds the API bundle (main, worker, cli) when `bundleFile` is missing or older than any of its
 * sources, so whoever runs the built files (the reminder tests' worker, bench:api) runs the code as it
 * is now.
 */
export function ensureApiBuilt(bundleFile: string): void {
  const sources = Math.max(...SOURCE_DIRS.map((dir) => newestMtime(join(ROOT, dir))));
  if (existsSync(bundleFile) && statSync(bundleFile).mtimeMs >= sources) return;
  execFileSync('npx', ['nx', 'build', 'api', '--skip-nx-cache', '--outputStyle=static'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  // webpack leaves an output file untouched when its content is unchanged (compareBeforeEmit), which
  // would make the bundle look stale, and rebuild, on every call after a touch that changed nothing.
  const now = new Date();
  for (const entry of BUNDLE_ENTRIES) {
    const file = join(dirname(bundleFile), entry);
    if (existsSync(file)) utimesSync(file, now, now);
  }
}
