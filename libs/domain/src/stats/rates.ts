/**
 * The two rates of the 督查室 (dashboard and 督查通报 use these, nothing else):
 * - 逾期率 = 逾期未办结 / 任务数, where 任务数 leaves out 已终止 tasks (closed as superseded: neither late
 *   nor done);
 * - 按期办结率 = 按期办结 / 应办结, 应办结 being the tasks that are done or already past their deadline
 *   (a task still within its time limit is not yet judged). A done task without a deadline counts as on time.
 * Both are fractions rounded to 4 decimals, 0 when the denominator is 0.
 */
export interface RateCounts {
  /** Tasks, 已终止 excluded. */
  total: number;
  done: number;
  onTime: number;
  overdue: number;
}

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;

export function overdueRate(counts: RateCounts): number {
  return counts.total === 0 ? 0 : round4(counts.overdue / counts.total);
}

export function onTimeRate(counts: RateCounts): number {
  const due = counts.done + counts.overdue;
  return due === 0 ? 0 : round4(counts.onTime / due);
}

/** Statuses that close a task without it being late: not open, not in any rate's denominator. */
export const TERMINAL_NOT_DONE_STATUSES: readonly string[] = ['terminated'];

/** Open: neither 已办结 nor 已终止 (any status this code does not know yet counts as open). */
export function isOpenForStats(status: string): boolean {
  return status !== 'done' && !TERMINAL_NOT_DONE_STATUSES.includes(status);
}

/** '12.5%' from 0.125. */
export function formatRate(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
