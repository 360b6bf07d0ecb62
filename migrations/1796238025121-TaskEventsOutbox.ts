import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TaskEventsOutbox1796238025121 implements MigrationInterface {
  name = 'TaskEventsOutbox1796238025121';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "task_events" ("id" BIGSERIAL NOT NULL, "task_id" uuid NOT NULL, "kind" text NOT NULL, "payload" jsonb NOT NULL DEFAULT '{}', "actor" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "processed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_task_events" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_task_events_task" ON "task_events"  ("task_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_task_events_unprocessed" ON "task_events"  ("id") WHERE processed_at IS NULL`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "FK_notifications_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "task_events" ADD CONSTRAINT "FK_task_events_task" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "task_events" DROP CONSTRAINT "FK_task_events_task"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_notifications_user"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "user_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_task_events_unprocessed"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_task_events_task"`);
    await queryRunner.query(`DROP TABLE "task_events"`);
  }
}
