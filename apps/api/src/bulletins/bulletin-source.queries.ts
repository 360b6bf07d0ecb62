/**
 * What a 督查通报 reads: every task that may count for the period (created before the cutoff, not
 * done before the period began), with its lead departments, last progress report and returns (from
 * the audit log). Dates are Shanghai calendar dates. $1 period start (timestamptz), $2 cutoff
 * (timestamptz), $3 document or NULL, $4 lead departments or NULL.
 */
import type { BulletinTaskInput } from '@duban/domain';
import type { EntityManager } from 'typeorm';

type Sql = Pick<EntityManager, 'query'>;

const SHANGHAI_DAY = (column: string) => `((${column}) AT TIME ZONE 'Asia/Shanghai')::date::text`;

const BULLETIN_TASKS_SQL = `
SELECT t.id, t.title, p.title AS "documentTitle", t.status::text AS status, t.deadline::text AS deadline,
       ${SHANGHAI_DAY('t.created_at')} AS "createdOn",
       CASE WHEN t.completed_at IS NULL THEN NULL ELSE ${SHANGHAI_DAY('t.completed_at')} END AS "completedOn",
       t.completed_on_time AS "completedOnTime",
       (SELECT coalesce(json_agg(json_build_object('id', d.id, 'name', d.name) ORDER BY a.position, d.name), '[]'::json)
          FROM task_assignments a JOIN departments d ON d.id = a.department_id
         WHERE a.task_id = t.id AND a.role = 'lead') AS leads,
       (SELECT json_build_object('on', ${SHANGHAI_DAY('r.created_at')}, 'text', r.text)
          FROM progress_reports r WHERE r.task_id = t.id ORDER BY r.created_at DESC LIMIT 1) AS "lastProgress",
       (SELECT coalesce(json_agg(json_build_object('on', ${SHANGHAI_DAY('l.at')}, 'reason', coalesce(l.detail->>'reason', ''))
                                 ORDER BY l.at), '[]'::json)
          FROM audit_log l WHERE l.task_id = t.id AND l.action = 'task.returned') AS returns
  FROM tasks t
  LEFT JOIN policy_documents p ON p.id = t.document_id
 WHERE t.created_at < $2::timestamptz
   AND (t.completed_at IS NULL OR t.completed_at >= $1::timestamptz)
   AND ($3::uuid IS NULL OR t.document_id = $3::uuid)
   AND ($4::uuid[] IS NULL OR EXISTS (SELECT 1 FROM task_assignments s
                                        WHERE s.task_id = t.id AND s.role = 'lead' AND s.department_id = ANY($4::uuid[])))`;

/**
 * The period's tasks (`from` and `until` are instants; `until` excluded), of one document and/or led by
 * one of `leads` when given. Reads tasks, assignments, reports and the audit log: the bulletin's source.
 */
export function bulletinTasks(
  db: Sql,
  from: Date,
  until: Date,
  document: string | null,
  leads: readonly string[] | null,
): Promise<BulletinTaskInput[]> {
  return db.query<BulletinTaskInput[]>(BULLETIN_TASKS_SQL, [from, until, document, leads]);
}

/** The title of a policy document (documents feature's table), or undefined. */
export async function documentTitle(db: Sql, id: string): Promise<string | undefined> {
  const [doc] = await db.query<{ title: string }[]>(`SELECT title FROM policy_documents WHERE id = $1`, [id]);
  return doc?.title;
}
