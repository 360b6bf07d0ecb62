import type { PolicyDocumentDto } from '@duban/domain';
import { ApiProperty } from '@nestjs/swagger';

export class PolicyDocumentResponse implements PolicyDocumentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, example: '国发〔2017〕39号' }) docNumber!: string | null;
  @ApiProperty({ example: '国务院关于促进外资增长若干措施的通知' }) title!: string;
  @ApiProperty({ nullable: true, type: String, example: '国务院' }) issuer!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) date!: string | null;
  @ApiProperty({ example: '000_b2e2599482101c52.txt' }) sourceFile!: string;
  @ApiProperty({ description: 'Tasks of this document (for an officer: of their department)' })
  taskCount!: number;
}
