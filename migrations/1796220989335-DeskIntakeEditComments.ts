import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The 督查室's desk: a source kind on policy_documents (hand-entered 领导批示, 会议纪要… share the table with
 * imported documents), milestones / recurrence / termination reason on tasks, the status 已终止
 * ('terminated'), the origins 'manual' and 'ledger', comments, and 台账 import previews.
 *
 * Written by hand from the generated one: TypeORM wanted to add 'terminated' twice (task_status is shared by
 * tasks and task_assignments) and to drop and recreate unrelated indexes. Enum values are appended, so the
 * drift check sees the entities' order.
 */
export class DeskIntakeEditComments1796220989335 implements MigrationInterface {
  name = 'DeskIntakeEditComments1796220989335';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "intake_previews" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "file_name" text NOT NULL, "checksum" character(64) NOT NULL, "rows" jsonb NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "committed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_intake_previews" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_intake_previews_expires_at" ON "intake_previews"  ("expires_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "task_comments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "reply_to_id" uuid, "author_id" uuid, "author_name" text NOT NULL, "department_id" uuid, "by_supervisor" boolean NOT NULL DEFAULT false, "text" text NOT NULL, "mention_ids" uuid array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_task_comments" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_task_comments_task_created" ON "task_comments"  ("task_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."task_source_kind" AS ENUM('leader_instruction', 'meeting_minutes', 'government_work_report', 'npc_suggestion', 'cppcc_proposal', 'special_inspection', 'policy_document', 'other')`,
    );
    await queryRunner.query(
      `ALTER TABLE "policy_documents" ADD "source_kind" "public"."task_source_kind" NOT NULL DEFAULT 'policy_document'`,
    );
    await queryRunner.query(`ALTER TABLE "tasks" ADD "milestones" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(
      `CREATE TYPE "public"."recurrence_period" AS ENUM('year', 'half-year', 'quarter', 'month')`,
    );
    await queryRunner.query(`ALTER TABLE "tasks" ADD "recurrence" "public"."recurrence_period"`);
    await queryRunner.query(`ALTER TABLE "tasks" ADD "termination_reason" text`);
    await queryRunner.query(`ALTER TYPE "public"."measure_origin" ADD VALUE IF NOT EXISTS 'manual'`);
    await queryRunner.query(`ALTER TYPE "public"."measure_origin" ADD VALUE IF NOT EXISTS 'ledger'`);
    await queryRunner.query(`ALTER TYPE "public"."task_status" ADD VALUE IF NOT EXISTS 'terminated'`);
    await queryRunner.query(
      `ALTER TABLE "intake_previews" ADD CONSTRAINT "FK_intake_previews_created_by" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_comments" ADD CONSTRAINT "FK_task_comments_task" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_comments" ADD CONSTRAINT "FK_task_comments_reply_to" FOREIGN KEY ("reply_to_id") REFERENCES "task_comments"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_comments" ADD CONSTRAINT "FK_task_comments_author" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_comments" ADD CONSTRAINT "FK_task_comments_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "task_comments"`);
    await queryRunner.query(`DROP TABLE "intake_previews"`);
    // PostgreSQL cannot drop an enum value: rebuild the types. 已终止 tasks go back as 已办结 and hand-made
    // tasks as 'field' (the older schema has no word for either); the trigger depending on tasks.status is
    // recreated around the change.
    await queryRunner.query(`DROP TRIGGER "TRG_tasks_copy_to_assignments" ON "tasks"`);
    await queryRunner.query(`ALTER TABLE "tasks" ALTER COLUMN "status" DROP DEFAULT`);
    await queryRunner.query(
      `CREATE TYPE "public"."task_status_old" AS ENUM('not_started', 'in_progress', 'submitted', 'done', 'returned')`,
    );
    for (const [table, column] of [
      ['tasks', 'status'],
      ['task_assignments', 'task_status'],
    ]) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ALTER COLUMN "${column}" TYPE "public"."task_status_old"
           USING (CASE WHEN "${column}"::text = 'terminated' THEN 'done' ELSE "${column}"::text END)::"public"."task_status_old"`,
      );
    }
    await queryRunner.query(`DROP TYPE "public"."task_status"`);
    await queryRunner.query(`ALTER TYPE "public"."task_status_old" RENAME TO "task_status"`);
    await queryRunner.query(`ALTER TABLE "tasks" ALTER COLUMN "status" SET DEFAULT 'not_started'`);
    await queryRunner.query(
      `CREATE TRIGGER "TRG_tasks_copy_to_assignments" AFTER UPDATE OF "status", "deadline" ON "tasks" FOR EACH ROW
       WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."deadline" IS DISTINCT FROM NEW."deadline")
       EXECUTE FUNCTION "tasks_copy_to_assignments"()`,
    );
    await queryRunner.query(`CREATE TYPE "public"."measure_origin_old" AS ENUM('inline', 'table', 'field')`);
    await queryRunner.query(
      `ALTER TABLE "tasks" ALTER COLUMN "origin" TYPE "public"."measure_origin_old"
         USING (CASE WHEN "origin"::text IN ('manual', 'ledger') THEN 'field' ELSE "origin"::text END)::"public"."measure_origin_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."measure_origin"`);
    await queryRunner.query(`ALTER TYPE "public"."measure_origin_old" RENAME TO "measure_origin"`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP COLUMN "termination_reason"`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP COLUMN "recurrence"`);
    await queryRunner.query(`DROP TYPE "public"."recurrence_period"`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP COLUMN "milestones"`);
    await queryRunner.query(`ALTER TABLE "policy_documents" DROP COLUMN "source_kind"`);
    await queryRunner.query(`DROP TYPE "public"."task_source_kind"`);
  }
}
