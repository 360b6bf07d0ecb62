import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorDto } from '@duban/domain/contract';

function isApiError(value: unknown): value is ApiErrorDto {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** Seconds to wait from a 429's Retry-After header (the throttler names it Retry-After-<throttler>, e.g. -login). */
export function retryAfterSeconds(err: HttpErrorResponse): number | null {
  const names = err.headers.keys().filter((k) => /^retry-after/i.test(k));
  for (const name of names) {
    const seconds = Number(err.headers.get(name));
    if (Number.isFinite(seconds) && seconds > 0) return Math.ceil(seconds);
  }
  return null;
}

/** 「请 45 秒后再试（约 11:32）」: how long, and the wall-clock time, so the user need not count. */
export function retryHint(seconds: number, now = new Date()): string {
  const at = new Date(now.getTime() + seconds * 1000);
  const clock = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  const wait = seconds < 90 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
  return `请 ${wait}后再试（约 ${clock}）`;
}

/** A zh-CN message for any failure: the API's own message when it sent one, else a generic one by status. */
export function errorMessage(err: unknown, fallback = '操作失败，请稍后重试'): string {
  if (err instanceof HttpErrorResponse) {
    if (err.status === 429) {
      // The API's text does not say how long to wait; the header does.
      const seconds = retryAfterSeconds(err);
      return `尝试次数过多，已暂时限制。${seconds ? retryHint(seconds) : '请 1 分钟后再试'}。`;
    }
    if (isApiError(err.error)) return err.error.message;
    switch (err.status) {
      case 0:
        return '无法连接服务器，请检查网络';
      case 403:
        return '没有权限执行此操作';
      case 404:
        return '请求的内容不存在或无权查看';
      case 409:
        return '数据已被他人修改，请刷新后重试';
      case 413:
        return '文件太大';
      case 415:
        return '不支持的文件类型';
      default:
        return fallback;
    }
  }
  return err instanceof Error && err.message ? err.message : fallback;
}

export function errorCode(err: unknown): string | null {
  return err instanceof HttpErrorResponse && isApiError(err.error) ? err.error.code : null;
}
