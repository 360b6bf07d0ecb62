import { describe, expect, it } from 'vitest';
import {
  evaluateReadiness,
  ReadinessCode,
  type ReadinessSnapshot,
  type ReadinessThresholds,
} from './readiness';

const now = Date.parse('2026-03-20T01:00:00Z');
const worker = {
  id: 'w1',
  host: 'h',
  pid: 1,
  startedAt: '',
  beatAt: '',
  concurrency: { reminders: 20, deliveries: 10, maintenance: 1 },
};
const healthy: ReadinessSnapshot = {
  nowMs: now,
  workers: [worker],
  schedulerInstalled: true,
  lastReconcile: { atMs: now - 60_000, queuedAfter: 500, finishedAtRecord: 1000 },
  queuedReminderJobs: 450,
  finishedReminderJobs: 1050,
  activeJobs: { reminders: 3, deliveries: 10, maintenance: 0 },
  deliveryAttempts: { ok: 90, fail: 10 },
};
const t: ReadinessThresholds = {
  requireWorker: true,
  missingJobsMax: 100,
  deliveryFailureRate: 0.5,
  deliveryWindowMs: 120_000,
  deliveryMinAttempts: 10,
  reconcileEveryMs: 300_000,
};
const codes = (s: Partial<ReadinessSnapshot>, th: Partial<ReadinessThresholds> = {}): string[] =>
  evaluateReadiness({ ...healthy, ...s }, { ...t, ...th }).problems.map((p) => p.code);

describe('reminder readiness', () => {
  it('is ready when a worker beats, the scheduler exists, jobs are accounted for and deliveries mostly succeed', () => {
    const result = evaluateReadiness(healthy, t);
    expect(result.problems).toEqual([]);
    expect(result.details).toMatchObject({
      liveWorkers: 1,
      activeJobs: 13,
      activeCapacity: 31,
      orphanedActiveJobs: 0,
      missingReminderJobs: 0,
      deliveryFailureRate: 0.1,
    });
  });

  it('fails without a live worker, and counts active jobs no live worker can be running', () => {
    const result = evaluateReadiness({ ...healthy, workers: [] }, t);
    expect(result.problems.map((p) => p.code)).toEqual([ReadinessCode.NoWorker]);
    expect(result.problems[0].reason).toMatch(/worker/);
    expect(result.details.orphanedActiveJobs).toBe(13);
    expect(codes({ workers: [] }, { requireWorker: false })).toEqual([]);
  });

  it('fails when Redis lost the scheduler or the reconcile record (FLUSHALL), or the reconciler stopped', () => {
    expect(codes({ schedulerInstalled: false, lastReconcile: null })).toEqual([
      ReadinessCode.SchedulerMissing,
      ReadinessCode.ReconcileNeverRan,
    ]);
    expect(codes({ lastReconcile: { atMs: now - 900_001, queuedAfter: 0, finishedAtRecord: 0 } })).toEqual([
      ReadinessCode.ReconcileStale,
    ]);
  });

  it('fails when more expected reminder jobs are missing than the threshold', () => {
    // 500 queued after the pass, 50 finished since: 450 expected; 349 queued = 101 missing.
    expect(codes({ queuedReminderJobs: 350 })).toEqual([]);
    expect(codes({ queuedReminderJobs: 349 })).toEqual([ReadinessCode.JobsMissing]);
  });

  it('fails on a delivery failure rate over the threshold, once there are enough attempts', () => {
    expect(codes({ deliveryAttempts: { ok: 4, fail: 6 } })).toEqual([ReadinessCode.DeliveryFailing]);
    expect(codes({ deliveryAttempts: { ok: 5, fail: 5 } })).toEqual([]);
    expect(codes({ deliveryAttempts: { ok: 0, fail: 9 } })).toEqual([]);
    expect(codes({ deliveryAttempts: { ok: 0, fail: 0 } })).toEqual([]);
  });
});
