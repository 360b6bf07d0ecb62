import type { TaskListQueryDto } from '@duban/domain';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth.decorators';
import { departmentPageStatement } from './department-page.strategy';
import type { SortKey } from './list-order';
import { overdueFirstPageStatement } from './overdue-first-page.strategy';
import type { DepartmentScope, PageRequest, PageStatement } from './page-request';
import { sortedPageStatement } from './sorted-page.strategy';

/**
 * How one list page is read. `department`: from one department's assignment rows, as a prepared
 * statement; `sorted`: filtered and sorted on the tasks table; `overdue-first`: the default order of an
 * unscoped list as two index walks. `windowed` plans carry the total in each row; the others are counted
 * in parallel (supervisors', admins' lists: up to every task).
 */
export interface PagePlan {
  strategy: 'department' | 'sorted' | 'overdue-first';
  statement: PageStatement;
  windowed: boolean;
}

function departmentScope(query: TaskListQueryDto, user: AuthUser): DepartmentScope | null {
  if (user.role === 'officer') {
    if (!user.departmentId) return null;
    // An officer filtering on another department sees the tasks both share: two departments.
    if (query.department && query.department !== user.departmentId) return null;
    return { id: user.departmentId, role: query.role };
  }
  return query.department ? { id: query.department, role: query.role } : null;
}

/** Whether every filter and sort key of the list can be judged on assignment rows' copies. */
function readsOnlyAssignmentCopies(query: TaskListQueryDto, order: SortKey[]): boolean {
  const needsTask =
    Boolean(query.light ?? query.document ?? query.q?.trim()) ||
    query.needsAssignment !== undefined ||
    query.mine === true ||
    query.awaitingSignoff === true;
  return !needsTask && order.every((key) => key.onAssignment !== undefined);
}

export function planPage(dataSource: DataSource, request: PageRequest): PagePlan {
  const { query, user } = request;
  const department = departmentScope(query, user);
  if (department && readsOnlyAssignmentCopies(query, request.order)) {
    return {
      strategy: 'department',
      statement: departmentPageStatement(request, department),
      windowed: true,
    };
  }
  // An officer's list is a department's few hundred tasks: sorted whole with a window count.
  const windowed = user.role === 'officer';
  if (!windowed && !query.sort) {
    return { strategy: 'overdue-first', statement: overdueFirstPageStatement(dataSource, request), windowed };
  }
  return { strategy: 'sorted', statement: sortedPageStatement(dataSource, request, windowed), windowed };
}
