/**
 * The HTTP contract between apps/api and apps/web: plain response and request shapes, no framework types.
 * The API maps its entities to these; the web app consumes them. Dates are ISO strings
 * (date-only 'YYYY-MM-DD' for deadlines, full ISO timestamps for events). This file holds the shapes
 * every feature's DTOs are built from; the features' own DTOs are in the files next to it, all
 * re-exported by the contract entry (libs/domain/src/contract.ts, `@duban/domain/contract`).
 */

export interface DepartmentRefDto {
  id: string;
  name: string;
}

export interface UserRefDto {
  id: string;
  name: string;
}

export interface PageDto<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ApiErrorDto {
  statusCode: number;
  /** Stable machine-readable code, e.g. TASK_FORBIDDEN_TRANSITION. */
  code: string;
  /** Human-readable message (zh-CN) saying what was wrong and how to fix it. */
  message: string;
  details?: Record<string, unknown>;
}
