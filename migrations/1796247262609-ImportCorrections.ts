import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ImportCorrections1796247262609 implements MigrationInterface {
  name = 'ImportCorrections1796247262609';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "import_corrections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "checksum" character(64) NOT NULL, "kind" text NOT NULL, "payload" jsonb NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_import_corrections" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_import_corrections_checksum" ON "import_corrections"  ("checksum", "created_at") `,
    );
    await queryRunner.query(`ALTER TABLE "import_previews" ADD "source" bytea`);
    await queryRunner.query(
      `ALTER TABLE "import_corrections" ADD CONSTRAINT "FK_import_corrections_created_by" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "import_corrections" DROP CONSTRAINT "FK_import_corrections_created_by"`,
    );
    await queryRunner.query(`ALTER TABLE "import_previews" DROP COLUMN "source"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_import_corrections_checksum"`);
    await queryRunner.query(`DROP TABLE "import_corrections"`);
  }
}
