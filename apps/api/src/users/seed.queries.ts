import type { EntityManager } from 'typeorm';

/**
 * The seed's read across features: non-collective departments named by at least one task assignment
 * (tasks' table), each with whether it already has an account.
 */
export function departmentsNamedByTasks(
  manager: Pick<EntityManager, 'query'>,
): Promise<{ id: string; name: string; staffed: boolean }[]> {
  return manager.query(
    `SELECT d.id, d.name,
            EXISTS (SELECT 1 FROM users u WHERE u.department_id = d.id) AS staffed
       FROM departments d
      WHERE d.kind <> 'collective'
        AND EXISTS (SELECT 1 FROM task_assignments a WHERE a.department_id = d.id)
      ORDER BY d.name`,
  );
}
