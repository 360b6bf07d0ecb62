import type { SchemaDiff } from './schema-drift';

/**
 * The text of a migration file for a schema diff (`migration:generate`). Its `queryRunner.query(` lines
 * are generated code, not statements this module runs.
 */
function renderQuery(q: SchemaDiff['up'][number]): string {
  const sql = q.query.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
  const params = q.parameters && q.parameters.length > 0 ? `, ${JSON.stringify(q.parameters)}` : '';
  return `    await queryRunner.query(\`${sql}\`${params});`;
}

/** Same layout as TypeORM's `migration:generate` output. */
export function renderMigration(name: string, timestamp: number, diff: SchemaDiff): string {
  const className = `${name}${timestamp}`;
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${diff.up.map(renderQuery).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${[...diff.down].reverse().map(renderQuery).join('\n')}
  }
}
`;
}
