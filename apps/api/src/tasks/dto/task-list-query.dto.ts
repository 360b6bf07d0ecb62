import type { AssignmentRole, TaskListQueryDto, TaskStatus, TrafficLight } from '@duban/domain';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

const STATUSES: TaskStatus[] = ['not_started', 'in_progress', 'submitted', 'done', 'returned'];
const LIGHTS: TrafficLight[] = ['red', 'yellow', 'green'];
const ROLES: AssignmentRole[] = ['lead', 'participant'];
export const TASK_SORT_KEYS = ['deadline', 'status', 'title', 'createdAt', 'lastReportAt'] as const;
const SORTS = TASK_SORT_KEYS.flatMap((key) => [key, `-${key}`]);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Query strings carry 'true' / 'false'; anything else stays a string and fails @IsBoolean. */
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;
const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

/** Filters of GET /api/tasks and GET /api/export/tasks.xlsx (shape: TaskListQueryDto). */
export class TaskListQuery implements TaskListQueryDto {
  @IsOptional() @IsUUID() department?: string;
  @IsOptional() @IsIn(ROLES) role?: AssignmentRole;
  @IsOptional() @IsIn(STATUSES) status?: TaskStatus;
  @IsOptional() @Transform(toBoolean) @IsBoolean() overdue?: boolean;
  @IsOptional() @IsIn(LIGHTS) light?: TrafficLight;
  @IsOptional() @Matches(DATE, { message: 'dueBefore must be YYYY-MM-DD' }) dueBefore?: string;
  @IsOptional() @Matches(DATE, { message: 'dueAfter must be YYYY-MM-DD' }) dueAfter?: string;
  @IsOptional() @IsUUID() document?: string;
  @IsOptional() @IsString() @MaxLength(100) q?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) page?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(200) pageSize?: number;
  @IsOptional() @IsIn(SORTS) sort?: string;
}
