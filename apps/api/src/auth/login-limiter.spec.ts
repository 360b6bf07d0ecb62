import { throttledMessage } from './auth.errors';
import { lockoutMs } from './login-limiter';

describe(lockoutMs.name, () => {
  it('is 0 below the threshold, then doubles from 1 s up to the cap', () => {
    expect([0, 4].map((n) => lockoutMs(n, 5, 60_000))).toEqual([0, 0]);
    expect([5, 6, 7, 8].map((n) => lockoutMs(n, 5, 60_000))).toEqual([1000, 2000, 4000, 8000]);
    expect(lockoutMs(40, 5, 60_000)).toBe(60_000);
    expect(lockoutMs(10_000, 5, 900_000)).toBe(900_000);
  });
});

describe(throttledMessage.name, () => {
  it('says how long to wait, in seconds or whole minutes', () => {
    expect(throttledMessage(30)).toBe('登录尝试过于频繁，请 30 秒后再试。');
    expect(throttledMessage(600)).toBe('登录尝试过于频繁，请 10 分钟后再试。');
  });
});
