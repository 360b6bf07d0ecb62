import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importCycles, readSources, type SourceFile } from './source-graph';
import { regressions, staleEntries, structureReport, type StructureReport } from './structure-rules';

const ROOT = join(__dirname, '../..');
const baseline = JSON.parse(readFileSync(join(__dirname, 'baseline.json'), 'utf8')) as StructureReport;
const sources = readSources(ROOT);
const current = structureReport(sources);

const file = (path: string, imports: string[] = [], text = '', lines = 10): SourceFile => ({
  path,
  imports,
  text,
  lines,
});

describe('the rules catch what they are for', () => {
  it('finds a cycle of three files and a self-import, not a chain', () => {
    const cycles = importCycles([
      file('libs/domain/src/a.ts', ['libs/domain/src/b.ts']),
      file('libs/domain/src/b.ts', ['libs/domain/src/c.ts']),
      file('libs/domain/src/c.ts', ['libs/domain/src/a.ts']),
      file('libs/domain/src/d.ts', ['libs/domain/src/d.ts']),
      file('libs/domain/src/e.ts', ['libs/domain/src/a.ts']),
    ]);
    expect(cycles).toEqual([
      ['libs/domain/src/a.ts', 'libs/domain/src/b.ts', 'libs/domain/src/c.ts'],
      ['libs/domain/src/d.ts'],
    ]);
  });

  it('reports crossings, infra → feature imports, long files and raw SQL outside its places', () => {
    const report = structureReport([
      file('libs/domain/src/x.ts', ['apps/api/src/tasks/task.entity.ts']),
      file('apps/web/src/app/a.ts', ['apps/api/src/main.ts']),
      file('apps/api/src/infra/database/entities.ts', [
        'apps/api/src/tasks/task.entity.ts',
        'apps/api/src/infra/config/app-config.ts',
      ]),
      file('apps/api/src/tasks/task-query.service.ts', [], 'm.query(`a`); m.query<Row[]>(`b`)', 633),
      file('apps/api/src/tasks/task.queries.ts', [], 'm.query(`a`)'),
      file('apps/api/src/tasks/task.service.spec.ts', [], 'm.query(`a`)', 900),
    ]);
    expect(report.boundaries).toEqual([
      'libs/domain/src/x.ts → apps/api/src/tasks/task.entity.ts',
      'apps/web/src/app/a.ts → apps/api/src/main.ts',
    ]);
    expect(report.infraImportsFeature).toEqual([
      'apps/api/src/infra/database/entities.ts → apps/api/src/tasks/task.entity.ts',
    ]);
    expect(report.oversized).toEqual({ 'apps/api/src/tasks/task-query.service.ts': 633 });
    expect(report.rawQuery).toEqual({ 'apps/api/src/tasks/task-query.service.ts': 2 });
  });

  it("reports SQL that writes another feature's table, not reads or the owner's own writes", () => {
    const report = structureReport([
      file('apps/api/src/tasks/task.entity.ts', [], "@Entity({ name: 'tasks' })\nexport class TaskEntity {}"),
      file('apps/api/src/users/user.entity.ts', [], "@Entity({ name: 'users' })\nexport class UserEntity {}"),
      file(
        'apps/api/src/tasks/task.repository.ts',
        [],
        'q(`UPDATE tasks SET x = 1`); q(`SELECT 1 FROM users`)',
      ),
      file(
        'apps/api/src/departments/department-merge.queries.ts',
        [],
        'q(`UPDATE tasks SET version = version + 1`); q(`INSERT INTO users (id) VALUES ($1) ON CONFLICT DO UPDATE SET id = $1`)',
      ),
      file('apps/api/src/users/users.queries.spec.ts', [], 'q(`DELETE FROM tasks`)'),
    ]);
    expect(report.foreignWrites).toEqual([
      'apps/api/src/departments/department-merge.queries.ts → tasks (tasks)',
      'apps/api/src/departments/department-merge.queries.ts → users (users)',
    ]);
    expect(regressions(report, report)).toHaveLength(2);
  });

  it('lets a recorded violation stay but not grow, and flags a new one', () => {
    const base: StructureReport = {
      boundaries: [],
      infraImportsFeature: [],
      cycles: [],
      oversized: { 'a.ts': 450 },
      rawQuery: { 'b.ts': 2 },
      foreignWrites: [],
    };
    expect(regressions({ ...base }, base)).toEqual([]);
    const worse = regressions(
      { ...base, oversized: { 'a.ts': 451, 'c.ts': 401 }, rawQuery: { 'b.ts': 3 } },
      base,
    );
    expect(worse).toHaveLength(3);
    expect(staleEntries({ ...base, rawQuery: {} }, base)).toEqual(['b.ts']);
  });
});

describe('the codebase keeps its structure (issue 11)', () => {
  it('reads the sources', () => {
    expect(sources.length).toBeGreaterThan(300);
    expect(sources.find((f) => f.path === 'apps/api/src/main.ts')?.imports.length).toBeGreaterThan(0);
  });

  it('no boundary crossed or foreign table written; no new cycle, infra dependency, long file or raw SQL beyond the baseline', () => {
    expect(regressions(current, baseline)).toEqual([]);
  });

  it('the baseline lists only violations that still exist (run `npm run structure:baseline` after a fix)', () => {
    expect(staleEntries(current, baseline)).toEqual([]);
  });
});
