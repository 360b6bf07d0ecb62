import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SignoffAssigneeMainLead1796237395411 implements MigrationInterface {
  name = 'SignoffAssigneeMainLead1796237395411';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "tasks" ADD "signoff_requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await queryRunner.query(`ALTER TABLE "tasks" ADD "acknowledged_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "tasks" ADD "acknowledged_by_id" uuid`);
    await queryRunner.query(`ALTER TABLE "tasks" ADD "assignee_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "progress_reports" ADD "cooperation" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`ALTER TABLE "task_assignments" ADD "is_main" boolean NOT NULL DEFAULT false`);
    // Tasks that exist already were being handled before 签收 existed: they count as signed off (else
    // every open task would escalate to the 督查室 two working days after the upgrade).
    await queryRunner.query(
      `UPDATE "tasks" SET "signoff_requested_at" = "created_at", "acknowledged_at" = "created_at"`,
    );
    // The first lead by its order becomes the 主办; reports of every other department are 配合意见.
    await queryRunner.query(
      `UPDATE "task_assignments" a SET "is_main" = true
         FROM (SELECT DISTINCT ON (task_id) id FROM "task_assignments" WHERE role = 'lead'
                ORDER BY task_id, position, created_at, id) m
        WHERE a.id = m.id`,
    );
    await queryRunner.query(
      `UPDATE "progress_reports" r SET "cooperation" = true
        WHERE NOT EXISTS (SELECT 1 FROM "task_assignments" a
                           WHERE a.task_id = r.task_id AND a.department_id = r.department_id AND a.is_main)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_tasks_awaiting_signoff" ON "tasks"  ("signoff_requested_at") WHERE "acknowledged_at" IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_tasks_assignee" ON "tasks"  ("assignee_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_task_assignments_main" ON "task_assignments"  ("task_id") WHERE "is_main"`,
    );
    await queryRunner.query(
      `ALTER TABLE "tasks" ADD CONSTRAINT "FK_tasks_acknowledged_by" FOREIGN KEY ("acknowledged_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tasks" ADD CONSTRAINT "FK_tasks_assignee" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tasks" DROP CONSTRAINT "FK_tasks_assignee"`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP CONSTRAINT "FK_tasks_acknowledged_by"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_task_assignments_main"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_tasks_assignee"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_tasks_awaiting_signoff"`);
    await queryRunner.query(`ALTER TABLE "task_assignments" DROP COLUMN "is_main"`);
    await queryRunner.query(`ALTER TABLE "progress_reports" DROP COLUMN "cooperation"`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP COLUMN "assignee_id"`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP COLUMN "acknowledged_by_id"`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP COLUMN "acknowledged_at"`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP COLUMN "signoff_requested_at"`);
  }
}
