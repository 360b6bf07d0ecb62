import { afterEach, describe, expect, it, vi } from 'vitest';
import { reminderJobId, ReminderScheduler } from './reminder.scheduler';
import type { ReminderTaskSource } from './reminder-task.source';

describe(ReminderScheduler.name, () => {
  afterEach(() => vi.useRealTimers());

  it('turns a reminder key into a BullMQ-safe job id (no colons)', () => {
    expect(reminderJobId('t1:dept-a:deadline_today:2026-03-20')).toBe('t1|dept-a|deadline_today|2026-03-20');
  });

  it('never makes a workflow request wait more than 3 s for rescheduling (Redis or PostgreSQL unreachable)', async () => {
    vi.useFakeTimers();
    const hanging = { load: () => new Promise<never>(() => undefined) } as unknown as ReminderTaskSource;
    const sut = new ReminderScheduler(null as never, hanging, null as never, null as never, null as never);
    let settled = false;
    const pending = sut.taskChangedSafely('t1').then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(2_900);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    await pending;
    expect(settled).toBe(true);
  });
});
