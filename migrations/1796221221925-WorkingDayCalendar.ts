import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkingDayCalendar1796221221925 implements MigrationInterface {
  name = 'WorkingDayCalendar1796221221925';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "calendar_days" ("date" date NOT NULL, "kind" character varying(16) NOT NULL, "name" character varying(40) NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_calendar_days_kind" CHECK ("kind" IN ('holiday', 'workday')), CONSTRAINT "PK_calendar_days" PRIMARY KEY ("date"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "calendar_days"`);
  }
}
