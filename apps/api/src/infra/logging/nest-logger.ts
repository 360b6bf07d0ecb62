import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

/**
 * Nest's `LoggerService` on top of pino, so every `new Logger(Context).log(…)` of the code base, and
 * Nest's own start-up lines, become JSON records `{ context, msg }` of the root logger. Nest passes
 * the context as the last string argument and, for errors, a stack before it.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    const context = params.length > 0 && typeof params.at(-1) === 'string' ? params.pop() : undefined;
    const stack = params.find((p): p is string => typeof p === 'string' && p.includes('\n    at '));
    this.emit('error', message, { context, stack });
  }

  private write(
    level: 'info' | 'warn' | 'debug' | 'trace' | 'fatal',
    message: unknown,
    params: unknown[],
  ): void {
    const context = typeof params.at(-1) === 'string' ? (params.at(-1) as string) : undefined;
    this.emit(level, message, { context });
  }

  private emit(
    level: 'info' | 'warn' | 'debug' | 'trace' | 'fatal' | 'error',
    message: unknown,
    fields: { context?: unknown; stack?: string },
  ): void {
    const extra: Record<string, unknown> = {};
    if (fields.context) extra['context'] = fields.context;
    if (fields.stack) extra['stack'] = fields.stack;
    if (message instanceof Error) {
      this.logger[level]({ ...extra, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...extra, ...(message as Record<string, unknown>) });
    } else {
      this.logger[level](extra, String(message));
    }
  }
}
