import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * The import graph of the product's sources (apps/api/src, apps/web/src, libs/domain/src), read with the
 * TypeScript pre-processor only: no Nx project graph, no daemon, no type check. `@duban/domain` resolves
 * as each app's tsconfig maps it (the web app to the contract entry).
 */
export interface SourceFile {
  /** Repository-relative, forward slashes. */
  path: string;
  lines: number;
  text: string;
  /** Repository-relative paths of the product sources this file imports (npm packages left out). */
  imports: string[];
}

export const SOURCE_ROOTS = ['apps/api/src', 'apps/web/src', 'libs/domain/src'] as const;

// The web app maps only the contract entry (apps/web/tsconfig.json); the API and the lib map both.
const DOMAIN_ENTRY: Record<string, Record<string, string>> = {
  'apps/web/src': { '@duban/domain/contract': 'libs/domain/src/contract.ts' },
  'apps/api/src': {
    '@duban/domain': 'libs/domain/src/index.ts',
    '@duban/domain/contract': 'libs/domain/src/contract.ts',
  },
  'libs/domain/src': {
    '@duban/domain': 'libs/domain/src/index.ts',
    '@duban/domain/contract': 'libs/domain/src/contract.ts',
  },
};

export function isTestFile(path: string): boolean {
  return /\.(spec|test|e2e)\.ts$/.test(path) || path.includes('/test/') || path.includes('/testing/');
}

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'node_modules' && !name.startsWith('.')) walk(full, out);
    } else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(full);
  }
}

function resolveRelative(fromFile: string, spec: string): string | null {
  const base = resolve(dirname(fromFile), spec);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && candidate.endsWith('.ts')) return candidate;
  }
  // `./x.js` written for ESM output resolves to `./x.ts`.
  if (spec.endsWith('.js')) {
    const source = base.replace(/\.js$/, '.ts');
    if (existsSync(source)) return source;
  }
  return null;
}

export function readSources(repoRoot: string): SourceFile[] {
  const files: SourceFile[] = [];
  for (const root of SOURCE_ROOTS) {
    const absoluteRoot = join(repoRoot, root);
    if (!existsSync(absoluteRoot)) continue;
    const paths: string[] = [];
    walk(absoluteRoot, paths);
    for (const absolute of paths) {
      const text = readFileSync(absolute, 'utf8');
      const info = ts.preProcessFile(text, true, true);
      const imports = new Set<string>();
      for (const ref of info.importedFiles) {
        const spec = ref.fileName;
        let target: string | null = null;
        if (spec.startsWith('.')) target = resolveRelative(absolute, spec);
        else if (DOMAIN_ENTRY[root][spec]) target = join(repoRoot, DOMAIN_ENTRY[root][spec]);
        if (target) imports.add(relative(repoRoot, target).split('\\').join('/'));
      }
      files.push({
        path: relative(repoRoot, absolute).split('\\').join('/'),
        lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0),
        text,
        imports: [...imports].sort(),
      });
    }
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** Strongly connected components with more than one file (or a file importing itself): the import cycles. */
export function importCycles(files: readonly SourceFile[]): string[][] {
  const graph = new Map(files.map((f) => [f.path, f.imports]));
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  // Iterative Tarjan: the graph has thousands of nodes, recursion depth is not worth the risk.
  for (const start of graph.keys()) {
    if (indices.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    indices.set(start, index);
    low.set(start, index++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const edges = graph.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        const to = edges[frame.next++];
        if (!graph.has(to)) continue;
        if (!indices.has(to)) {
          indices.set(to, index);
          low.set(to, index++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, indices.get(to)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === indices.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = component.length === 1 && (graph.get(member) ?? []).includes(member);
        if (component.length > 1 || selfLoop) cycles.push(component.sort());
      }
    }
  }
  return cycles.sort((a, b) => a[0].localeCompare(b[0]));
}
