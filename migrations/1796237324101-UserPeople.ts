import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UserPeople1796237324101 implements MigrationInterface {
  name = 'UserPeople1796237324101';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "phone" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "is_head" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "CHK_users_head_officer" CHECK (NOT "is_head" OR "role" = 'officer')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "CHK_users_head_officer"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "is_head"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "phone"`);
  }
}
