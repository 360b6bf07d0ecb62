import { ConflictError, NotFoundError, ValidationError } from '../infra/http/domain-error';
import type { DeliveryStatus } from './entities/notification-delivery.entity';
import type { WebhookTargetError } from './webhook-target';

/** Every error code the notifications feature answers with (inbox, deliveries, department webhooks). */
export const NotificationErrorCode = {
  NotificationNotFound: 'NOTIFICATION_NOT_FOUND',
  NotificationTaskNotFound: 'NOTIFICATION_TASK_NOT_FOUND',
  DeliveryNotFound: 'DELIVERY_NOT_FOUND',
  DeliveryNotResendable: 'DELIVERY_NOT_RESENDABLE',
  DeliveryStatusInvalid: 'DELIVERY_STATUS_INVALID',
  WebhookDepartmentNotFound: 'DEPARTMENT_NOT_FOUND',
  WebhookNotFound: 'WEBHOOK_NOT_FOUND',
  WebhookTargetForbidden: 'WEBHOOK_TARGET_FORBIDDEN',
} as const;

/** The codes of deliveries alone (kept under this name for callers that knew it). */
export const DeliveryErrorCode = {
  NotFound: NotificationErrorCode.DeliveryNotFound,
  NotResendable: NotificationErrorCode.DeliveryNotResendable,
} as const;

export class DeliveryNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(NotificationErrorCode.DeliveryNotFound, '投递记录不存在。', { id });
  }
}

export class DeliveryNotResendableError extends ConflictError {
  constructor(id: string, status: DeliveryStatus | 'inbox') {
    super(
      NotificationErrorCode.DeliveryNotResendable,
      '只有发送失败或已放弃的邮件、Webhook 投递可以重新发送。',
      { id, status },
    );
  }
}

/** The feature's other errors, each with its zh-CN message (plain NotFoundError / ValidationError). */
export const notificationErrors = {
  notificationNotFound: () =>
    new NotFoundError(
      NotificationErrorCode.NotificationNotFound,
      '没有找到这条消息，可能已被删除或不属于您。',
    ),
  notificationTaskNotFound: () =>
    new NotFoundError(NotificationErrorCode.NotificationTaskNotFound, '您的消息中没有关于这项任务的消息。'),
  deliveryStatusInvalid: (status: string) =>
    new ValidationError(NotificationErrorCode.DeliveryStatusInvalid, 'status 只能是 failed 或 abandoned。', {
      status,
    }),
  webhookDepartmentNotFound: () =>
    new NotFoundError(NotificationErrorCode.WebhookDepartmentNotFound, '没有找到该部门，请检查部门编号。'),
  webhookNotFound: () => new NotFoundError(NotificationErrorCode.WebhookNotFound, '没有找到该 Webhook。'),
  /** The address the SSRF policy refuses (its message says why, in Chinese). */
  webhookTargetForbidden: (error: WebhookTargetError) =>
    new ValidationError(NotificationErrorCode.WebhookTargetForbidden, error.message, {
      reason: error.reason,
    }),
};
