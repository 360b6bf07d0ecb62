import {
  onTimeRate,
  overdueRate,
  shanghaiDate,
  type AssignmentRole,
  type OverdueStatsDto,
  type OverdueStatsRowDto,
  type StatsMatrixDto,
  type StatsTrendDto,
  type TimingRules,
} from '@duban/domain';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { Clock } from '../infra/queue/clock';
import { InjectTimingRules } from '../tasks/timing-rules';
import { departmentNames } from '../departments/departments.queries';
import {
  allStats,
  compactStats,
  departmentStats,
  documentTitles,
  rebuildStats,
  statsMatrix,
  statsTrend,
  type Horizon,
  type NamedFigures,
} from './stats-counters.queries';

const DAY_MS = 86_400_000;
const COMPACT_EVERY_MS = 5 * 60_000;
const NO_DEPARTMENT = '00000000-0000-0000-0000-000000000000';

/**
 * 督办统计 from the counters the database keeps (migration StatsCounters, README.md): a request sums
 * a few thousand counter rows instead of judging every task. By department counts the tasks a
 * department answers for in the given role (lead by default). Officers see only tasks of their own
 * department and only their own row.
 */
@Injectable()
export class StatsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(StatsService.name);
  private compactTimer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @InjectTimingRules() private readonly rules: TimingRules,
  ) {}

  onModuleInit(): void {
    // Every instance folds the delta rows now and then; concurrent folds are safe (see the migration).
    this.compactTimer = setInterval(() => {
      this.compact().catch((error: unknown) =>
        this.logger.warn(`statistics compaction failed: ${String(error)}`),
      );
    }, COMPACT_EVERY_MS);
    this.compactTimer.unref();
  }

  onModuleDestroy(): void {
    if (this.compactTimer) clearInterval(this.compactTimer);
  }

  async overdue(user: AuthUser, role: AssignmentRole = 'lead'): Promise<OverdueStatsDto> {
    const now = this.clock.now();
    const today = shanghaiDate(now);
    const staleCutoff = new Date(now.getTime() - this.rules.staleAfterDays * DAY_MS);
    const window = { today, yellowWithinDays: this.rules.yellowWithinDays, staleCutoff };
    const row = await this.withFreshHorizon(today, () =>
      user.role === 'officer'
        ? departmentStats(this.dataSource, window, user.departmentId ?? NO_DEPARTMENT, role)
        : allStats(this.dataSource, window, role),
    );
    const t = row.totals;
    return {
      totals: {
        tasks: t.total,
        done: t.done,
        overdue: t.overdue,
        submitted: t.submitted,
        completionRate: t.total === 0 ? 0 : Math.round((t.done / t.total) * 10_000) / 10_000,
        onTime: t.onTime,
        open: t.total - t.done,
        terminated: t.terminated,
        yellow: t.dueSoon + row.stale,
        dueSoon: t.dueSoon,
        stale: row.stale,
        undated: t.undated,
        overdueRate: overdueRate(t),
        onTimeRate: onTimeRate(t),
      },
      byDepartment: row.by_department.map(toRow),
      byDocument: row.by_document.map(toRow),
      rules: { yellowWithinDays: this.rules.yellowWithinDays, staleAfterDays: this.rules.staleAfterDays },
      asOf: today,
    };
  }

  async matrix(user: AuthUser, role: AssignmentRole = 'lead'): Promise<StatsMatrixDto> {
    const today = shanghaiDate(this.clock.now());
    const department = user.role === 'officer' ? (user.departmentId ?? NO_DEPARTMENT) : null;
    const row = await this.withFreshHorizon(today, () =>
      statsMatrix(this.dataSource, today, role, department),
    );
    const departmentIds = [...new Set(row.cells.map((c) => c.departmentId))];
    const documentIds = [...new Set(row.cells.map((c) => c.documentId))];
    const [departments, documents] = await Promise.all([
      departmentNames(this.dataSource, departmentIds),
      documentTitles(this.dataSource, documentIds),
    ]);
    return { departments, documents, cells: row.cells };
  }

  async trend(user: AuthUser, weeks: number): Promise<StatsTrendDto> {
    const today = shanghaiDate(this.clock.now());
    const ends = weekEnds(today, weeks);
    const department = user.role === 'officer' ? (user.departmentId ?? NO_DEPARTMENT) : null;
    return { weeks: await statsTrend(this.dataSource, ends, department, today) };
  }

  /** Recount everything now (the reconciler's daily call, and tests). */
  async rebuild(force = true): Promise<void> {
    const today = shanghaiDate(this.clock.now());
    await rebuildStats(this.dataSource, today, this.rules.yellowWithinDays, force);
  }

  /** Fold the triggers' delta rows together (worker, every few minutes). */
  async compact(): Promise<void> {
    await compactStats(this.dataSource);
  }

  /**
   * Runs the read; when the counters were bucketed for another day or window (midnight passed, the
   * window setting changed, never built), rebuilds them and reads again.
   */
  private async withFreshHorizon<T extends { horizon: Horizon | null }>(
    today: string,
    read: () => Promise<T[]>,
  ): Promise<T> {
    const [first] = await read();
    if (first?.horizon?.asOf === today && first.horizon.windowDays === this.rules.yellowWithinDays)
      return first;
    const started = Date.now();
    await rebuildStats(this.dataSource, today, this.rules.yellowWithinDays, false);
    this.logger.log(`statistics counters rebuilt for ${today} in ${Date.now() - started} ms`);
    const [second] = await read();
    if (!second) throw new Error('statistics query returned no row');
    return second;
  }
}

/** Sundays ending the last `weeks` weeks, as 'YYYY-MM-DD'; the current week ends today (its figures are today's). */
export function weekEnds(today: string, weeks: number): string[] {
  const [y, m, d] = today.split('-').map(Number);
  const base = Date.UTC(y, m - 1, d);
  const weekday = new Date(base).getUTCDay(); // 0 = Sunday
  const thisSunday = base + ((7 - weekday) % 7) * DAY_MS;
  const ends: string[] = [];
  for (let i = weeks - 1; i >= 1; i--)
    ends.push(new Date(thisSunday - i * 7 * DAY_MS).toISOString().slice(0, 10));
  ends.push(today);
  return ends;
}

const toRow = (row: NamedFigures): OverdueStatsRowDto => ({
  id: row.id,
  name: row.name,
  total: row.total,
  done: row.done,
  overdue: row.overdue,
  onTime: row.onTime,
  dueSoon: row.dueSoon,
  undated: row.undated,
  overdueRate: overdueRate(row),
  onTimeRate: onTimeRate(row),
});
