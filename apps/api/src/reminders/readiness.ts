import type { WorkerBeat } from '../infra/queue/heartbeat';

/**
 * Readiness of the reminder system, as a pure function of what Redis and the counters say, so the
 * rules are unit-tested and the health check only gathers numbers.
 */
export interface ReadinessSnapshot {
  nowMs: number;
  workers: readonly WorkerBeat[];
  schedulerInstalled: boolean;
  /** The last reconcile pass: when it finished, how many reminder jobs were queued then, and the finished-job counter then. */
  lastReconcile: { atMs: number; queuedAfter: number; finishedAtRecord: number } | null;
  queuedReminderJobs: number;
  /** Reminder jobs finished (sent or skipped) so far, by the worker's counter. */
  finishedReminderJobs: number;
  /** Active jobs per queue. */
  activeJobs: Readonly<Record<string, number>>;
  deliveryAttempts: { ok: number; fail: number };
}

export interface ReadinessThresholds {
  requireWorker: boolean;
  missingJobsMax: number;
  deliveryFailureRate: number;
  deliveryWindowMs: number;
  deliveryMinAttempts: number;
  reconcileEveryMs: number;
}

export const ReadinessCode = {
  NoWorker: 'HEALTH_NO_WORKER',
  SchedulerMissing: 'HEALTH_RECONCILE_SCHEDULER_MISSING',
  ReconcileNeverRan: 'HEALTH_RECONCILE_NEVER_RAN',
  ReconcileStale: 'HEALTH_RECONCILE_STALE',
  JobsMissing: 'HEALTH_REMINDER_JOBS_MISSING',
  DeliveryFailing: 'HEALTH_DELIVERY_FAILURE_RATE',
} as const;

export interface ReadinessProblem {
  code: (typeof ReadinessCode)[keyof typeof ReadinessCode];
  /** zh-CN, for the admins' screen and the 503 body. */
  reason: string;
}

export interface ReadinessResult {
  problems: ReadinessProblem[];
  details: {
    liveWorkers: number;
    activeJobs: number;
    /** Jobs live workers can run at once: active jobs beyond it belong to dead workers and return once their lock expires. */
    activeCapacity: number;
    orphanedActiveJobs: number;
    missingReminderJobs: number | null;
    deliveryFailureRate: number | null;
    lastReconcileAgoMs: number | null;
  };
}

/** A pass may be late by a couple of periods (a long pass, a busy worker) before it counts as stuck. */
const STALE_RECONCILE_PERIODS = 3;

export function evaluateReadiness(s: ReadinessSnapshot, t: ReadinessThresholds): ReadinessResult {
  const problems: ReadinessProblem[] = [];
  const activeJobs = Object.values(s.activeJobs).reduce((a, b) => a + b, 0);
  const activeCapacity = s.workers.reduce(
    (sum, w) => sum + Object.keys(s.activeJobs).reduce((q, name) => q + (w.concurrency[name] ?? 0), 0),
    0,
  );
  const missing = s.lastReconcile
    ? Math.max(
        0,
        s.lastReconcile.queuedAfter -
          s.queuedReminderJobs -
          Math.max(0, s.finishedReminderJobs - s.lastReconcile.finishedAtRecord),
      )
    : null;
  const attempts = s.deliveryAttempts.ok + s.deliveryAttempts.fail;
  const failureRate = attempts > 0 ? s.deliveryAttempts.fail / attempts : null;
  if (t.requireWorker) {
    if (s.workers.length === 0)
      problems.push({
        code: ReadinessCode.NoWorker,
        reason: '没有存活的提醒 worker（心跳已过期），提醒和投递不会发出。',
      });
    if (!s.schedulerInstalled)
      problems.push({
        code: ReadinessCode.SchedulerMissing,
        reason: '定期核对（reconcile）的调度器不在 Redis 中，Redis 可能丢失了数据；worker 会重新安装。',
      });
    if (!s.lastReconcile)
      problems.push({
        code: ReadinessCode.ReconcileNeverRan,
        reason: '尚无核对记录：提醒任务尚未从数据库恢复。',
      });
    else if (s.nowMs - s.lastReconcile.atMs > STALE_RECONCILE_PERIODS * t.reconcileEveryMs)
      problems.push({
        code: ReadinessCode.ReconcileStale,
        reason: `核对已 ${Math.round((s.nowMs - s.lastReconcile.atMs) / 60_000)} 分钟未运行。`,
      });
    if (missing !== null && missing > t.missingJobsMax)
      problems.push({
        code: ReadinessCode.JobsMissing,
        reason: `有 ${missing} 个应在队列中的提醒任务缺失（上次核对后既未排队也未发送）。`,
      });
  }
  if (failureRate !== null && attempts >= t.deliveryMinAttempts && failureRate > t.deliveryFailureRate)
    problems.push({
      code: ReadinessCode.DeliveryFailing,
      reason: `最近 ${Math.round(t.deliveryWindowMs / 1000)} 秒内邮件/Webhook 投递失败率为 ${Math.round(failureRate * 100)}%（${s.deliveryAttempts.fail}/${attempts}），将持续重试。`,
    });
  return {
    problems,
    details: {
      liveWorkers: s.workers.length,
      activeJobs,
      activeCapacity,
      orphanedActiveJobs: Math.max(0, activeJobs - activeCapacity),
      missingReminderJobs: missing,
      deliveryFailureRate: failureRate,
      lastReconcileAgoMs: s.lastReconcile ? s.nowMs - s.lastReconcile.atMs : null,
    },
  };
}
