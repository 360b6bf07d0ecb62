import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * task_assignments carries a copy of its task's status and deadline, so a department's list is read
 * from one index. Generated from the entities, then completed by hand (before landing) with what
 * TypeORM cannot express: the backfill of existing rows and the triggers that keep the copies right.
 */
export class AssignmentTaskCopy1795332442812 implements MigrationInterface {
  name = 'AssignmentTaskCopy1795332442812';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Nullable until the backfill, then NOT NULL as the entity says.
    await queryRunner.query(`ALTER TABLE "task_assignments" ADD "task_status" "public"."task_status"`);
    await queryRunner.query(`ALTER TABLE "task_assignments" ADD "task_deadline" date`);
    await queryRunner.query(
      `UPDATE "task_assignments" a SET "task_status" = t."status", "task_deadline" = t."deadline" FROM "tasks" t WHERE t."id" = a."task_id"`,
    );
    await queryRunner.query(`ALTER TABLE "task_assignments" ALTER COLUMN "task_status" SET NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX "IDX_task_assignments_department_status_deadline" ON "task_assignments"  ("department_id", "task_status", "task_deadline", "task_id", "role") `,
    );
    // An assignment row takes its task's values whenever it is written. FOR SHARE waits for a
    // concurrent status change of the task to commit and then reads it, so neither side misses the other.
    await queryRunner.query(
      `CREATE FUNCTION "task_assignments_copy_task"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT t."status", t."deadline" INTO NEW."task_status", NEW."task_deadline"
    FROM "tasks" t WHERE t."id" = NEW."task_id" FOR SHARE;
  RETURN NEW;
END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "TRG_task_assignments_copy_task" BEFORE INSERT OR UPDATE ON "task_assignments" FOR EACH ROW EXECUTE FUNCTION "task_assignments_copy_task"()`,
    );
    // A task's status or deadline change reaches its assignment rows in the same transaction.
    await queryRunner.query(
      `CREATE FUNCTION "tasks_copy_to_assignments"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "task_assignments" SET "task_status" = NEW."status", "task_deadline" = NEW."deadline"
   WHERE "task_id" = NEW."id";
  RETURN NULL;
END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "TRG_tasks_copy_to_assignments" AFTER UPDATE OF "status", "deadline" ON "tasks" FOR EACH ROW
       WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."deadline" IS DISTINCT FROM NEW."deadline")
       EXECUTE FUNCTION "tasks_copy_to_assignments"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_tasks_copy_to_assignments" ON "tasks"`);
    await queryRunner.query(`DROP FUNCTION "tasks_copy_to_assignments"()`);
    await queryRunner.query(`DROP TRIGGER "TRG_task_assignments_copy_task" ON "task_assignments"`);
    await queryRunner.query(`DROP FUNCTION "task_assignments_copy_task"()`);
    await queryRunner.query(`DROP INDEX "public"."IDX_task_assignments_department_status_deadline"`);
    await queryRunner.query(`ALTER TABLE "task_assignments" DROP COLUMN "task_deadline"`);
    await queryRunner.query(`ALTER TABLE "task_assignments" DROP COLUMN "task_status"`);
  }
}
