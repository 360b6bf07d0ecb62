import type { EntityManager } from 'typeorm';

/**
 * What a merge would move, read before it runs (the moves themselves are the owning features' statements:
 * tasks/task-department-moves.queries.ts, evidence/evidence.queries.ts, users/users.queries.ts).
 */
type Sql = Pick<EntityManager, 'query'>;

/** What a merge of a unit would move: whether it exists, its tasks (all and open ones) and its accounts. */
export async function mergeUsage(
  manager: Sql,
  departmentId: string,
): Promise<{ found: boolean; tasks: number; open: number; users: number } | undefined> {
  const [row] = await manager.query<{ found: boolean; tasks: number; open: number; users: number }[]>(
    `SELECT EXISTS (SELECT 1 FROM departments WHERE id = $1) AS found,
            (SELECT count(*)::int FROM task_assignments WHERE department_id = $1) AS tasks,
            (SELECT count(*)::int FROM task_assignments a JOIN tasks t ON t.id = a.task_id
              WHERE a.department_id = $1 AND t.status NOT IN ('done', 'terminated')) AS open,
            (SELECT count(*)::int FROM users WHERE department_id = $1) AS users`,
    [departmentId],
  );
  return row;
}
