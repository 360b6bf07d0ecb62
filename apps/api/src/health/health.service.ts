import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** A check may return details (e.g. queue counts) shown next to its status. */
export type HealthCheck = () => Promise<void | Record<string, unknown>>;

export interface HealthReport {
  status: 'ok' | 'error';
  checks: Record<string, { status: 'ok' | 'error'; error?: string; details?: Record<string, unknown> }>;
}

/**
 * Runs the health checks. The database check is built in; other modules (e.g. the queue) add
 * theirs with `register('queue', async () => …)` from their `onModuleInit`.
 */
@Injectable()
export class HealthService {
  private readonly checks = new Map<string, HealthCheck>();

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.register('database', async () => {
      await dataSource.query('SELECT 1');
    });
  }

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  async report(timeoutMs = 3000): Promise<HealthReport> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        try {
          const details = await Promise.race([
            check(),
            new Promise<never>((_, reject) =>
              setTimeout(() => reject(new Error('timeout')), timeoutMs).unref(),
            ),
          ]);
          return [name, details ? { status: 'ok' as const, details } : { status: 'ok' as const }] as const;
        } catch (error) {
          return [
            name,
            { status: 'error' as const, error: error instanceof Error ? error.message : String(error) },
          ] as const;
        }
      }),
    );
    const checks: HealthReport['checks'] = {};
    for (const [name, result] of entries) checks[name] = result;
    return { status: entries.every(([, r]) => r.status === 'ok') ? 'ok' : 'error', checks };
  }
}
