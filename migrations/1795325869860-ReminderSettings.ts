import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReminderSettings1795325869860 implements MigrationInterface {
  name = 'ReminderSettings1795325869860';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "reminder_settings" ("id" smallint NOT NULL, "policy" jsonb NOT NULL DEFAULT '{}', "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_reminder_settings_single_row" CHECK ("id" = 1), CONSTRAINT "PK_reminder_settings" PRIMARY KEY ("id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "reminder_settings"`);
  }
}
