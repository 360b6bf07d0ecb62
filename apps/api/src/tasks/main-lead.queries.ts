import type { EntityManager } from 'typeorm';

/**
 * The 主办 lead department of the task whose id is the SQL expression `taskId`: the flagged lead, else
 * (rows written before the flag, or by hand) the first lead by order. Every read of the 主办 uses this.
 */
export function mainLeadSql(taskId: string, options: { realOnly?: boolean } = {}): string {
  // realOnly: a collective party (各有关部门, 各地区…) is never asked to 签收 or reminded; the next real lead is.
  const real = options.realOnly
    ? ` AND NOT EXISTS (SELECT 1 FROM departments md WHERE md.id = ml.department_id AND md.collective)`
    : '';
  return `(SELECT ml.department_id FROM task_assignments ml WHERE ml.task_id = ${taskId} AND ml.role = 'lead'${real}
            ORDER BY ml.is_main DESC, ml.position, ml.created_at, ml.id LIMIT 1)`;
}

/**
 * Keeps exactly one 主办 lead (`task_assignments.is_main`) per task with leads, after any write to its
 * assignments (立项, import, the 督查室's change of departments): a 主办 that is no longer a lead loses the
 * flag, and a task without one gets its first lead by order. Where the 主办 DEPARTMENT changed on a task
 * that had one (`previous`, read before the caller's writes; by default the flagged rows now), the task waits for 签收 again (from `now`) and its 承办人 (an officer of the old 主办) is
 * cleared. Returns those tasks' ids. Two statements, not one: the partial unique index admits one 主办
 * at a time, and the order of updates inside one statement is not defined.
 */
export async function syncMainLeads(
  manager: EntityManager,
  taskIds: readonly string[],
  now: Date,
  previous?: ReadonlyMap<string, string>,
): Promise<string[]> {
  if (taskIds.length === 0) return [];
  const ids = [...new Set(taskIds)];
  const before = previous ?? (await mainLeadsOf(manager, ids));
  await manager.query(
    `UPDATE task_assignments SET is_main = false WHERE task_id = ANY($1::uuid[]) AND is_main AND role <> 'lead'`,
    [ids],
  );
  // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
  const [chosen] = await manager.query<[{ task_id: string; department_id: string }[], number]>(
    `UPDATE task_assignments a SET is_main = true
       FROM (SELECT DISTINCT ON (l.task_id) l.id FROM task_assignments l
              WHERE l.task_id = ANY($1::uuid[]) AND l.role = 'lead'
                AND NOT EXISTS (SELECT 1 FROM task_assignments m WHERE m.task_id = l.task_id AND m.is_main)
              ORDER BY l.task_id, l.position, l.created_at, l.id) f
      WHERE a.id = f.id
      RETURNING a.task_id, a.department_id`,
    [ids],
  );
  const changed = chosen
    .filter((row) => before.has(row.task_id) && before.get(row.task_id) !== row.department_id)
    .map((row) => row.task_id);
  await resetSignoff(manager, changed, now);
  return changed;
}

/** The 主办 department of each task that has one (flagged, else its first lead), by task id. */
export async function mainLeadsOf(
  manager: EntityManager,
  taskIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await manager.query<{ id: string; main: string | null }[]>(
    `SELECT t.id, ${mainLeadSql('t.id')} AS main FROM unnest($1::uuid[]) AS t(id)`,
    [[...new Set(taskIds)]],
  );
  return new Map(rows.flatMap((row) => (row.main ? [[row.id, row.main] as const] : [])));
}

/** A new 主办 department must sign off itself, and names its own 承办人. */
export async function resetSignoff(
  manager: EntityManager,
  taskIds: readonly string[],
  now: Date,
): Promise<void> {
  if (taskIds.length === 0) return;
  await manager.query(
    `UPDATE tasks SET signoff_requested_at = $2, acknowledged_at = NULL, acknowledged_by_id = NULL, assignee_id = NULL
      WHERE id = ANY($1::uuid[])`,
    [taskIds, now],
  );
}
