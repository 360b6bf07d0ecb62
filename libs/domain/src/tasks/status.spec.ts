import { describe, expect, it } from 'vitest';
import type { TaskStatus } from '../api/task-vocabulary';
import {
  assertTransition,
  canTerminate,
  canTransition,
  ForbiddenTransitionError,
  isClosedStatus,
  nextStatuses,
  statusAfterProgress,
  TASK_STATUS_LABELS,
  TASK_STATUSES,
} from './status';

describe('task status machine', () => {
  const allowedPairs: [TaskStatus, TaskStatus][] = [
    ['not_started', 'in_progress'],
    ['in_progress', 'submitted'],
    ['submitted', 'done'],
    ['submitted', 'returned'],
    ['returned', 'in_progress'],
  ];

  it.each(allowedPairs)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  const forbiddenPairs = TASK_STATUSES.flatMap((from) =>
    TASK_STATUSES.filter((to) => !allowedPairs.some(([f, t]) => f === from && t === to)).map(
      (to) => [from, to] as [TaskStatus, TaskStatus],
    ),
  );

  it("forbids the other 31 pairs (6 statuses: 已终止 is reached only by the supervisor's 终止)", () => {
    expect(forbiddenPairs).toHaveLength(31);
  });

  it.each(forbiddenPairs)('forbids %s → %s with the allowed next states', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    let caught: unknown;
    try {
      assertTransition(from, to);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ForbiddenTransitionError);
    const error = caught as ForbiddenTransitionError;
    expect(error.code).toBe('TASK_FORBIDDEN_TRANSITION');
    expect(error.from).toBe(from);
    expect(error.to).toBe(to);
    expect(error.allowed).toEqual(nextStatuses(from));
  });

  it('refuses to submit a task that was never started', () => {
    expect(() => assertTransition('not_started', 'submitted')).toThrow(/未开始.*已提交待审核/);
  });

  it('has no way out of done or terminated', () => {
    expect(nextStatuses('done')).toEqual([]);
    expect(nextStatuses('terminated')).toEqual([]);
  });

  it('closes 已办结 and 已终止; any other task may be terminated', () => {
    expect(TASK_STATUSES.filter(isClosedStatus)).toEqual(['done', 'terminated']);
    expect(TASK_STATUSES.filter(canTerminate)).toEqual([
      'not_started',
      'in_progress',
      'submitted',
      'returned',
    ]);
    expect(TASK_STATUS_LABELS.terminated).toBe('已终止');
  });

  it('returns a copy, so callers cannot change the machine', () => {
    nextStatuses('submitted').push('not_started');
    expect(nextStatuses('submitted')).toEqual(['done', 'returned']);
  });

  describe('statusAfterProgress', () => {
    it.each<[TaskStatus, TaskStatus]>([
      ['not_started', 'in_progress'],
      ['in_progress', 'in_progress'],
      ['returned', 'in_progress'],
    ])('moves %s to %s', (from, to) => {
      expect(statusAfterProgress(from)).toBe(to);
    });

    it.each<TaskStatus>(['submitted', 'done', 'terminated'])('refuses reports on %s', (status) => {
      expect(() => statusAfterProgress(status)).toThrow(ForbiddenTransitionError);
    });
  });
});
