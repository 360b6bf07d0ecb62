import type { EntityManager } from 'typeorm';
import { ValidationError } from '../infra/http/domain-error';
import { accountDepartment } from './departments.queries';

/**
 * 400 unless `departmentId` can hold accounts: a collective party (各有关部门, 各地区…) stands for many
 * units and a merged unit's work has moved to its successor, so neither gets officers.
 */
export async function assertAccountDepartment(manager: EntityManager, departmentId: string): Promise<void> {
  const row = await accountDepartment(manager, departmentId);
  if (!row) return; // the foreign key answers for an unknown id
  if (row.collective) {
    throw new ValidationError(
      'USER_DEPARTMENT_COLLECTIVE',
      `“${row.name}”是统称（如各有关部门、各地区），不能开设账号：请选择具体单位。`,
      { departmentId },
    );
  }
  if (row.successor) {
    throw new ValidationError(
      'USER_DEPARTMENT_MERGED',
      `“${row.name}”已并入“${row.successor}”，请为“${row.successor}”开设账号。`,
      { departmentId },
    );
  }
}
