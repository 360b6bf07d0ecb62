import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ImportJobs1796221022888 implements MigrationInterface {
  name = 'ImportJobs1796221022888';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "import_jobs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "file_name" text NOT NULL, "size_bytes" integer NOT NULL, "status" text NOT NULL, "percent" smallint NOT NULL DEFAULT '0', "documents_done" integer NOT NULL DEFAULT '0', "documents_total" integer NOT NULL DEFAULT '0', "measures_found" integer NOT NULL DEFAULT '0', "error_code" text, "error_message" text, "error_status" smallint, "preview_id" uuid, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "duration_ms" integer, CONSTRAINT "PK_import_jobs" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_import_jobs_created_at" ON "import_jobs"  ("created_at") `);
    await queryRunner.query(
      `ALTER TABLE "import_jobs" ADD CONSTRAINT "FK_import_jobs_preview" FOREIGN KEY ("preview_id") REFERENCES "import_previews"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "import_jobs" ADD CONSTRAINT "FK_import_jobs_created_by" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_jobs" DROP CONSTRAINT "FK_import_jobs_created_by"`);
    await queryRunner.query(`ALTER TABLE "import_jobs" DROP CONSTRAINT "FK_import_jobs_preview"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_import_jobs_created_at"`);
    await queryRunner.query(`DROP TABLE "import_jobs"`);
  }
}
