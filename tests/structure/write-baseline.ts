import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSources } from './source-graph';
import { structureReport } from './structure-rules';

/** `npm run structure:baseline`: records today's ratcheted violations (boundaries are never recorded). */
const root = join(__dirname, '../..');
const report = structureReport(readSources(root));
if (report.boundaries.length > 0 || report.foreignWrites.length > 0) {
  console.error(
    `boundary crossings and foreign-table writes cannot be recorded, fix them:\n${[...report.boundaries, ...report.foreignWrites].join('\n')}`,
  );
  process.exit(1);
}
writeFileSync(join(__dirname, 'baseline.json'), `${JSON.stringify(report, null, 2)}\n`);
const count = (o: object) => Object.keys(o).length;
console.log(
  `baseline: ${report.infraImportsFeature.length} infra→feature imports, ${report.cycles.length} cycles, ` +
    `${count(report.oversized)} files over the limit, ${count(report.rawQuery)} files with raw SQL outside their places`,
);
