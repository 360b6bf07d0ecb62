import { ValidationError } from '../infra/http/domain-error';

export const BulletinErrorCode = {
  PeriodInvalid: 'BULLETIN_PERIOD_INVALID',
  PeriodFuture: 'BULLETIN_PERIOD_FUTURE',
  DocumentUnknown: 'BULLETIN_DOCUMENT_UNKNOWN',
  DepartmentUnknown: 'BULLETIN_DEPARTMENT_UNKNOWN',
} as const;
export type BulletinErrorCode = (typeof BulletinErrorCode)[keyof typeof BulletinErrorCode];

export const bulletinErrors = {
  /** A period key the domain cannot read (`message`: the domain's zh-CN reason, BulletinPeriodError). */
  periodInvalid: (message: string) => new ValidationError(BulletinErrorCode.PeriodInvalid, message),
  periodFuture: (label: string) =>
    new ValidationError(BulletinErrorCode.PeriodFuture, `通报期间${label}尚未开始，请选择已开始的期间。`),
  documentUnknown: () =>
    new ValidationError(BulletinErrorCode.DocumentUnknown, '所选文件不存在，请重新选择。'),
  departmentUnknown: () =>
    new ValidationError(BulletinErrorCode.DepartmentUnknown, '所选单位中有不存在的单位，请重新选择。'),
};
