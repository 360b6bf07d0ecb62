import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TaskChecklist1796285959356 implements MigrationInterface {
  name = 'TaskChecklist1796285959356';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tasks" ADD "checklist" jsonb NOT NULL DEFAULT '[]'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tasks" DROP COLUMN "checklist"`);
  }
}
