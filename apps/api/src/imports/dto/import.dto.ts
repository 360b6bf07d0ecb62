import type { ImportCommitRequestDto } from '@duban/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class DepartmentMappingBody {
  @ApiProperty({ description: 'Unknown department name, as listed in the preview' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ description: 'Map the name to this existing department (it becomes an alias)' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ description: 'Create a new department with this name' })
  @IsOptional()
  @IsBoolean()
  create?: boolean;
}

export class ImportCommitBody implements ImportCommitRequestDto {
  @ApiPropertyOptional({ type: [DepartmentMappingBody] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => DepartmentMappingBody)
  mappings?: DepartmentMappingBody[];
}
