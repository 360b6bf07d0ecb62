/**
 * What the 督办台账 adds to the list's rows: each task's latest progress report and its extension
 * requests (read-only, by task ids already scoped by the list query), and the names behind filter ids
 * for the file name. $1 task ids.
 */
export const LEDGER_EXTRAS_SQL = `
SELECT t.id,
       (SELECT json_build_object('at', r.created_at, 'text', r.text) FROM progress_reports r
         WHERE r.task_id = t.id ORDER BY r.created_at DESC LIMIT 1) AS "latestProgress",
       (SELECT coalesce(json_agg(json_build_object('requestedAt', e.created_at, 'from', e.current_deadline::text,
                                                   'to', e.requested_deadline::text, 'status', e.status)
                                 ORDER BY e.created_at), '[]'::json)
          FROM extension_requests e WHERE e.task_id = t.id) AS extensions
  FROM unnest($1::uuid[]) AS t(id)`;

export const DEPARTMENT_NAME_SQL = `SELECT name FROM departments WHERE id = $1`;
export const DOCUMENT_TITLE_SQL = `SELECT title FROM policy_documents WHERE id = $1`;
