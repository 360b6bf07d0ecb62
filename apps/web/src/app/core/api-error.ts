import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorDto } from '@duban/domain';

function isApiError(value: unknown): value is ApiErrorDto {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';
}

/** A zh-CN message for any failure: the API's own message when it sent one, else a generic one by status. */
export function errorMessage(err: unknown, fallback = '操作失败，请稍后重试'): string {
  if (err instanceof HttpErrorResponse) {
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
