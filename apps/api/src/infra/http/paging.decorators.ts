import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { toInt } from './query-transforms';

/** Highest page number accepted: far beyond any list, well inside what an SQL OFFSET can hold. */
export const MAX_PAGE = 1_000_000;

/** Longest search text a list accepts (`q`). */
export const SEARCH_MAX = 100;

/** `q` of a searchable list's query string: optional text of at most SEARCH_MAX characters. */
export function SearchParam(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description }),
    IsOptional(),
    IsString(),
    MaxLength(SEARCH_MAX),
  );
}

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
