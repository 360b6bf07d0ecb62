import type { AssignmentRole, TaskListQueryDto, TaskStatus, TrafficLight } from '@duban/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../../infra/http/date.decorators';
import { PageParam, PageSizeParam, SearchParam } from '../../infra/http/paging.decorators';
import { toBoolean } from '../../infra/http/query-transforms';

const STATUSES: TaskStatus[] = ['not_started', 'in_progress', 'submitted', 'done', 'returned', 'terminated'];
const LIGHTS: TrafficLight[] = ['red', 'yellow', 'green'];
const ROLES: AssignmentRole[] = ['lead', 'participant'];
export const TASK_SORT_KEYS = ['deadline', 'status', 'title', 'createdAt', 'lastReportAt'] as const;
const SORTS = TASK_SORT_KEYS.flatMap((key) => [key, `-${key}`]);

/** Filters of GET /api/tasks and GET /api/export/tasks.xlsx (shape: TaskListQueryDto). */
export class TaskListQuery implements TaskListQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Tasks where this department is assigned' })
  @IsOptional()
  @IsUUID()
  department?: string;
  @ApiPropertyOptional({
    enum: ROLES,
    description: 'With department (or, for an officer, its own): lead or participant',
  })
  @IsOptional()
  @IsIn(ROLES)
  role?: AssignmentRole;
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: TaskStatus;
  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;
  @ApiPropertyOptional({ enum: LIGHTS })
  @IsOptional()
  @IsIn(LIGHTS)
  light?: TrafficLight;
  @ApiPropertyOptional({ format: 'date', description: 'Deadline in force on or before' })
  @IsOptional()
  @IsCalendarDate()
  dueBefore?: string;
  @ApiPropertyOptional({ format: 'date', description: 'Deadline in force on or after' })
  @IsOptional()
  @IsCalendarDate()
  dueAfter?: string;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  document?: string;
  @SearchParam('Substring of the title or text (Chinese), or a measure key')
  q?: string;
  @PageParam()
  page?: number;
  @PageSizeParam(200, 20)
  pageSize?: number;
  @ApiPropertyOptional({
    type: Boolean,
    description: '待明确责任单位: open tasks whose every lead is a collective party (各有关部门, 各地区…)',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  needsAssignment?: boolean;
  @ApiPropertyOptional({ type: Boolean, description: '「我承办的」: tasks whose 承办人 is the caller' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  mine?: boolean;
  @ApiPropertyOptional({
    type: Boolean,
    description: '「待签收」: open tasks not yet signed off (an officer: those its department signs as 主办)',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  awaitingSignoff?: boolean;
  @ApiPropertyOptional({ enum: SORTS, description: 'Default: overdue first, then deadline' })
  @IsOptional()
  @IsIn(SORTS)
  sort?: string;
}
