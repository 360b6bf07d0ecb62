import { affectedRows, type SqlRunner } from './sql-result';

/** A department webhook as the admins see it (the secret is write-only: never selected). */
export interface WebhookRow {
  id: string;
  department_id: string;
  url: string;
  enabled: boolean;
  created_at: Date;
}

export function listWebhooks(db: SqlRunner): Promise<WebhookRow[]> {
  return db.query(
    'SELECT id, department_id, url, enabled, created_at FROM department_webhooks ORDER BY created_at',
  );
}

/** Whether the department exists (a webhook names one). */
export async function departmentExists(db: SqlRunner, departmentId: string): Promise<boolean> {
  const [department]: unknown[] = await db.query('SELECT id FROM departments WHERE id = $1', [departmentId]);
  return department !== undefined;
}

export async function insertWebhook(
  db: SqlRunner,
  input: { departmentId: string; url: string; secret: string },
): Promise<WebhookRow> {
  const [row]: WebhookRow[] = await db.query(
    `INSERT INTO department_webhooks (department_id, url, secret) VALUES ($1, $2, $3)
     RETURNING id, department_id, url, enabled, created_at`,
    [input.departmentId, input.url, input.secret],
  );
  return row;
}

/** False when no webhook had that id. */
export async function deleteWebhook(db: SqlRunner, id: string): Promise<boolean> {
  const result: unknown = await db.query('DELETE FROM department_webhooks WHERE id = $1', [id]);
  return affectedRows(result) > 0;
}
