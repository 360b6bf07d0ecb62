import { HttpErrorResponse } from '@angular/common/http';
import { firstValueFrom, throwError } from 'rxjs';
import { BusyAction } from './busy-action';

/** Work that fails as a call to the API does. */
const failing = (err: HttpErrorResponse) => () => firstValueFrom(throwError(() => err));

describe('BusyAction', () => {
  it('is busy while the work runs and clears an earlier error', async () => {
    const action = new BusyAction();
    action.error.set('上次的错误');
    const seen: [boolean, string | null][] = [];
    const done = await action.run(
      () => Promise.resolve().then(() => seen.push([action.busy(), action.error()])),
      '保存失败',
    );
    expect(done).toBe(true);
    expect(seen).toEqual([[true, null]]);
    expect(action.busy()).toBe(false);
  });

  it('shows the API’s message when it sent one, else the fallback, and says it failed', async () => {
    const action = new BusyAction();
    const refused = new HttpErrorResponse({
      status: 422,
      error: { statusCode: 422, message: '理由不能为空' },
    });
    expect(await action.run(failing(refused), '保存失败')).toBe(false);
    expect(action.error()).toBe('理由不能为空');
    expect(await action.run(failing(new HttpErrorResponse({ status: 500 })), '保存失败')).toBe(false);
    expect(action.error()).toBe('保存失败');
    expect(action.busy()).toBe(false);
  });

  it('keeps a message the work set itself', async () => {
    const action = new BusyAction();
    await action.run(() => Promise.resolve().then(() => action.error.set('文件中有错误的行')), '导入失败');
    expect(action.error()).toBe('文件中有错误的行');
  });
});
