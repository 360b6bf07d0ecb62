import type { EntityManager } from 'typeorm';
import { accountDepartmentErrors } from '../users/users.errors';
import { accountDepartment } from './departments.queries';

/**
 * 400 unless `departmentId` can hold accounts: a collective party (各有关部门, 各地区…) stands for many
 * units and a merged unit's work has moved to its successor, so neither gets officers.
 */
export async function assertAccountDepartment(manager: EntityManager, departmentId: string): Promise<void> {
  const row = await accountDepartment(manager, departmentId);
  if (!row) return; // the foreign key answers for an unknown id
  if (row.collective) {
    throw accountDepartmentErrors.collective(row.name, departmentId);
  }
  if (row.successor) {
    throw accountDepartmentErrors.merged(row.name, row.successor, departmentId);
  }
}
