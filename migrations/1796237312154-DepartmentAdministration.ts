import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DepartmentAdministration1796237312154 implements MigrationInterface {
  name = 'DepartmentAdministration1796237312154';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "departments" ADD "collective" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "departments" ADD "jurisdiction" text`);
    // Backfill by kind and group shape; the registry sync (setup, seed) then applies the domain rule
    // (isCollectiveParty) to every row, which also catches the registry's generic local groups (各地区).
    await queryRunner.query(
      `UPDATE "departments" SET "collective" = true
        WHERE "kind" = 'collective' OR "name" ~ '^(各|有关|相关|地方各级|其他|试点|综合医改试点)'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "departments" DROP COLUMN "jurisdiction"`);
    await queryRunner.query(`ALTER TABLE "departments" DROP COLUMN "collective"`);
  }
}
