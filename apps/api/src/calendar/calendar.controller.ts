import type { CalendarYearDto, WorkingDaysDto } from '@duban/domain';
import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import { JobName } from '../infra/queue/queue.catalogue';
import { QueueService } from '../infra/queue/queue.service';
import { CalendarService } from './calendar.service';
import {
  CalendarYearParams,
  CalendarYearQuery,
  ReplaceCalendarYearBody,
  WorkingDaysQuery,
} from './dto/calendar.dto';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller()
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly queues: QueueService,
  ) {}

  @Get('calendar')
  @ApiOperation({ summary: 'Announced days off and 调休 working days of one year' })
  year(@Query() query: CalendarYearQuery): Promise<CalendarYearDto> {
    return this.calendar.year(query.year);
  }

  @Get('calendar/working-days')
  @ApiOperation({ summary: 'The date ending 「N个工作日内」 counted from a start day' })
  workingDays(@Query() query: WorkingDaysQuery): Promise<WorkingDaysDto> {
    return this.calendar.addWorkingDays(query.from, query.days);
  }

  @Put('admin/calendar/:year')
  @Roles('admin')
  @ApiOperation({ summary: "Replace the admins' calendar entries of a year; reminders are rescheduled" })
  async replaceYear(
    @CurrentUser() user: AuthUser,
    @Param() params: CalendarYearParams,
    @Body() body: ReplaceCalendarYearBody,
  ): Promise<CalendarYearDto> {
    const result = await this.calendar.replaceYear(params.year, body.days, {
      id: user.id,
      name: user.username,
    });
    // Reminders that now fall on a day off (or no longer do) move: the reconciler recomputes them all.
    await this.queues.add({
      name: JobName.Reconcile,
      jobId: `reconcile-calendar-${Date.now()}`,
      payload: { reason: 'manual' },
    });
    return result;
  }
}
