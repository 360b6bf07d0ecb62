import type { AssignmentRole, TaskListQueryDto } from '@duban/domain';
import type { AuthUser } from '../../auth/auth.decorators';
import type { TimingParameters } from '../task-timing.sql';
import type { SortKey } from './list-order';

/** One list call resolved: its filters, caller, order, clock and the page wanted. */
export interface PageRequest {
  query: TaskListQueryDto;
  user: AuthUser;
  order: SortKey[];
  timing: TimingParameters;
  page: number;
  pageSize: number;
}

/** A page's SQL with its positional parameters. */
export interface PageStatement {
  sql: string;
  parameters: unknown[];
}

/** The single department a list is confined to, when there is one. */
export interface DepartmentScope {
  id: string;
  role?: AssignmentRole;
}
