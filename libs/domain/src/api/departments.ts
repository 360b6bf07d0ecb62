/** Department administration (issue 12): request and response shapes of /api/departments. */
import type { DepartmentKind } from '../departments/types';
import type { DepartmentRefDto } from './common';

export interface DepartmentDto extends DepartmentRefDto {
  kind: DepartmentKind;
  aliases: string[];
  successor: DepartmentRefDto | null;
  predecessors: DepartmentRefDto[];
  /** True for units created at import time from an unknown name. */
  createdFromImport: boolean;
  /** The place the unit belongs to (杭州市), for a deployment's own units; null for national ones. */
  jurisdiction: string | null;
  /** A collective party (各有关部门, 各地区…): no accounts, never a merge target, not a real lead. */
  collective: boolean;
}

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

/** One row of a directory file (POST /api/departments/import): what it does, or why it cannot. */
export interface DirectoryImportRowDto {
  /** Row number in the sheet (1 = header). */
  line: number;
  name: string;
  shortNames: string[];
  jurisdiction: string | null;
  kind: DepartmentKind | null;
  successor: string | null;
  /** `create` a unit, `update` the unit of that name (short names added, place, kind, successor), or nothing. */
  action: 'create' | 'update' | 'unchanged';
  /** zh-CN reasons; a row with errors blocks the commit. */
  errors: string[];
}

/** Answer of POST /api/departments/import (a preview unless `?commit=true`). */
export interface DirectoryImportResultDto {
  file: string;
  rows: DirectoryImportRowDto[];
  valid: number;
  invalid: number;
  /** True when the rows were written (commit requested and no row had an error). */
  committed: boolean;
  created: number;
  updated: number;
}
