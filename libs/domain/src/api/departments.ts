/** Department administration (issue 12): request and response shapes of /api/departments. */
import type { DepartmentKind } from '../departments/types';

/** Body of POST /api/departments. */
export interface CreateDepartmentRequestDto {
  name: string;
  /** Short names as documents write them (简称). */
  aliases?: string[];
  kind: DepartmentKind;
  jurisdiction?: string | null;
}

/**
 * Body of PATCH /api/departments/:id: any of the fields. A new `name` is a rename: the old name becomes
 * an alias, so documents that still use it keep matching the unit.
 */
export interface UpdateDepartmentRequestDto {
  name?: string;
  aliases?: string[];
  kind?: DepartmentKind;
  jurisdiction?: string | null;
}

/** Body of POST /api/departments/:id/merge. */
export interface MergeDepartmentRequestDto {
  /** The successor: the unit that takes over the merged one's tasks, accounts and names. */
  into: string;
}

/** GET /api/departments/:id/usage: what a merge would move. */
export interface DepartmentUsageDto {
  id: string;
  /** Tasks the unit is assigned to (lead or participant), closed ones included. */
  tasks: number;
  /** Open tasks among them. */
  openTasks: number;
  /** Accounts of the unit. */
  users: number;
}

/** Answer of POST /api/departments/:id/merge. */
export interface MergeDepartmentResultDto {
  merged: { id: string; name: string };
  into: { id: string; name: string };
  /** Tasks whose assignment moved to the successor. */
  tasksMoved: number;
  /** Of those, tasks where the successor was already assigned (one row kept, the stronger role). */
  tasksShared: number;
  usersMoved: number;
}
