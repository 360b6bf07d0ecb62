import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UserOidcSubject1796222997236 implements MigrationInterface {
  name = 'UserOidcSubject1796222997236';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "oidc_subject" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "UQ_7eee74144a9e60905a19d0203ca" UNIQUE ("oidc_subject")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "UQ_7eee74144a9e60905a19d0203ca"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "oidc_subject"`);
  }
}
