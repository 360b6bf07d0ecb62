import { importCycles, isTestFile, type SourceFile } from './source-graph';

/**
 * The structure rules of the codebase (issue 11), as data: each rule lists its violations. Hard rules
 * (`boundaries`) allow none. Ratcheted rules (`infraImportsFeature`, `cycles`, `oversized`, `rawQuery`) may keep
 * the violations recorded in `baseline.json` — never more, never larger — until the structure work removes
 * them; `npm run structure:baseline` rewrites the baseline after a fix (and shows the shrinking in the diff).
 */
export interface StructureReport {
  /** Imports across a boundary that must never be crossed: `from → to`. */
  boundaries: string[];
  /** Files under apps/api/src/infra importing a feature folder: `from → to`. */
  infraImportsFeature: string[];
  /** Each import cycle as its sorted member files joined by ` ↔ `. */
  cycles: string[];
  /** Non-test source files over MAX_LINES (data tables aside): path → lines. */
  oversized: Record<string, number>;
  /** Raw `.query(` calls in the API outside `*.repository.ts`, `*.queries.ts` and `infra/`: path → count. */
  rawQuery: Record<string, number>;
  /**
   * SQL in one feature (or infra) that writes a table another feature owns (`@Entity` there): `path → table
   * (owner)`. Never allowed: the owner offers the statement and the others call it.
   */
  foreignWrites: string[];
}

export const MAX_LINES = 400;

/** Data tables (registries, vocabularies) are long by nature; they hold no logic to split. */
const DATA_FILE = /(\/data\/|registry-data|\.data\.ts$|holidays|calendar-data)/;

const API_INFRA = 'apps/api/src/infra/';

function featureOf(path: string): string | null {
  const m = /^apps\/api\/src\/([^/]+)\//.exec(path);
  return m && m[1] !== 'infra' ? m[1] : null;
}

function boundaryViolation(from: string, to: string): boolean {
  if (from.startsWith('libs/domain/')) return !to.startsWith('libs/domain/');
  if (from.startsWith('apps/web/')) return to.startsWith('apps/api/');
  if (from.startsWith('apps/api/')) return to.startsWith('apps/web/');
  return false;
}

/**
 * SQL runs in the API only; there, in infra/ or a feature's `*.repository.ts` or `*.queries.ts`. (`*.sql.ts`
 * files hold SQL fragments that queries files compose; they run none.)
 */
function rawQueryAllowed(path: string): boolean {
  if (!path.startsWith('apps/api/')) return true;
  return path.startsWith(API_INFRA) || /\.(repository|queries)\.ts$/.test(path) || isTestFile(path);
}

/** Each table's owning feature, read from the `@Entity({ name: '…' })` of the entity files under it. */
export function tableOwners(files: readonly SourceFile[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const file of files) {
    const feature = featureOf(file.path);
    if (!feature || !file.path.endsWith('.entity.ts')) continue;
    for (const m of file.text.matchAll(/@Entity\(\{\s*name:\s*'([a-z_]+)'/g)) owners.set(m[1], feature);
  }
  return owners;
}

/** Tables a file's SQL writes (INSERT INTO / UPDATE / DELETE FROM; keywords upper case, as the codebase writes SQL). */
function writtenTables(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([a-z_]+)"?/g)) out.add(m[1]);
  return out;
}

export function structureReport(files: readonly SourceFile[]): StructureReport {
  const report: StructureReport = {
    boundaries: [],
    infraImportsFeature: [],
    cycles: [],
    oversized: {},
    rawQuery: {},
    foreignWrites: [],
  };
  const owners = tableOwners(files);
  for (const file of files) {
    for (const target of file.imports) {
      if (boundaryViolation(file.path, target)) report.boundaries.push(`${file.path} → ${target}`);
      if (file.path.startsWith(API_INFRA) && featureOf(target) && !isTestFile(file.path)) {
        report.infraImportsFeature.push(`${file.path} → ${target}`);
      }
    }
    if (!isTestFile(file.path) && !DATA_FILE.test(file.path) && file.lines > MAX_LINES) {
      report.oversized[file.path] = file.lines;
    }
    if (file.path.startsWith('apps/api/src/') && !isTestFile(file.path)) {
      for (const table of writtenTables(file.text)) {
        const owner = owners.get(table);
        if (owner && owner !== featureOf(file.path))
          report.foreignWrites.push(`${file.path} → ${table} (${owner})`);
      }
    }
    if (!rawQueryAllowed(file.path)) {
      const count = (file.text.match(/\.query\s*(<[^>]*>)?\s*\(/g) ?? []).length;
      if (count > 0) report.rawQuery[file.path] = count;
    }
  }
  report.cycles = importCycles(files.filter((f) => !isTestFile(f.path))).map((c) => c.join(' ↔ '));
  return report;
}

/**
 * What `current` does worse than `baseline`: a new violation, or a recorded one that grew. Each line says
 * what to do about it, in English, for the engineer who broke it.
 */
export function regressions(current: StructureReport, baseline: StructureReport): string[] {
  const out: string[] = [];
  for (const b of current.boundaries) out.push(`boundary crossed (never allowed): ${b}`);
  for (const w of current.foreignWrites) {
    out.push(`another feature's table written (call the owner's queries instead; never allowed): ${w}`);
  }
  const known = (list: string[]) => new Set(list);
  const infra = known(baseline.infraImportsFeature);
  for (const v of current.infraImportsFeature) {
    if (!infra.has(v)) out.push(`infra/ imports a feature (inject it from the feature instead): ${v}`);
  }
  const cycles = known(baseline.cycles);
  for (const c of current.cycles) {
    if (!cycles.has(c)) out.push(`new import cycle (move the shared part below both): ${c}`);
  }
  for (const [path, lines] of Object.entries(current.oversized)) {
    const before = baseline.oversized[path];
    if (before === undefined) out.push(`${path} has ${lines} lines (limit ${MAX_LINES}): split it`);
    else if (lines > before)
      out.push(`${path} grew from ${before} to ${lines} lines (over ${MAX_LINES}): split it`);
  }
  for (const [path, count] of Object.entries(current.rawQuery)) {
    const before = baseline.rawQuery[path] ?? 0;
    if (count > before) {
      out.push(
        `${path}: ${count} raw .query( call(s), ${before} allowed — put SQL in the owning feature's *.queries.ts or *.repository.ts`,
      );
    }
  }
  return out;
}

/** Recorded violations that are gone: the baseline should shrink with them. */
export function staleEntries(current: StructureReport, baseline: StructureReport): string[] {
  const now = {
    infra: new Set(current.infraImportsFeature),
    cycles: new Set(current.cycles),
  };
  return [
    ...baseline.infraImportsFeature.filter((v) => !now.infra.has(v)),
    ...baseline.cycles.filter((c) => !now.cycles.has(c)),
    ...Object.keys(baseline.oversized).filter((p) => current.oversized[p] === undefined),
    ...Object.keys(baseline.rawQuery).filter((p) => current.rawQuery[p] === undefined),
  ];
}
