import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { errorMessage, retryHint } from './api-error';

describe('errorMessage', () => {
  it('says how long to wait after a rate limit, from the throttler header', () => {
    const err = new HttpErrorResponse({
      status: 429,
      headers: new HttpHeaders({ 'Retry-After-login': '45' }),
      error: { statusCode: 429, code: 'TOO_MANY_REQUESTS', message: '请求过于频繁，请稍后再试。' },
    });
    expect(errorMessage(err)).toMatch(/^尝试次数过多，已暂时限制。请 45 秒后再试（约 \d{2}:\d{2}）。$/);
  });

  it('falls back to one minute without a header, and rounds long waits to minutes', () => {
    expect(errorMessage(new HttpErrorResponse({ status: 429 }))).toBe(
      '尝试次数过多，已暂时限制。请 1 分钟后再试。',
    );
    expect(retryHint(300, new Date(2026, 0, 1, 9, 58))).toBe('请 5 分钟后再试（约 10:03）');
  });

  it('keeps the API message for other errors', () => {
    const err = new HttpErrorResponse({
      status: 409,
      error: { statusCode: 409, code: 'X', message: '报办结前请至少上传一份佐证材料。' },
    });
    expect(errorMessage(err)).toBe('报办结前请至少上传一份佐证材料。');
  });
});
