import { BadRequestException, NotFoundException } from '@nestjs/common';
import { toApiError } from './api-exception.filter';
import { ConflictError, TooManyRequestsError } from './domain-error';

describe(toApiError.name, () => {
  it('keeps a domain error code, status, message and details', () => {
    expect(
      toApiError(new ConflictError('TASK_VERSION_CONFLICT', '任务已被他人修改。', { version: 3 })),
    ).toEqual({
      statusCode: 409,
      code: 'TASK_VERSION_CONFLICT',
      message: '任务已被他人修改。',
      details: { version: 3 },
    });
  });

  it('maps Nest HTTP exceptions and throttling to stable codes with zh-CN messages', () => {
    expect(toApiError(new NotFoundException())).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    expect(toApiError(new BadRequestException('x'))).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST' });
    expect(toApiError(new TooManyRequestsError('AUTH_LOGIN_THROTTLED', '请 30 秒后再试。', 30))).toEqual({
      statusCode: 429,
      code: 'AUTH_LOGIN_THROTTLED',
      message: '请 30 秒后再试。',
      details: { retryAfterSeconds: 30 },
    });
  });

  it('maps Fastify client errors by status and hides internals of unexpected errors', () => {
    expect(
      toApiError({ statusCode: 413, code: 'FST_REQ_FILE_TOO_LARGE', message: 'too large' }),
    ).toMatchObject({
      statusCode: 413,
      code: 'PAYLOAD_TOO_LARGE',
      details: { cause: 'FST_REQ_FILE_TOO_LARGE' },
    });
    const internal = toApiError(new Error('connection refused at 10.0.0.1'));
    expect(internal).toMatchObject({ statusCode: 500, code: 'INTERNAL_ERROR' });
    expect(JSON.stringify(internal)).not.toContain('10.0.0.1');
  });
});
