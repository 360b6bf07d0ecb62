import type { DepartmentDto, DepartmentKind, DepartmentRefDto } from '@duban/domain';
import { ApiProperty } from '@nestjs/swagger';

export class DepartmentRefResponse implements DepartmentRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '商务部' }) name!: string;
}

export class DepartmentResponse extends DepartmentRefResponse implements DepartmentDto {
  @ApiProperty({ enum: ['ministry', 'local', 'collective'] }) kind!: DepartmentKind;
  @ApiProperty({ type: [String], example: ['商务部门'] }) aliases!: string[];
  @ApiProperty({
    type: DepartmentRefResponse,
    nullable: true,
    description: 'Successor after a reorganisation',
  })
  successor!: DepartmentRefResponse | null;
  @ApiProperty({ type: [DepartmentRefResponse] }) predecessors!: DepartmentRefResponse[];
  @ApiProperty({ description: 'Created at import from a name the registry did not know' })
  createdFromImport!: boolean;
  @ApiProperty({ nullable: true, example: '杭州市' }) jurisdiction!: string | null;
  @ApiProperty({ description: 'A collective party (各有关部门, 各地区…): no accounts, not a real lead' })
  collective!: boolean;
}
