import {
  displayNameProblem,
  emailProblem,
  phoneProblem,
  usernameProblem,
  type UserRole,
} from '@duban/domain';
import type { DepartmentEntity } from '../../departments/department.entity';
import { UserErrorCode, type AccountProblemCode } from '../users.errors';

/** One refused field: a stable code for the API error and the zh-CN reason. */
export interface AccountProblem {
  code: AccountProblemCode;
  message: string;
}

/** An account as it would be stored: what the rules look at. */
export interface AccountDraft {
  /** Left out when editing (a username never changes). */
  username?: string;
  displayName: string;
  role: UserRole;
  isHead: boolean;
  /** The department row the draft names: undefined = none named, null = named but not found. */
  department: DepartmentEntity | null | undefined;
  /** As typed, for the not-found message. */
  departmentLabel?: string;
  /** The department's successor's name, when it was merged or renamed. */
  successorName?: string | null;
  email: string | null;
  phone: string | null;
}

/** Empty strings mean "none"; surrounding blanks are never meant. */
export function cleanOptional(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * Every reason a draft account cannot be stored (the import lists them all per row; create and edit
 * answer the first). Uniqueness of the username is the caller's: it needs the database.
 */
export function accountProblems(draft: AccountDraft): AccountProblem[] {
  const problems: AccountProblem[] = [];
  const add = (code: AccountProblemCode, message: string | null) => {
    if (message) problems.push({ code, message });
  };
  if (draft.username !== undefined) add(UserErrorCode.UsernameInvalid, usernameProblem(draft.username));
  add(UserErrorCode.DisplayNameInvalid, displayNameProblem(draft.displayName));
  if (draft.email) add(UserErrorCode.EmailInvalid, emailProblem(draft.email));
  if (draft.phone) add(UserErrorCode.PhoneInvalid, phoneProblem(draft.phone));
  if (draft.role === 'officer') {
    if (draft.department === undefined) {
      add(UserErrorCode.DepartmentRequired, '部门经办人和部门负责人必须属于一个部门，请选择所属部门。');
    } else if (draft.department === null) {
      add(
        UserErrorCode.DepartmentNotFound,
        `没有找到部门“${draft.departmentLabel ?? ''}”，请填写部门全称或常用简称（如 发改委），或先在「部门」中添加。`,
      );
    } else if (draft.department.kind === 'collective') {
      add(
        UserErrorCode.DepartmentCollective,
        `“${draft.department.name}”是统称（如 各有关部门），不是一个单位，不能设立账号；请选择具体的部门。`,
      );
    } else if (draft.department.successorId) {
      add(
        UserErrorCode.DepartmentMerged,
        `“${draft.department.name}”已撤并${draft.successorName ? `至“${draft.successorName}”` : ''}，请选择现在的部门。`,
      );
    }
  } else {
    if (draft.department !== undefined) {
      add(UserErrorCode.DepartmentNotAllowed, '督查室和系统管理员不属于部门，请不要填写所属部门。');
    }
    if (draft.isHead) add(UserErrorCode.HeadNotOfficer, '只有部门里的人员可以设为部门负责人。');
  }
  return problems;
}
