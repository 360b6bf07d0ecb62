import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ReminderReadinessService, type ReminderSystemState } from './reminder-readiness.service';

/** The admin screen's view of what readiness sees: workers, last reconcile, deliveries by status, problems. */
@ApiTags('reminders')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/reminder-system')
export class ReminderSystemController {
  constructor(private readonly readiness: ReminderReadinessService) {}

  @Get()
  @ApiOperation({
    summary:
      'Live workers, the last reconcile pass, deliveries by status (abandoned counted) and readiness problems',
  })
  state(): Promise<ReminderSystemState> {
    return this.readiness.state();
  }
}
