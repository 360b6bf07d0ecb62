import type { ProgressReportDto } from '@duban/domain';
import type { EntityManager } from 'typeorm';

/** A connection or a transaction's manager: both run statements. */
type Runner = Pick<EntityManager, 'query'>;

/** The SQL on `progress_reports` (进展 and 配合意见). */

/** A task's reports, oldest first, with department and author names. */
export async function reportsForTask(db: Runner, taskId: string): Promise<ProgressReportDto[]> {
  const rows = await db.query<
    {
      id: string;
      department_id: string;
      department_name: string;
      author: string;
      text: string;
      created_at: Date;
      cooperation: boolean;
    }[]
  >(
    `SELECT r.id, r.department_id, d.name AS department_name, u.display_name AS author, r.text, r.created_at,
            r.cooperation
       FROM progress_reports r
       JOIN departments d ON d.id = r.department_id
       JOIN users u ON u.id = r.author_id
      WHERE r.task_id = $1 ORDER BY r.created_at, r.id`,
    [taskId],
  );
  return rows.map((row) => ({
    id: row.id,
    department: { id: row.department_id, name: row.department_name },
    author: row.author,
    text: row.text,
    createdAt: row.created_at.toISOString(),
    cooperation: row.cooperation,
  }));
}

export interface NewProgressReport {
  taskId: string;
  departmentId: string | null;
  authorId: string;
  text: string;
  createdAt: Date;
  cooperation: boolean;
}

/** Inserts a report; returns its id. */
export async function insertProgressReport(db: Runner, report: NewProgressReport): Promise<string> {
  const [row] = await db.query<{ id: string }[]>(
    `INSERT INTO progress_reports (task_id, department_id, author_id, text, created_at, cooperation)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [report.taskId, report.departmentId, report.authorId, report.text, report.createdAt, report.cooperation],
  );
  return row.id;
}
