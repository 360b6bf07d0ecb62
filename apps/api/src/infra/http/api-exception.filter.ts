import type { ApiErrorDto } from '@duban/domain';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, TooManyRequestsError } from './domain-error';

const STATUS_CODES: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: '请求有误，请检查后重试。' },
  401: { code: 'UNAUTHENTICATED', message: '未登录或登录已过期，请重新登录。' },
  403: { code: 'FORBIDDEN', message: '当前账号无权执行此操作。' },
  404: { code: 'NOT_FOUND', message: '请求的资源不存在。' },
  405: { code: 'METHOD_NOT_ALLOWED', message: '不支持该请求方法。' },
  409: { code: 'CONFLICT', message: '数据已被修改，请刷新后重试。' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: '上传内容过大，请缩小文件后重试。' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持该内容类型。' },
  429: { code: 'TOO_MANY_REQUESTS', message: '请求过于频繁，请稍后再试。' },
};

/** Errors the multipart parser raises for a body that is cut short or has no boundary. */
const MALFORMED_MULTIPART =
  /^(Multipart: Boundary not found|Unexpected end of (form|multipart data)|Malformed part header|Part terminated early)/u;

/**
 * PostgreSQL's class 22 (data exception): a value the input carried that the column cannot hold
 * (NUL byte, impossible date, number out of range). The statement failed, so nothing was written.
 */
function isDataException(error: unknown): boolean {
  const code = (error as { driverError?: { code?: unknown }; code?: unknown } | null)?.driverError?.code;
  return typeof code === 'string' && code.startsWith('22');
}

interface ErrorWithStatus {
  statusCode?: unknown;
  code?: unknown;
  message?: unknown;
}

/** Maps any thrown value to the one error shape of the API. */
export function toApiError(error: unknown): ApiErrorDto {
  if (error instanceof DomainError) {
    return {
      statusCode: error.status,
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
    };
  }
  if (error instanceof HttpException) {
    const statusCode = error.getStatus();
    const known = STATUS_CODES[statusCode];
    const response = error.getResponse();
    const raw =
      typeof response === 'object' && response && 'message' in response ? response.message : undefined;
    return {
      statusCode,
      code: known?.code ?? `HTTP_${statusCode}`,
      message: known?.message ?? error.message,
      ...(raw !== undefined && statusCode < 500 ? { details: { reason: raw } } : {}),
    };
  }
  if (error instanceof Error && MALFORMED_MULTIPART.test(error.message)) {
    return {
      statusCode: 400,
      code: 'UPLOAD_MALFORMED',
      message: '上传内容不完整或格式不正确（multipart 数据缺少分隔符或被截断），请重新选择文件上传。',
    };
  }
  if (isDataException(error)) {
    return {
      statusCode: 400,
      code: 'INPUT_NOT_STORABLE',
      message: '提交的数据无法保存（字符、日期或数值超出允许范围），请检查后重试。',
    };
  }
  // Fastify / plugin errors (multipart limits, content-type parsers…) carry statusCode + FST_* code.
  const candidate = (error ?? {}) as ErrorWithStatus;
  if (typeof candidate.statusCode === 'number' && candidate.statusCode >= 400 && candidate.statusCode < 500) {
    const statusCode = candidate.statusCode;
    const known = STATUS_CODES[statusCode];
    return {
      statusCode,
      code: known?.code ?? `HTTP_${statusCode}`,
      message: known?.message ?? '请求有误，请检查后重试。',
      details: {
        ...(typeof candidate.code === 'string' ? { cause: candidate.code } : {}),
        ...(typeof candidate.message === 'string' ? { reason: candidate.message } : {}),
      },
    };
  }
  return {
    statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
    code: 'INTERNAL_ERROR',
    message: '服务器内部错误，请稍后重试；如持续出现请联系管理员。',
  };
}

/** The one exception filter: every error response of the API is an `ApiErrorDto`. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const body = toApiError(exception);
    if (body.statusCode >= 500) {
      // With the request id, so the user's error and this stack can be matched in the logs.
      const request = host.switchToHttp().getRequest<{ id?: string } | undefined>();
      this.logger.error({
        msg: exception instanceof Error ? exception.message : String(exception),
        reqId: request?.id,
        stack: exception instanceof Error ? exception.stack : undefined,
      });
    }
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (exception instanceof TooManyRequestsError) {
      void reply.header('retry-after', String(exception.retryAfterSeconds));
    }
    void reply.status(body.statusCode).send(body);
  }
}
