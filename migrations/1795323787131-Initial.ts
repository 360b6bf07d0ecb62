import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795323787131 implements MigrationInterface {
  name = 'Initial1795323787131';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "policy_documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "doc_number" text, "title" text NOT NULL, "title_key" text NOT NULL, "issuer" text, "date" date, "source_file" text NOT NULL, "source_checksum" character(64) NOT NULL, "start_line" integer NOT NULL, "end_line" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_policy_documents" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_policy_documents_title_key" ON "policy_documents"  ("title_key") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_policy_documents_doc_number" ON "policy_documents"  ("doc_number") WHERE "doc_number" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE TYPE "public"."measure_origin" AS ENUM('inline', 'table', 'field')`);
    await queryRunner.query(`CREATE TYPE "public"."deadline_kind" AS ENUM('date', 'ongoing')`);
    await queryRunner.query(
      `CREATE TYPE "public"."task_status" AS ENUM('not_started', 'in_progress', 'submitted', 'done', 'returned')`,
    );
    await queryRunner.query(
      `CREATE TABLE "tasks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "document_id" uuid NOT NULL, "measure_key" text NOT NULL, "parent_id" uuid, "path" text array NOT NULL DEFAULT '{}', "title" text NOT NULL, "text" text NOT NULL, "source_file" text NOT NULL, "source_line" integer NOT NULL, "origin" "public"."measure_origin" NOT NULL, "joint" boolean NOT NULL DEFAULT false, "lead_names" text array NOT NULL DEFAULT '{}', "participant_names" text array NOT NULL DEFAULT '{}', "deadline" date, "deadline_text" text, "deadline_kind" "public"."deadline_kind", "original_deadline" date, "status" "public"."task_status" NOT NULL DEFAULT 'not_started', "submission_summary" text, "return_reason" text, "last_report_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, "completed_on_time" boolean, "completed_on_time_original" boolean, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_tasks_document_measure_key" UNIQUE ("document_id", "measure_key"), CONSTRAINT "PK_tasks" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_tasks_parent" ON "tasks"  ("parent_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_tasks_deadline" ON "tasks"  ("deadline") `);
    await queryRunner.query(`CREATE INDEX "IDX_tasks_status" ON "tasks"  ("status") `);
    await queryRunner.query(`CREATE INDEX "IDX_tasks_document" ON "tasks"  ("document_id") `);
    await queryRunner.query(
      `CREATE TYPE "public"."department_kind" AS ENUM('ministry', 'local', 'collective')`,
    );
    await queryRunner.query(
      `CREATE TABLE "departments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "slug" character varying(32) NOT NULL, "aliases" text array NOT NULL DEFAULT '{}', "kind" "public"."department_kind" NOT NULL, "successor_id" uuid, "valid_until" date, "created_from_import" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_departments_slug" UNIQUE ("slug"), CONSTRAINT "UQ_departments_name" UNIQUE ("name"), CONSTRAINT "PK_departments" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_departments_successor" ON "departments"  ("successor_id") `);
    await queryRunner.query(`CREATE TYPE "public"."user_role" AS ENUM('officer', 'supervisor', 'admin')`);
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" character varying(64) NOT NULL, "display_name" text NOT NULL, "password_hash" text NOT NULL, "role" "public"."user_role" NOT NULL, "department_id" uuid, "email" text, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_users_username" UNIQUE ("username"), CONSTRAINT "CHK_users_officer_department" CHECK ("role" <> 'officer' OR "department_id" IS NOT NULL), CONSTRAINT "PK_users" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_users_department" ON "users"  ("department_id") `);
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid, "document_id" uuid, "actor_id" uuid, "actor_name" text, "action" character varying(64) NOT NULL, "from_status" character varying(16), "to_status" character varying(16), "detail" jsonb, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_audit_log" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_at" ON "audit_log"  ("at") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_document_at" ON "audit_log"  ("document_id", "at") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_task_at" ON "audit_log"  ("task_id", "at") `);
    await queryRunner.query(
      `CREATE TABLE "evidence_files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "department_id" uuid, "uploaded_by_id" uuid NOT NULL, "file_name" text NOT NULL, "mime_type" text NOT NULL, "size" bigint NOT NULL, "sha256" character(64) NOT NULL, "storage_key" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_evidence_files" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_evidence_files_sha256" ON "evidence_files"  ("sha256") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_evidence_files_task_created" ON "evidence_files"  ("task_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "import_previews" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "file_name" text NOT NULL, "checksum" character(64) NOT NULL, "extraction" jsonb NOT NULL, "preview" jsonb NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "committed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_import_previews" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_import_previews_expires_at" ON "import_previews"  ("expires_at") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."extension_status" AS ENUM('pending', 'granted', 'refused')`,
    );
    await queryRunner.query(
      `CREATE TABLE "extension_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "department_id" uuid NOT NULL, "requested_by_id" uuid NOT NULL, "reason" text NOT NULL, "current_deadline" date, "requested_deadline" date NOT NULL, "status" "public"."extension_status" NOT NULL DEFAULT 'pending', "decided_by_id" uuid, "decision_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_extension_requests" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_extension_requests_status" ON "extension_requests"  ("status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_extension_requests_task_created" ON "extension_requests"  ("task_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "progress_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "department_id" uuid NOT NULL, "author_id" uuid NOT NULL, "text" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_progress_reports" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_progress_reports_task_created" ON "progress_reports"  ("task_id", "created_at") `,
    );
    await queryRunner.query(`CREATE TYPE "public"."assignment_role" AS ENUM('lead', 'participant')`);
    await queryRunner.query(
      `CREATE TABLE "task_assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "department_id" uuid NOT NULL, "role" "public"."assignment_role" NOT NULL, "position" smallint NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_task_assignments_task_department" UNIQUE ("task_id", "department_id"), CONSTRAINT "PK_task_assignments" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_task_assignments_department_role_task" ON "task_assignments"  ("department_id", "role", "task_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "tasks" ADD CONSTRAINT "FK_tasks_document" FOREIGN KEY ("document_id") REFERENCES "policy_documents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tasks" ADD CONSTRAINT "FK_tasks_parent" FOREIGN KEY ("parent_id") REFERENCES "tasks"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "departments" ADD CONSTRAINT "FK_departments_successor" FOREIGN KEY ("successor_id") REFERENCES "departments"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_users_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_log" ADD CONSTRAINT "FK_audit_log_task" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_log" ADD CONSTRAINT "FK_audit_log_document" FOREIGN KEY ("document_id") REFERENCES "policy_documents"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_log" ADD CONSTRAINT "FK_audit_log_actor" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_files" ADD CONSTRAINT "FK_evidence_files_task" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_files" ADD CONSTRAINT "FK_evidence_files_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_files" ADD CONSTRAINT "FK_evidence_files_uploaded_by" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "import_previews" ADD CONSTRAINT "FK_import_previews_created_by" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "extension_requests" ADD CONSTRAINT "FK_extension_requests_task" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "extension_requests" ADD CONSTRAINT "FK_extension_requests_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "extension_requests" ADD CONSTRAINT "FK_extension_requests_requested_by" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "extension_requests" ADD CONSTRAINT "FK_extension_requests_decided_by" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_reports" ADD CONSTRAINT "FK_progress_reports_task" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_reports" ADD CONSTRAINT "FK_progress_reports_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_reports" ADD CONSTRAINT "FK_progress_reports_author" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_assignments" ADD CONSTRAINT "FK_task_assignments_task" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_assignments" ADD CONSTRAINT "FK_task_assignments_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Hand-written (TypeORM cannot express these): Chinese search by trigram + ILIKE, and the
    // append-only audit log.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE INDEX "IDX_tasks_title_trgm" ON "tasks" USING gin ("title" gin_trgm_ops)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_tasks_text_trgm" ON "tasks" USING gin ("text" gin_trgm_ops)`);
    await queryRunner.query(
      `CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "TRG_audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_audit_log_append_only" ON "audit_log"`);
    await queryRunner.query(`DROP FUNCTION "audit_log_append_only"()`);
    await queryRunner.query(`DROP INDEX "public"."IDX_tasks_text_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_tasks_title_trgm"`);
    await queryRunner.query(
      `ALTER TABLE "task_assignments" DROP CONSTRAINT "FK_task_assignments_department"`,
    );
    await queryRunner.query(`ALTER TABLE "task_assignments" DROP CONSTRAINT "FK_task_assignments_task"`);
    await queryRunner.query(`ALTER TABLE "progress_reports" DROP CONSTRAINT "FK_progress_reports_author"`);
    await queryRunner.query(
      `ALTER TABLE "progress_reports" DROP CONSTRAINT "FK_progress_reports_department"`,
    );
    await queryRunner.query(`ALTER TABLE "progress_reports" DROP CONSTRAINT "FK_progress_reports_task"`);
    await queryRunner.query(
      `ALTER TABLE "extension_requests" DROP CONSTRAINT "FK_extension_requests_decided_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "extension_requests" DROP CONSTRAINT "FK_extension_requests_requested_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "extension_requests" DROP CONSTRAINT "FK_extension_requests_department"`,
    );
    await queryRunner.query(`ALTER TABLE "extension_requests" DROP CONSTRAINT "FK_extension_requests_task"`);
    await queryRunner.query(`ALTER TABLE "import_previews" DROP CONSTRAINT "FK_import_previews_created_by"`);
    await queryRunner.query(`ALTER TABLE "evidence_files" DROP CONSTRAINT "FK_evidence_files_uploaded_by"`);
    await queryRunner.query(`ALTER TABLE "evidence_files" DROP CONSTRAINT "FK_evidence_files_department"`);
    await queryRunner.query(`ALTER TABLE "evidence_files" DROP CONSTRAINT "FK_evidence_files_task"`);
    await queryRunner.query(`ALTER TABLE "audit_log" DROP CONSTRAINT "FK_audit_log_actor"`);
    await queryRunner.query(`ALTER TABLE "audit_log" DROP CONSTRAINT "FK_audit_log_document"`);
    await queryRunner.query(`ALTER TABLE "audit_log" DROP CONSTRAINT "FK_audit_log_task"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_users_department"`);
    await queryRunner.query(`ALTER TABLE "departments" DROP CONSTRAINT "FK_departments_successor"`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP CONSTRAINT "FK_tasks_parent"`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP CONSTRAINT "FK_tasks_document"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_task_assignments_department_role_task"`);
    await queryRunner.query(`DROP TABLE "task_assignments"`);
    await queryRunner.query(`DROP TYPE "public"."assignment_role"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_progress_reports_task_created"`);
    await queryRunner.query(`DROP TABLE "progress_reports"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_extension_requests_task_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_extension_requests_status"`);
    await queryRunner.query(`DROP TABLE "extension_requests"`);
    await queryRunner.query(`DROP TYPE "public"."extension_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_import_previews_expires_at"`);
    await queryRunner.query(`DROP TABLE "import_previews"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_evidence_files_task_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_evidence_files_sha256"`);
    await queryRunner.query(`DROP TABLE "evidence_files"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_log_task_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_log_document_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_log_at"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_users_department"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TYPE "public"."user_role"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_departments_successor"`);
    await queryRunner.query(`DROP TABLE "departments"`);
    await queryRunner.query(`DROP TYPE "public"."department_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_tasks_document"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_tasks_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_tasks_deadline"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_tasks_parent"`);
    await queryRunner.query(`DROP TABLE "tasks"`);
    await queryRunner.query(`DROP TYPE "public"."task_status"`);
    await queryRunner.query(`DROP TYPE "public"."deadline_kind"`);
    await queryRunner.query(`DROP TYPE "public"."measure_origin"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_policy_documents_doc_number"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_policy_documents_title_key"`);
    await queryRunner.query(`DROP TABLE "policy_documents"`);
    // pg_trgm is left installed: other databases' objects on the server may use it.
  }
}
