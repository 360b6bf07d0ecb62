import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { HealthService, type HealthReport } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get()
  @ApiOperation({
    summary:
      'Readiness: database, queue, workers, reconciler, reminder jobs, delivery failure rate; 503 with a code and a zh-CN reason when one fails',
  })
  async get(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const report = await this.health.report();
    void reply.status(report.status === 'ok' ? 200 : 503);
    return report;
  }

  /** No I/O: answers while the process serves HTTP, so an orchestrator restarts only a hung process. */
  @Public()
  @Get('live')
  @ApiOperation({ summary: 'Liveness: 200 while the API process serves requests (no dependency checked)' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
