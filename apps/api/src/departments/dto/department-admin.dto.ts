import type {
  CreateDepartmentRequestDto,
  DepartmentKind,
  DepartmentUsageDto,
  MergeDepartmentRequestDto,
  MergeDepartmentResultDto,
  UpdateDepartmentRequestDto,
} from '@duban/domain';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { DEPARTMENT_KINDS } from '../department.entity';
import { DepartmentRefResponse } from './department.dto';

/** Names are kept without spaces (documents are matched without them) and with full-width brackets. */
export function cleanDepartmentName(value: string): string {
  return value
    .replace(/[\s\u3000\u00a0\u200b\ufeff]+/gu, '')
    .replace(/\(/gu, '（')
    .replace(/\)/gu, '）');
}

const clean = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? cleanDepartmentName(value) : value;
const cleanEach = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value)
    ? (value as unknown[]).map((v) => (typeof v === 'string' ? cleanDepartmentName(v) : v))
    : value;
const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export const NAME_MAX = 60;
const ALIASES_MAX = 50;

export class CreateDepartmentBody implements CreateDepartmentRequestDto {
  @ApiProperty({ example: '杭州市发展和改革委员会' })
  @Transform(clean)
  @IsString({ message: 'name 须为文字：请填写单位全称' })
  @IsNotEmpty({ message: 'name 不能为空：请填写单位全称' })
  @MaxLength(NAME_MAX, { message: `单位名称不能超过 ${NAME_MAX} 个字` })
  name!: string;

  @ApiPropertyOptional({ type: [String], example: ['市发展改革委', '市发改委'] })
  @IsOptional()
  @Transform(cleanEach)
  @IsArray({ message: 'aliases 须为简称列表' })
  @ArrayMaxSize(ALIASES_MAX, { message: `简称最多 ${ALIASES_MAX} 个` })
  @IsString({ each: true, message: '简称须为文字' })
  @IsNotEmpty({ each: true, message: '简称不能为空' })
  @MaxLength(NAME_MAX, { each: true, message: `简称不能超过 ${NAME_MAX} 个字` })
  aliases?: string[];

  @ApiProperty({ enum: DEPARTMENT_KINDS })
  @IsIn(DEPARTMENT_KINDS, { message: 'kind 须为单位类别之一（部委、地方、统称）' })
  kind!: DepartmentKind;

  @ApiPropertyOptional({ example: '杭州市', nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Transform(trim)
  @IsString({ message: 'jurisdiction 须为地名，如“杭州市”' })
  @MaxLength(30, { message: '辖区不能超过 30 个字' })
  jurisdiction?: string | null;
}

/**
 * An edit: any of the creation's fields, with the same rules. A new name keeps the old one as an alias;
 * `aliases` is the full list (it replaces the current one).
 */
export class UpdateDepartmentBody
  extends PartialType(CreateDepartmentBody)
  implements UpdateDepartmentRequestDto {}

export class MergeDepartmentBody implements MergeDepartmentRequestDto {
  @ApiProperty({ format: 'uuid', description: 'The successor unit' })
  @IsUUID('all', { message: 'into 须为继任单位的编号：请从单位列表中选择' })
  into!: string;
}

export class DepartmentUsageResponse implements DepartmentUsageDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() tasks!: number;
  @ApiProperty() openTasks!: number;
  @ApiProperty() users!: number;
}

export class MergeDepartmentResponse implements MergeDepartmentResultDto {
  @ApiProperty({ type: DepartmentRefResponse }) merged!: DepartmentRefResponse;
  @ApiProperty({ type: DepartmentRefResponse }) into!: DepartmentRefResponse;
  @ApiProperty() tasksMoved!: number;
  @ApiProperty() tasksShared!: number;
  @ApiProperty() usersMoved!: number;
}
