import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InboxDigest1796237332247 implements MigrationInterface {
  name = 'InboxDigest1796237332247';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_deliveries" ADD "digest_delivery_id" uuid`);
    await queryRunner.query(`ALTER TABLE "notification_preferences" ADD "digest" text NOT NULL DEFAULT 'none'`);
    await queryRunner.query(`ALTER TABLE "notification_deliveries" ADD CONSTRAINT "FK_notification_deliveries_digest" FOREIGN KEY ("digest_delivery_id") REFERENCES "notification_deliveries"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_deliveries" DROP CONSTRAINT "FK_notification_deliveries_digest"`);
    await queryRunner.query(`ALTER TABLE "notification_preferences" DROP COLUMN "digest"`);
    await queryRunner.query(`ALTER TABLE "notification_deliveries" DROP COLUMN "digest_delivery_id"`);
  }
}
