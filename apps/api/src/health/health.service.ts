import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { pingDatabase } from '../infra/database/catalogue';

/** A check may return details (e.g. queue counts) shown next to its status. */
export type HealthCheck = () => Promise<void | Record<string, unknown>>;

/** Thrown by a check that can say why in zh-CN, with a stable code (and details, e.g. counts). */
export class HealthCheckFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export interface CheckResult {
  status: 'ok' | 'error';
  error?: string;
  code?: string;
  details?: Record<string, unknown>;
}

export interface HealthReport {
  status: 'ok' | 'error';
  /** Code and zh-CN reason of the first failing check (absent when ready). */
  code?: string;
  reason?: string;
  checks: Record<string, CheckResult>;
}

const GENERIC_CODE = 'HEALTH_CHECK_FAILED';

/**
 * Runs the readiness checks. The database check is built in; other modules (e.g. the queue, the
 * reminder system) add theirs with `register('queue', async () => …)` from their `onModuleInit`.
 */
@Injectable()
export class HealthService {
  private readonly checks = new Map<string, HealthCheck>();

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.register('database', async () => {
      await pingDatabase(dataSource);
    });
  }

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  async report(timeoutMs = 3000): Promise<HealthReport> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]): Promise<readonly [string, CheckResult]> => {
        try {
          const details = await Promise.race([
            check(),
            new Promise<never>((_, reject) =>
              setTimeout(() => reject(new Error('timeout')), timeoutMs).unref(),
            ),
          ]);
          return [name, details ? { status: 'ok', details } : { status: 'ok' }];
        } catch (error) {
          if (error instanceof HealthCheckFailure)
            return [
              name,
              { status: 'error', error: error.message, code: error.code, details: error.details },
            ];
          return [
            name,
            {
              status: 'error',
              code: GENERIC_CODE,
              error: error instanceof Error ? error.message : String(error),
            },
          ];
        }
      }),
    );
    const checks: HealthReport['checks'] = {};
    for (const [name, result] of entries) checks[name] = result;
    const failed = entries.find(([, r]) => r.status === 'error');
    if (!failed) return { status: 'ok', checks };
    const [name, result] = failed;
    return {
      status: 'error',
      code: result.code ?? GENERIC_CODE,
      reason: result.code === GENERIC_CODE ? `${name} 检查失败：${result.error ?? ''}` : (result.error ?? ''),
      checks,
    };
  }
}
