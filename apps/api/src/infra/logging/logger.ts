import pino, { type DestinationStream, type Logger } from 'pino';
import type { ObservabilityConfig } from '../config/observability-config';

/**
 * Paths pino blanks in every log object, whoever logs it: credentials in request headers, and any
 * field that names a password, token or secret one or two levels down (a logged DTO, an error's
 * context). Message strings are scrubbed separately (`scrubSecrets`).
 */
const SECRET_KEYS = [
  'password',
  'currentPassword',
  'newPassword',
  'token',
  'accessToken',
  'refreshToken',
  'jwtSecret',
  'secret',
  'authorization',
  'cookie',
  'metricsToken',
];
export const REDACT_PATHS: string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

export const REDACTED = '[REDACTED]';

/**
 * Bearer tokens and JWTs inside free text (an error message quoting a header, a URL with
 * `?token=`): replaced before the line is written.
 */
export function scrubSecrets(text: string): string {
  return text
    .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/-]+=*/gi, `$1 ${REDACTED}`)
    .replace(/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, REDACTED)
    .replace(/([?&](?:token|access_token|password|secret)=)[^&\s]*/gi, `$1${REDACTED}`);
}

const SKIPPED_IN_PRETTY = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'context', 'service']);

/** One readable line per record for a developer's terminal (LOG_FORMAT=pretty); no extra package. */
export function prettyLine(json: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const time = typeof record['time'] === 'string' ? record['time'].slice(11, 23) : '';
  const level = String(record['level']).toUpperCase();
  const context = typeof record['context'] === 'string' ? ` [${record['context']}]` : '';
  const extras = Object.entries(record)
    .filter(([key]) => !SKIPPED_IN_PRETTY.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  return `${time} ${level.padEnd(5)}${context} ${typeof record['msg'] === 'string' ? record['msg'] : ''}${extras ? ` ${extras}` : ''}\n`;
}

function prettyStream(out: NodeJS.WritableStream): DestinationStream {
  return { write: (line: string) => void out.write(prettyLine(line)) };
}

/**
 * The process's root logger (API, worker and CLI): JSON lines on stdout with the service name,
 * secrets redacted. `destination` lets tests capture the lines.
 */
export function createRootLogger(
  config: ObservabilityConfig,
  service: 'api' | 'worker' | 'cli',
  destination?: DestinationStream,
): Logger {
  const dest =
    destination ??
    (config.logFormat === 'pretty'
      ? prettyStream(process.stdout)
      : pino.destination({ dest: 1, sync: true }));
  return pino(
    {
      level: config.logLevel,
      base: { service, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      hooks: {
        // Message strings are not covered by `redact`: scrub tokens quoted in them.
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubSecrets(arg) : arg));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    dest,
  );
}
