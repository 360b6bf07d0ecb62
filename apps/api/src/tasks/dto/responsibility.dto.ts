import { ApiProperty } from '@nestjs/swagger';
import type { TickChecklistItemRequestDto } from '@duban/domain';
import { IsBoolean, IsUUID, ValidateIf } from 'class-validator';
import { VersionedCommand } from './task-commands.dto';

/** PUT /api/tasks/:id/assignee: the 承办人, or null to clear it. */
export class NameAssigneeCommand extends VersionedCommand {
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    description: 'An active officer of the 主办 lead department',
  })
  @ValidateIf((_object, value) => value !== null)
  @IsUUID('all', { message: 'userId 须为用户编号（UUID）或 null' })
  userId!: string | null;
}

/** PUT /api/tasks/:id/main-lead: which lead becomes the 主办. */
export class ChangeMainLeadCommand extends VersionedCommand {
  @ApiProperty({ format: 'uuid', description: 'One of the task lead departments' })
  @IsUUID('all', { message: 'departmentId 须为单位编号（UUID）' })
  departmentId!: string;
}

/** PUT /api/tasks/:id/checklist/:index: tick (true) or untick (false) one 工作清单 item. */
export class TickChecklistItemCommand extends VersionedCommand implements TickChecklistItemRequestDto {
  @ApiProperty({ example: true })
  @IsBoolean({ message: 'done 须为 true（已完成）或 false（未完成）' })
  done!: boolean;
}
