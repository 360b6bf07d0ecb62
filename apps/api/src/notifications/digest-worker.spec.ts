import { describe, expect, it } from 'vitest';
import { digestCron } from './digest-worker.module';

describe(digestCron.name, () => {
  it('turns the local HH:MM into a daily cron pattern', () => {
    expect(digestCron('08:30')).toBe('30 8 * * *');
    expect(digestCron('00:05')).toBe('5 0 * * *');
    expect(digestCron('23:59')).toBe('59 23 * * *');
  });
});
