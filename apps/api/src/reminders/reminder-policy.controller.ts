import type { ReminderPolicy } from '@duban/domain';
import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import { JobName } from '../infra/queue/queue.catalogue';
import { QueueService } from '../infra/queue/queue.service';
import { UpdateReminderPolicyBody } from './dto/reminder-policy.dto';
import { policyWithoutCalendar, ReminderPolicyService } from './reminder-policy.service';

@ApiTags('reminders')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/reminder-policy')
export class ReminderPolicyController {
  constructor(
    private readonly policies: ReminderPolicyService,
    private readonly queues: QueueService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The reminder policy in force' })
  async get(): Promise<Omit<ReminderPolicy, 'calendar'>> {
    return policyWithoutCalendar(await this.policies.current({ fresh: true }));
  }

  @Put()
  @ApiOperation({ summary: 'Change the reminder policy; every open task is rescheduled by the worker' })
  async update(
    @CurrentUser() user: AuthUser,
    @Body() body: UpdateReminderPolicyBody,
  ): Promise<Omit<ReminderPolicy, 'calendar'>> {
    const policy = await this.policies.update(body, user.id);
    // The worker's reconciler recomputes every open task's reminders under the new policy.
    await this.queues.add({
      name: JobName.Reconcile,
      jobId: `reconcile-policy-${Date.now()}`,
      payload: { reason: 'manual' },
    });
    return policyWithoutCalendar(policy);
  }
}
