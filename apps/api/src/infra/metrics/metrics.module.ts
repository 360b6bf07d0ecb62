import { Global, Module } from '@nestjs/common';
import { MetricsRegistry } from './metrics.registry';

/** The process's metrics registry; features add their gauges to `MetricsRegistry.registry`. */
@Global()
@Module({ providers: [MetricsRegistry], exports: [MetricsRegistry] })
export class MetricsModule {}
