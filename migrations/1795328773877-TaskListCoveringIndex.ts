import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TaskListCoveringIndex1795328773877 implements MigrationInterface {
  name = 'TaskListCoveringIndex1795328773877';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_tasks_id_status_deadline" ON "tasks"  ("id", "status", "deadline") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_tasks_id_status_deadline"`);
  }
}
