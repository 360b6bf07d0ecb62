import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import type { DeliveryListDto } from '@duban/domain/contract';
import { DeliveryRecoveryService } from './delivery-recovery.service';
import { notificationErrors } from './notifications.errors';

/** Admins: the e-mail/webhook deliveries that did not go out, and 重新发送. */
@ApiTags('notifications')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/deliveries')
export class DeliveriesController {
  constructor(private readonly recovery: DeliveryRecoveryService) {}

  @Get()
  @ApiOperation({
    summary:
      'Newest 200 failed (still retrying) or abandoned deliveries, and counts of the unsent ones by status',
  })
  @ApiQuery({ name: 'status', enum: ['failed', 'abandoned'], required: false })
  async list(@Query('status') status = 'abandoned'): Promise<DeliveryListDto> {
    if (status !== 'failed' && status !== 'abandoned') throw notificationErrors.deliveryStatusInvalid(status);
    const [items, counts] = await Promise.all([this.recovery.list(status), this.recovery.counts()]);
    return { items, counts };
  }

  @Post(':id/resend')
  @HttpCode(202)
  @ApiOperation({
    summary: '重新发送: a failed or abandoned delivery gets a new retry window and runs again',
  })
  async resend(@Param('id', new ParseUUIDPipe()) id: string): Promise<{ id: string; status: 'pending' }> {
    await this.recovery.resend(id);
    return { id, status: 'pending' };
  }
}
