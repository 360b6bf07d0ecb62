import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counters behind the dashboard (apps/api/src/stats/README.md): how many tasks (and assignments) there
 * are per document / department × role × document, status, on-time flag and deadline bucket, written by
 * triggers in the same transaction as the change. Written by hand: TypeORM has no entities for them
 * (the stats feature reads them with SQL only), so migration:generate ignores them.
 *
 * - Triggers only ever INSERT signed delta rows (+1 / −1), never update a counter row: two transactions
 *   moving tasks in opposite directions would otherwise lock the same two rows in opposite order and
 *   deadlock. `stats_compact()` folds the deltas together later; readers always SUM.
 * - The deadline becomes a bucket relative to the horizon day H (`stats_horizon.as_of`, today in
 *   Asia/Shanghai when last rebuilt): NULL = no deadline, -infinity = before H (overdue while open),
 *   the day itself for H … H + window (the yellow window), +infinity = later. When the day changes the
 *   reader calls `stats_rebuild(today, window)`, which recounts everything under an exclusive advisory
 *   lock; triggers hold the same lock shared, so no change is bucketed against a stale horizon.
 * - status is text, not the task_status enum, so a status added later is counted without a migration.
 */
export class StatsCounters1796220995284 implements MigrationInterface {
  name = 'StatsCounters1796220995284';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "stats_horizon" (
      "id" int PRIMARY KEY CHECK ("id" = 1),
      "as_of" date NOT NULL,
      "window_days" int NOT NULL,
      "rebuilt_at" timestamptz NOT NULL DEFAULT now())`);
    await queryRunner.query(`CREATE TABLE "stats_task_counts" (
      "document_id" uuid, "status" text NOT NULL, "on_time" boolean, "bucket" date, "n" int NOT NULL)`);
    await queryRunner.query(`CREATE TABLE "stats_department_counts" (
      "department_id" uuid NOT NULL, "role" text NOT NULL, "status" text NOT NULL, "on_time" boolean,
      "bucket" date, "n" int NOT NULL)`);
    await queryRunner.query(`CREATE TABLE "stats_assignment_counts" (
      "department_id" uuid NOT NULL, "role" text NOT NULL, "document_id" uuid, "status" text NOT NULL,
      "on_time" boolean, "bucket" date, "n" int NOT NULL)`);
    await queryRunner.query(
      `CREATE INDEX "IDX_stats_assignment_counts_department" ON "stats_assignment_counts" ("department_id", "role")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_stats_department_counts_role" ON "stats_department_counts" ("role", "department_id")`,
    );
    // Undated open tasks turn yellow when no report came for TASK_STALE_AFTER_DAYS: a moving instant,
    // counted at read time from this small index instead; the INCLUDEd columns make it an index-only
    // scan (35 → 1.5 ms at 100k tasks).
    await queryRunner.query(
      `CREATE INDEX "IDX_tasks_undated_last_activity" ON "tasks" ((COALESCE("last_report_at", "created_at")))
        INCLUDE ("last_report_at", "created_at", "status") WHERE "deadline" IS NULL AND "status" <> 'done'`,
    );

    await queryRunner.query(`CREATE FUNCTION "stats_bucket"(deadline date, as_of date, window_days int)
      RETURNS date LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN deadline IS NULL THEN NULL
                    WHEN deadline < as_of THEN '-infinity'::date
                    WHEN deadline <= as_of + window_days THEN deadline
                    ELSE 'infinity'::date END $$`);
    await queryRunner.query(`CREATE FUNCTION "stats_on_time"(status text, on_time boolean)
      RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN status = 'done' THEN on_time END $$`);

    // A task's own counter row, and one per assignment, with the given sign.
    await queryRunner.query(`CREATE FUNCTION "stats_count_task"(sign int, task_id uuid, document_id uuid,
        status text, on_time boolean, deadline date, with_task boolean) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE h record;
      BEGIN
        PERFORM pg_advisory_xact_lock_shared(hashtext('duban.stats'));
        SELECT as_of, window_days INTO h FROM stats_horizon WHERE id = 1;
        IF h IS NULL THEN RETURN; END IF; -- never built: the first reader builds everything
        IF with_task THEN
          INSERT INTO stats_task_counts VALUES
            (document_id, status, stats_on_time(status, on_time), stats_bucket(deadline, h.as_of, h.window_days), sign);
        END IF;
        INSERT INTO stats_assignment_counts
          SELECT a.department_id, a.role::text, document_id, status, stats_on_time(status, on_time),
                 stats_bucket(deadline, h.as_of, h.window_days), sign
            FROM task_assignments a WHERE a.task_id = stats_count_task.task_id;
        INSERT INTO stats_department_counts
          SELECT a.department_id, a.role::text, status, stats_on_time(status, on_time),
                 stats_bucket(deadline, h.as_of, h.window_days), sign
            FROM task_assignments a WHERE a.task_id = stats_count_task.task_id;
      END $$`);
    await queryRunner.query(`CREATE FUNCTION "stats_count_assignment"(sign int, task_id uuid,
        department_id uuid, role text) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE h record; t record;
      BEGIN
        PERFORM pg_advisory_xact_lock_shared(hashtext('duban.stats'));
        SELECT as_of, window_days INTO h FROM stats_horizon WHERE id = 1;
        IF h IS NULL THEN RETURN; END IF;
        SELECT x.document_id, x.status::text AS status, x.completed_on_time, x.deadline INTO t
          FROM tasks x WHERE x.id = stats_count_assignment.task_id;
        -- Gone: the task is being deleted, and its BEFORE DELETE trigger already took its assignments out.
        IF NOT FOUND THEN RETURN; END IF;
        INSERT INTO stats_assignment_counts VALUES (department_id, role, t.document_id, t.status,
          stats_on_time(t.status, t.completed_on_time), stats_bucket(t.deadline, h.as_of, h.window_days), sign);
        INSERT INTO stats_department_counts VALUES (department_id, role, t.status,
          stats_on_time(t.status, t.completed_on_time), stats_bucket(t.deadline, h.as_of, h.window_days), sign);
      END $$`);

    await queryRunner.query(`CREATE FUNCTION "tasks_stats"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          PERFORM stats_count_task(-1, OLD.id, OLD.document_id, OLD.status::text, OLD.completed_on_time,
                                   OLD.deadline, true);
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          PERFORM stats_count_task(1, NEW.id, NEW.document_id, NEW.status::text, NEW.completed_on_time,
                                   NEW.deadline, true);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "TRG_tasks_stats_insert" AFTER INSERT ON "tasks" FOR EACH ROW EXECUTE FUNCTION "tasks_stats"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "TRG_tasks_stats_update" AFTER UPDATE OF "status", "deadline", "document_id", "completed_on_time"
         ON "tasks" FOR EACH ROW
         WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."deadline" IS DISTINCT FROM NEW."deadline"
            OR OLD."document_id" IS DISTINCT FROM NEW."document_id"
            OR OLD."completed_on_time" IS DISTINCT FROM NEW."completed_on_time")
         EXECUTE FUNCTION "tasks_stats"()`,
    );
    // BEFORE: the assignments are still there to be taken out; their cascade delete then finds no task.
    await queryRunner.query(`CREATE FUNCTION "tasks_stats_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM stats_count_task(-1, OLD.id, OLD.document_id, OLD.status::text, OLD.completed_on_time,
                                 OLD.deadline, true);
        RETURN OLD;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "TRG_tasks_stats_delete" BEFORE DELETE ON "tasks" FOR EACH ROW EXECUTE FUNCTION "tasks_stats_delete"()`,
    );
    await queryRunner.query(`CREATE FUNCTION "task_assignments_stats"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          PERFORM stats_count_assignment(-1, OLD.task_id, OLD.department_id, OLD.role::text);
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          PERFORM stats_count_assignment(1, NEW.task_id, NEW.department_id, NEW.role::text);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "TRG_task_assignments_stats" AFTER INSERT OR DELETE ON "task_assignments"
         FOR EACH ROW EXECUTE FUNCTION "task_assignments_stats"()`,
    );
    // Only a change of who or in which role: the status/deadline copies are the task trigger's business.
    await queryRunner.query(
      `CREATE TRIGGER "TRG_task_assignments_stats_update" AFTER UPDATE OF "task_id", "department_id", "role"
         ON "task_assignments" FOR EACH ROW
         WHEN (OLD."task_id" IS DISTINCT FROM NEW."task_id" OR OLD."department_id" IS DISTINCT FROM NEW."department_id"
            OR OLD."role" IS DISTINCT FROM NEW."role")
         EXECUTE FUNCTION "task_assignments_stats"()`,
    );
    // TRUNCATE fires no row trigger: forget the horizon, so the next reader rebuilds.
    await queryRunner.query(`CREATE FUNCTION "tasks_stats_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN DELETE FROM stats_horizon; RETURN NULL; END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "TRG_tasks_stats_truncate" AFTER TRUNCATE ON "tasks" FOR EACH STATEMENT EXECUTE FUNCTION "tasks_stats_truncate"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "TRG_task_assignments_stats_truncate" AFTER TRUNCATE ON "task_assignments" FOR EACH STATEMENT EXECUTE FUNCTION "tasks_stats_truncate"()`,
    );

    // Recount everything for a horizon; a no-op when another caller just did (re-checked under the lock).
    await queryRunner.query(`CREATE FUNCTION "stats_rebuild"(as_of date, window_days int, force boolean)
      RETURNS boolean LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('duban.stats'));
        IF NOT force AND EXISTS (SELECT 1 FROM stats_horizon h WHERE h.as_of = stats_rebuild.as_of
                                   AND h.window_days = stats_rebuild.window_days) THEN
          RETURN false;
        END IF;
        DELETE FROM stats_task_counts;
        DELETE FROM stats_department_counts;
        DELETE FROM stats_assignment_counts;
        INSERT INTO stats_task_counts
          SELECT t.document_id, t.status::text, stats_on_time(t.status::text, t.completed_on_time),
                 stats_bucket(t.deadline, as_of, window_days), count(*)::int
            FROM tasks t GROUP BY 1, 2, 3, 4;
        INSERT INTO stats_assignment_counts
          SELECT a.department_id, a.role::text, t.document_id, t.status::text,
                 stats_on_time(t.status::text, t.completed_on_time), stats_bucket(t.deadline, as_of, window_days),
                 count(*)::int
            FROM task_assignments a JOIN tasks t ON t.id = a.task_id GROUP BY 1, 2, 3, 4, 5, 6;
        INSERT INTO stats_department_counts
          SELECT department_id, role, status, on_time, bucket, sum(n)::int
            FROM stats_assignment_counts GROUP BY 1, 2, 3, 4, 5;
        INSERT INTO stats_horizon (id, as_of, window_days, rebuilt_at) VALUES (1, as_of, window_days, now())
          ON CONFLICT (id) DO UPDATE SET as_of = EXCLUDED.as_of, window_days = EXCLUDED.window_days,
                                         rebuilt_at = EXCLUDED.rebuilt_at;
        RETURN true;
      END $$`);
    // Fold the delta rows of each key into one (keys with a single row are left alone).
    await queryRunner.query(`CREATE FUNCTION "stats_compact"() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        WITH dup AS (SELECT document_id, status, on_time, bucket FROM stats_task_counts
                      GROUP BY 1, 2, 3, 4 HAVING count(*) > 1),
             gone AS (DELETE FROM stats_task_counts c USING dup
                       WHERE c.document_id IS NOT DISTINCT FROM dup.document_id AND c.status = dup.status
                         AND c.on_time IS NOT DISTINCT FROM dup.on_time AND c.bucket IS NOT DISTINCT FROM dup.bucket
                      RETURNING c.*)
        INSERT INTO stats_task_counts SELECT document_id, status, on_time, bucket, sum(n)::int FROM gone
          GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0;
        WITH dup AS (SELECT department_id, role, status, on_time, bucket FROM stats_department_counts
                      GROUP BY 1, 2, 3, 4, 5 HAVING count(*) > 1),
             gone AS (DELETE FROM stats_department_counts c USING dup
                       WHERE c.department_id = dup.department_id AND c.role = dup.role AND c.status = dup.status
                         AND c.on_time IS NOT DISTINCT FROM dup.on_time AND c.bucket IS NOT DISTINCT FROM dup.bucket
                      RETURNING c.*)
        INSERT INTO stats_department_counts SELECT department_id, role, status, on_time, bucket, sum(n)::int
          FROM gone GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0;
        WITH dup AS (SELECT department_id, role, document_id, status, on_time, bucket FROM stats_assignment_counts
                      GROUP BY 1, 2, 3, 4, 5, 6 HAVING count(*) > 1),
             gone AS (DELETE FROM stats_assignment_counts c USING dup
                       WHERE c.department_id = dup.department_id AND c.role = dup.role
                         AND c.document_id IS NOT DISTINCT FROM dup.document_id AND c.status = dup.status
                         AND c.on_time IS NOT DISTINCT FROM dup.on_time AND c.bucket IS NOT DISTINCT FROM dup.bucket
                      RETURNING c.*)
        INSERT INTO stats_assignment_counts
          SELECT department_id, role, document_id, status, on_time, bucket, sum(n)::int FROM gone
           GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(n) <> 0;
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_task_assignments_stats_truncate" ON "task_assignments"`);
    await queryRunner.query(`DROP TRIGGER "TRG_tasks_stats_truncate" ON "tasks"`);
    await queryRunner.query(`DROP TRIGGER "TRG_task_assignments_stats_update" ON "task_assignments"`);
    await queryRunner.query(`DROP TRIGGER "TRG_task_assignments_stats" ON "task_assignments"`);
    await queryRunner.query(`DROP TRIGGER "TRG_tasks_stats_delete" ON "tasks"`);
    await queryRunner.query(`DROP TRIGGER "TRG_tasks_stats_update" ON "tasks"`);
    await queryRunner.query(`DROP TRIGGER "TRG_tasks_stats_insert" ON "tasks"`);
    await queryRunner.query(`DROP FUNCTION "stats_compact"()`);
    await queryRunner.query(`DROP FUNCTION "stats_rebuild"(date, int, boolean)`);
    await queryRunner.query(`DROP FUNCTION "tasks_stats_truncate"()`);
    await queryRunner.query(`DROP FUNCTION "task_assignments_stats"()`);
    await queryRunner.query(`DROP FUNCTION "tasks_stats_delete"()`);
    await queryRunner.query(`DROP FUNCTION "tasks_stats"()`);
    await queryRunner.query(`DROP FUNCTION "stats_count_assignment"(int, uuid, uuid, text)`);
    await queryRunner.query(`DROP FUNCTION "stats_count_task"(int, uuid, uuid, text, boolean, date, boolean)`);
    await queryRunner.query(`DROP FUNCTION "stats_on_time"(text, boolean)`);
    await queryRunner.query(`DROP FUNCTION "stats_bucket"(date, date, int)`);
    await queryRunner.query(`DROP INDEX "public"."IDX_tasks_undated_last_activity"`);
    await queryRunner.query(`DROP TABLE "stats_assignment_counts"`);
    await queryRunner.query(`DROP TABLE "stats_department_counts"`);
    await queryRunner.query(`DROP TABLE "stats_task_counts"`);
    await queryRunner.query(`DROP TABLE "stats_horizon"`);
  }
}
