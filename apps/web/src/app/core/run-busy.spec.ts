import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { firstValueFrom, throwError } from 'rxjs';
import { runBusy } from './run-busy';

/** Work that fails as a call to the API does. */
const failing = (err: HttpErrorResponse) => () => firstValueFrom(throwError(() => err));

describe('runBusy', () => {
  const flags = () => ({ busy: signal(false), error: signal<string | null>(null) });

  it('is busy while the work runs and clears an earlier error', async () => {
    const { busy, error } = flags();
    error.set('上次的错误');
    const seen: [boolean, string | null][] = [];
    const done = await runBusy(busy, error, '保存失败', () =>
      Promise.resolve().then(() => seen.push([busy(), error()])),
    );
    expect(done).toBe(true);
    expect(seen).toEqual([[true, null]]);
    expect(busy()).toBe(false);
  });

  it('shows the API’s message when it sent one, else the fallback, and says it failed', async () => {
    const { busy, error } = flags();
    const refused = new HttpErrorResponse({
      status: 422,
      error: { statusCode: 422, message: '理由不能为空' },
    });
    expect(await runBusy(busy, error, '保存失败', failing(refused))).toBe(false);
    expect(error()).toBe('理由不能为空');
    expect(await runBusy(busy, error, '保存失败', failing(new HttpErrorResponse({ status: 500 })))).toBe(
      false,
    );
    expect(error()).toBe('保存失败');
    expect(await runBusy(busy, error, undefined, failing(new HttpErrorResponse({ status: 500 })))).toBe(
      false,
    );
    expect(error()).toBe('操作失败，请稍后重试');
    expect(busy()).toBe(false);
  });

  it('keeps a message the work set itself', async () => {
    const { busy, error } = flags();
    await runBusy(busy, error, '导入失败', () => Promise.resolve().then(() => error.set('文件中有错误的行')));
    expect(error()).toBe('文件中有错误的行');
  });
});
