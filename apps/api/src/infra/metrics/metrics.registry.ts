import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Seconds: from a cached list (ms) to a slow export or import (tens of seconds). */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const IMPORT_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

export type ImportStage = 'extract' | 'commit';

/**
 * The Prometheus registry of one process (one per Nest application, so tests can run several):
 * process metrics, the HTTP histogram fed by the request hook, the import histogram, and whatever
 * gauges features add with `registry` (gauges with a `collect()` read their source at scrape time).
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'duban_http_request_duration_seconds',
    help: 'HTTP request duration by route template, method and status code',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: HTTP_BUCKETS,
    registers: [this.registry],
  });

  readonly importDuration = new Histogram({
    name: 'duban_import_duration_seconds',
    help: 'Duration of a policy-document import stage (extract: reading a file into a preview; commit: writing its tasks)',
    labelNames: ['stage'] as const,
    buckets: IMPORT_BUCKETS,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'duban_' });
    importTimingSink = (stage, seconds) => this.importDuration.observe({ stage }, seconds);
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

let importTimingSink: ((stage: ImportStage, seconds: number) => void) | null = null;

/**
 * Called by the import code (API or worker) after a stage; a no-op in a process without metrics
 * (the CLI). A function rather than an injected service so that the import code needs no module wiring.
 */
export function recordImportDuration(stage: ImportStage, seconds: number): void {
  importTimingSink?.(stage, seconds);
}
