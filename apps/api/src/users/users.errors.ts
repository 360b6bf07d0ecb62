import { ConflictError, NotFoundError, ValidationError } from '../infra/http/domain-error';

/** Every code the accounts feature answers with (the web shows the message; clients may branch on the code). */
export const UserErrorCode = {
  NotFound: 'USER_NOT_FOUND',
  UsernameTaken: 'USER_USERNAME_TAKEN',
  SelfRole: 'USER_SELF_ROLE',
  SelfDeactivate: 'USER_SELF_DEACTIVATE',
  // One refused field of an account (account-rules.ts; the import lists them per row).
  UsernameInvalid: 'USER_USERNAME_INVALID',
  DisplayNameInvalid: 'USER_DISPLAY_NAME_INVALID',
  EmailInvalid: 'USER_EMAIL_INVALID',
  PhoneInvalid: 'USER_PHONE_INVALID',
  DepartmentRequired: 'USER_DEPARTMENT_REQUIRED',
  DepartmentNotFound: 'USER_DEPARTMENT_NOT_FOUND',
  DepartmentCollective: 'USER_DEPARTMENT_COLLECTIVE',
  DepartmentMerged: 'USER_DEPARTMENT_MERGED',
  DepartmentNotAllowed: 'USER_DEPARTMENT_NOT_ALLOWED',
  HeadNotOfficer: 'USER_HEAD_NOT_OFFICER',
  // The bulk import (POST /api/users/import).
  ImportConflict: 'USER_IMPORT_CONFLICT',
  ImportDryRun: 'USER_IMPORT_DRY_RUN',
  ImportNotMultipart: 'USER_IMPORT_NOT_MULTIPART',
  ImportNoFile: 'USER_IMPORT_NO_FILE',
  ImportTooLarge: 'USER_IMPORT_TOO_LARGE',
  ImportEmpty: 'USER_IMPORT_EMPTY',
  ImportNotXlsx: 'USER_IMPORT_NOT_XLSX',
  ImportUnreadable: 'USER_IMPORT_UNREADABLE',
  ImportNoSheet: 'USER_IMPORT_NO_SHEET',
  ImportMissingColumns: 'USER_IMPORT_MISSING_COLUMNS',
  ImportTooManyRows: 'USER_IMPORT_TOO_MANY_ROWS',
  ImportNoRows: 'USER_IMPORT_NO_ROWS',
} as const;
export type UserErrorCode = (typeof UserErrorCode)[keyof typeof UserErrorCode];

/** The field problems of account-rules.ts. */
export type AccountProblemCode = Exclude<
  UserErrorCode,
  | 'USER_NOT_FOUND'
  | 'USER_USERNAME_TAKEN'
  | 'USER_SELF_ROLE'
  | 'USER_SELF_DEACTIVATE'
  | `USER_IMPORT_${string}`
>;

export const userErrors = {
  notFound: () => new NotFoundError(UserErrorCode.NotFound, '没有找到该账号。'),
  usernameTaken: (username: string) =>
    new ConflictError(UserErrorCode.UsernameTaken, `用户名“${username}”已被使用，请换一个。`, { username }),
  selfRole: () => new ValidationError(UserErrorCode.SelfRole, '不能修改当前登录的管理员自己的角色。'),
  selfDeactivate: () => new ValidationError(UserErrorCode.SelfDeactivate, '不能停用当前登录的管理员账号。'),
};

/** The first refused field of an account, with every problem in the details. */
export class AccountRejectedError extends ValidationError {
  constructor(code: AccountProblemCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
  }
}

/** A department that cannot hold accounts (checked when an account is stored). */
export const accountDepartmentErrors = {
  collective: (name: string, departmentId: string) =>
    new AccountRejectedError(
      UserErrorCode.DepartmentCollective,
      `“${name}”是统称（如各有关部门、各地区），不能开设账号：请选择具体单位。`,
      { departmentId },
    ),
  merged: (name: string, successor: string, departmentId: string) =>
    new AccountRejectedError(
      UserErrorCode.DepartmentMerged,
      `“${name}”已并入“${successor}”，请为“${successor}”开设账号。`,
      { departmentId },
    ),
};

/** The upload or the sheet of a bulk import cannot be read: nothing was checked or created. */
export class UserImportFileError extends ValidationError {}

export const userImportErrors = {
  conflict: () =>
    new ConflictError(
      UserErrorCode.ImportConflict,
      '导入期间有用户名被其他管理员占用，本次未创建任何账号，请重新上传。',
    ),
  dryRun: () => new UserImportFileError(UserErrorCode.ImportDryRun, 'dryRun 只能是 true 或 false。'),
  notMultipart: () =>
    new UserImportFileError(
      UserErrorCode.ImportNotMultipart,
      '请以 multipart/form-data 方式上传用户表（字段名 file）。',
    ),
  noFile: () =>
    new UserImportFileError(UserErrorCode.ImportNoFile, '请求中没有文件，请在字段 file 中上传用户表。'),
  tooLarge: (mb: number) =>
    new UserImportFileError(UserErrorCode.ImportTooLarge, `用户表文件超过 ${mb} MB 上限，请拆分后再导入。`),
  empty: (fileName: string) =>
    new UserImportFileError(UserErrorCode.ImportEmpty, `文件“${fileName}”是空文件。`),
  notXlsx: (fileName: string, oldExcel: boolean) =>
    new UserImportFileError(
      UserErrorCode.ImportNotXlsx,
      oldExcel
        ? `文件“${fileName}”是旧版 Excel（.xls）格式，请在 Excel 中“另存为” .xlsx 后再上传。`
        : `文件“${fileName}”不是 Excel 工作簿（.xlsx），请下载用户导入模板填写后上传。`,
    ),
  unreadable: (fileName: string) =>
    new UserImportFileError(
      UserErrorCode.ImportUnreadable,
      `无法读取文件“${fileName}”：文件已损坏或不是有效的 .xlsx 工作簿。`,
    ),
  noSheet: (fileName: string) =>
    new UserImportFileError(UserErrorCode.ImportNoSheet, `文件“${fileName}”中没有工作表。`),
  missingColumns: (missing: string[]) =>
    new UserImportFileError(
      UserErrorCode.ImportMissingColumns,
      `用户表缺少以下列：${missing.join('、')}。请下载用户导入模板，按模板的列填写。`,
      { missing },
    ),
  tooManyRows: (max: number) =>
    new UserImportFileError(UserErrorCode.ImportTooManyRows, `用户表超过 ${max} 行，请拆分后分批导入。`),
  noRows: (fileName: string) =>
    new UserImportFileError(
      UserErrorCode.ImportNoRows,
      `文件“${fileName}”中没有要导入的用户（表头下方没有数据行）。`,
    ),
};
