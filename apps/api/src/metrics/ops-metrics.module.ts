import { Module } from '@nestjs/common';
import { OpsMetricsService } from './ops-metrics.service';

/** API only: the scrape-time gauges of queues, workers, reminders and deliveries (see README.md). */
@Module({ providers: [OpsMetricsService] })
export class OpsMetricsModule {}
