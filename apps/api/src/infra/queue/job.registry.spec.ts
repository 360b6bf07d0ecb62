import { describe, expect, it } from 'vitest';
import { JobRegistry } from './job.registry';
import { JobName, JobOutcome } from './queue.catalogue';

const ok = (): Promise<JobOutcome> => Promise.resolve(JobOutcome.Success);

describe(JobRegistry.name, () => {
  it('refuses to start while a job has no handler, naming the missing ones', () => {
    const sut = new JobRegistry();
    sut.register(JobName.SendReminder, ok);
    expect(() => sut.assertComplete()).toThrow(/delivery\.email, delivery\.webhook, reminders\.reconcile/);
  });

  it('refuses a second handler for the same job', () => {
    const sut = new JobRegistry();
    sut.register(JobName.Reconcile, ok);
    expect(() => sut.register(JobName.Reconcile, ok)).toThrow(/duplicate handler/);
  });

  it('passes once every job has its handler, and dispatches by name', async () => {
    const sut = new JobRegistry();
    for (const name of Object.values(JobName)) sut.register(name, ok);
    expect(() => sut.assertComplete()).not.toThrow();
    await expect(
      sut.handler(JobName.DeliverEmail)({ deliveryId: 'd1' }, { jobId: 'j', attemptsMade: 0, attempts: 1 }),
    ).resolves.toBe(JobOutcome.Success);
    expect(() => sut.handler('unknown.job')).toThrow(/no handler/);
  });
});
