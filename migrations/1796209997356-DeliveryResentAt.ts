import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DeliveryResentAt1796209997356 implements MigrationInterface {
  name = 'DeliveryResentAt1796209997356';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_deliveries" ADD "resent_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_deliveries" DROP COLUMN "resent_at"`);
  }
}
