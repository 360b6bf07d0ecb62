/** Logging and metrics settings (LOG_LEVEL, LOG_FORMAT, METRICS_TOKEN), parsed by app-config. */
export interface ObservabilityConfig {
  logLevel: LogLevelName;
  /** `json` (one object per line, the default) or `pretty` (readable lines for a developer's terminal). */
  logFormat: 'json' | 'pretty';
  /** Bearer token a scraper sends to GET /metrics; null = /metrics refuses everyone. */
  metricsToken: string | null;
  /** Port of a worker's own /metrics (process figures, imports run there); 0 = none. */
  workerMetricsPort: number;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/** A token shorter than this is too easy to guess for an endpoint that reveals queue sizes and routes. */
export const MIN_METRICS_TOKEN_LENGTH = 16;

export const DEFAULT_OBSERVABILITY: ObservabilityConfig = {
  logLevel: 'info',
  logFormat: 'json',
  metricsToken: null,
  workerMetricsPort: 0,
};

/** Reads the three settings from `env`; every problem is pushed to `errors` (app-config reports them together). */
export function parseObservabilityConfig(
  env: Record<string, string | undefined>,
  errors: string[],
): ObservabilityConfig {
  const config = { ...DEFAULT_OBSERVABILITY };
  const level = env['LOG_LEVEL']?.trim().toLowerCase();
  if (level) {
    if ((LOG_LEVELS as readonly string[]).includes(level)) config.logLevel = level as LogLevelName;
    else errors.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${level}"`);
  }
  const format = env['LOG_FORMAT']?.trim().toLowerCase();
  if (format) {
    if (format === 'json' || format === 'pretty') config.logFormat = format;
    else errors.push(`LOG_FORMAT must be json or pretty, got "${format}"`);
  }
  const token = env['METRICS_TOKEN']?.trim();
  if (token) {
    if (token.length >= MIN_METRICS_TOKEN_LENGTH) config.metricsToken = token;
    else errors.push(`METRICS_TOKEN must be at least ${MIN_METRICS_TOKEN_LENGTH} characters`);
  }
  const port = env['WORKER_METRICS_PORT']?.trim();
  if (port) {
    if (/^\d+$/.test(port) && Number(port) <= 65_535) config.workerMetricsPort = Number(port);
    else errors.push(`WORKER_METRICS_PORT must be a port number (0 = off), got "${port}"`);
  }
  return config;
}
