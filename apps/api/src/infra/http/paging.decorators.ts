import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { toInt } from './query-transforms';

/** Highest page number accepted: far beyond any list, well inside what an SQL OFFSET can hold. */
export const MAX_PAGE = 1_000_000;

/** `page` of a paged list's query string: a whole number from 1 to MAX_PAGE, default 1. */
export function PageParam(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 }),
    IsOptional(),
    Transform(toInt),
    IsInt(),
    Min(1),
    Max(MAX_PAGE),
  );
}

/** `pageSize` of a paged list's query string: a whole number from 1 to `max` (the service applies the default). */
export function PageSizeParam(max: number, byDefault: number): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ minimum: 1, maximum: max, default: byDefault }),
    IsOptional(),
    Transform(toInt),
    IsInt(),
    Min(1),
    Max(max),
  );
}
