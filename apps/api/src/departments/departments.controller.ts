import type { DepartmentDto } from '@duban/domain';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DepartmentResponse } from './dto/department.dto';
import { DepartmentsService } from './departments.service';

@ApiTags('departments')
@ApiBearerAuth()
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @ApiOperation({ summary: 'Every department: canonical name, aliases, kind, reorganisation links' })
  @ApiOkResponse({ type: [DepartmentResponse] })
  list(): Promise<DepartmentDto[]> {
    return this.departments.list();
  }
}
