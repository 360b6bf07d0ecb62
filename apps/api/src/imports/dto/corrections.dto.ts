import type { ImportCorrectionKind, ImportCorrectionRequestDto } from '@duban/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { MilestoneBody, OptionalMilestones } from '../../tasks/dto/task-desk.dto';

const KINDS: ImportCorrectionKind[] = ['edit', 'drop', 'add', 'merge', 'split'];

/**
 * A correction of an import preview. Only the shape is checked here; what each kind needs (and the zh-CN
 * refusals for an empty title, an impossible date, a missing measure) is checked by correctionPayload.
 */
export class ImportCorrectionBody implements ImportCorrectionRequestDto {
  @ApiProperty({ enum: KINDS })
  @IsIn(KINDS)
  kind!: ImportCorrectionKind;

  @ApiPropertyOptional({ description: 'The measure (its ref in the preview); merge: the first of the two' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  ref?: string;

  @ApiPropertyOptional({ description: 'merge: the measure right after ref' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  withRef?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional({ type: [String], description: '牵头单位 (names as in the directory)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  lead?: string[];

  @ApiPropertyOptional({ type: [String], description: '配合单位' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  participants?: string[];

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date', description: 'null clears it' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(32)
  deadline?: string | null;

  @ApiPropertyOptional({
    type: [MilestoneBody],
    description: 'edit / add: the earlier dated steps (replace)',
  })
  @OptionalMilestones()
  milestones?: MilestoneBody[];

  @ApiPropertyOptional({ description: 'add: first selected line (1-based)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  fromLine?: number;

  @ApiPropertyOptional({ description: 'add: last selected line' })
  @IsOptional()
  @IsInt()
  @Min(1)
  toLine?: number;

  @ApiPropertyOptional({ description: 'split: first line of the second part' })
  @IsOptional()
  @IsInt()
  @Min(1)
  atLine?: number;
}
