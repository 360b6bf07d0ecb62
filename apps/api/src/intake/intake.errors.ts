import { ConflictError, DomainError, NotFoundError, ValidationError } from '../infra/http/domain-error';
import type { UploadErrors } from '../infra/http/uploaded-file';

/** Every error code of the 台账 intake (POST /api/intake → commit), with its zh-CN message and status. */
export const IntakeErrorCode = {
  NotMultipart: 'INTAKE_NOT_MULTIPART',
  NoFile: 'INTAKE_NO_FILE',
  TooLarge: 'INTAKE_TOO_LARGE',
  EmptyFile: 'INTAKE_EMPTY_FILE',
  NotXlsx: 'INTAKE_NOT_XLSX',
  Unreadable: 'INTAKE_UNREADABLE',
  NoSheet: 'INTAKE_NO_SHEET',
  MissingColumns: 'INTAKE_MISSING_COLUMNS',
  TooManyRows: 'INTAKE_TOO_MANY_ROWS',
  NoRows: 'INTAKE_NO_ROWS',
  PreviewNotFound: 'INTAKE_PREVIEW_NOT_FOUND',
  PreviewExpired: 'INTAKE_PREVIEW_EXPIRED',
  NothingValid: 'INTAKE_NOTHING_VALID',
  AlreadyCommitted: 'INTAKE_ALREADY_COMMITTED',
} as const;

/** The upload step's refusals (see infra/http/uploaded-file.ts). */
export const INTAKE_UPLOAD_ERRORS: UploadErrors = {
  notMultipart: () =>
    new DomainError(
      IntakeErrorCode.NotMultipart,
      '请以 multipart/form-data 方式上传台账（字段名 file）。',
      415,
    ),
  noFile: () => new ValidationError(IntakeErrorCode.NoFile, '请求中没有文件，请在字段 file 中上传台账。'),
  tooLarge: (_fileName, mb) =>
    new DomainError(IntakeErrorCode.TooLarge, `台账文件超过 ${mb} MB 上限，请拆分后再导入。`, 413),
};

export function intakeEmptyFile(fileName: string): ValidationError {
  return new ValidationError(IntakeErrorCode.EmptyFile, `文件“${fileName}”是空文件，请选择填写好的台账。`);
}

export function intakeNotXlsx(fileName: string, oldExcel: boolean): DomainError {
  return new DomainError(
    IntakeErrorCode.NotXlsx,
    oldExcel
      ? `文件“${fileName}”是旧版 Excel（.xls）格式，请在 Excel 中“另存为” .xlsx 后再上传。`
      : `文件“${fileName}”不是 Excel 工作簿（.xlsx）。CSV 或文本文件的编码无法可靠识别，请下载台账模板填写后上传。`,
    415,
    { file: fileName },
  );
}

export function intakeUnreadable(fileName: string): DomainError {
  return new DomainError(
    IntakeErrorCode.Unreadable,
    `无法读取文件“${fileName}”：文件已损坏或不是有效的 .xlsx 工作簿。`,
    415,
    { file: fileName },
  );
}

export function intakeNoSheet(fileName: string): ValidationError {
  return new ValidationError(IntakeErrorCode.NoSheet, `文件“${fileName}”中没有工作表。`);
}

export function intakeMissingColumns(shown: readonly string[], missing: readonly string[]): ValidationError {
  return new ValidationError(
    IntakeErrorCode.MissingColumns,
    `台账缺少以下列：${shown.join('、')}。请下载台账模板，按模板的列填写。`,
    { missing },
  );
}

export function intakeTooManyRows(maxRows: number): DomainError {
  return new DomainError(
    IntakeErrorCode.TooManyRows,
    `一次最多导入 ${maxRows} 行，请拆分台账后分批导入。`,
    413,
    { maxRows },
  );
}

export function intakeNoRows(): ValidationError {
  return new ValidationError(IntakeErrorCode.NoRows, '台账中没有任务行，请在表头下方填写任务。');
}

export function intakePreviewNotFound(id: string): NotFoundError {
  return new NotFoundError(IntakeErrorCode.PreviewNotFound, '台账预览不存在，请重新上传。', { id });
}

export function intakePreviewExpired(id: string): DomainError {
  return new DomainError(IntakeErrorCode.PreviewExpired, '台账预览已过期，请重新上传。', 410, { id });
}

export function intakeNothingValid(id: string): ConflictError {
  return new ConflictError(
    IntakeErrorCode.NothingValid,
    '台账中没有可导入的行，请修改标出的错误后重新上传。',
    { id },
  );
}

export function intakeAlreadyCommitted(id: string): ConflictError {
  return new ConflictError(IntakeErrorCode.AlreadyCommitted, '该台账已导入，无需重复提交。', { id });
}
