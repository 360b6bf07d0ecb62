import type {
  ImportCommitRequestDto,
  ImportJobDto,
  ImportJobStatus,
  ImportPreviewDocumentDto,
  ImportPreviewDto,
  ImportPreviewMeasureDto,
  ImportResultDto,
} from '@duban/domain';
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
import { MilestoneBody } from '../../tasks/dto/task-desk.dto';

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

export class ImportResultResponse implements ImportResultDto {
  @ApiProperty() documentsCreated!: number;
  @ApiProperty() documentsUnchanged!: number;
  @ApiProperty() tasksCreated!: number;
  @ApiProperty() tasksUpdated!: number;
  @ApiProperty() tasksUnchanged!: number;
}

class PreviewDocumentResponse implements ImportPreviewDocumentDto {
  @ApiProperty({ nullable: true, type: String }) docNumber!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) issuer!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) date!: string | null;
  @ApiProperty() measureCount!: number;
  @ApiProperty({ nullable: true, description: 'The same document, already imported' })
  existing!: { id: string; title: string } | null;
  @ApiProperty({ nullable: true, type: String, description: 'Same document earlier in this upload' })
  sameAs!: string | null;
}

class PreviewMeasureResponse implements ImportPreviewMeasureDto {
  @ApiProperty() documentIndex!: number;
  @ApiProperty() key!: string;
  @ApiProperty() line!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [String] }) lead!: string[];
  @ApiProperty({ type: [String] }) participants!: string[];
  @ApiProperty({ nullable: true, type: String, format: 'date' }) deadline!: string | null;
  @ApiProperty({ nullable: true, type: String }) deadlineText!: string | null;
  @ApiProperty({ type: [MilestoneBody], description: 'Earlier dated steps, by date' })
  milestones!: MilestoneBody[];
  @ApiProperty({ type: [String], description: 'A labelled-field block: its numbered items (工作清单)' })
  checklist!: string[];
  @ApiProperty({ type: [String] }) unknownDepartments!: string[];
}

class UnknownDepartmentResponse {
  @ApiProperty() name!: string;
  @ApiProperty() occurrences!: number;
}

export class ImportPreviewResponse implements ImportPreviewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ example: 'utf-8' }) encoding!: string;
  @ApiProperty({ type: [PreviewDocumentResponse] }) documents!: PreviewDocumentResponse[];
  @ApiProperty({ type: [PreviewMeasureResponse] }) measures!: PreviewMeasureResponse[];
  @ApiProperty({ type: [UnknownDepartmentResponse] }) unknownDepartments!: UnknownDepartmentResponse[];
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

class ImportJobErrorResponse {
  @ApiProperty({ example: 'IMPORT_NOT_TEXT' }) code!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ example: 415 }) statusCode!: number;
}

export class ImportJobResponse implements ImportJobDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ enum: ['queued', 'extracting', 'building', 'ready', 'failed'] }) status!: ImportJobStatus;
  @ApiProperty({ minimum: 0, maximum: 100 }) percent!: number;
  @ApiProperty() documentsDone!: number;
  @ApiProperty() documentsTotal!: number;
  @ApiProperty() measuresFound!: number;
  @ApiProperty({ nullable: true, type: ImportJobErrorResponse }) error!: ImportJobErrorResponse | null;
  @ApiProperty({ nullable: true, type: ImportPreviewResponse }) preview!: ImportPreviewResponse | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: Number }) durationMs!: number | null;
}
