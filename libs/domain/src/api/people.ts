/**
 * People: the contract of account administration (POST/PATCH /api/users, the Excel bulk import) and of
 * 个人设置 (PATCH /api/me), with the rules both sides check. The API enforces them; the web forms say
 * them before the round trip, in the same words.
 */
import type { MeDto } from './auth';
import type { DepartmentRefDto } from './common';
import type { UserRole } from './task-vocabulary';

/** A row of GET /api/users (admin): never the password hash. */
export interface UserDto extends MeDto {
  active: boolean;
}

/** Query string of GET /api/users. */
export interface UserListQueryDto {
  /** Substring of the username, display name or department name. */
  q?: string;
  page?: number;
  pageSize?: number;
}

/** Body of POST /api/users (admin). */
export interface CreateUserRequestDto {
  username: string;
  displayName: string;
  role: UserRole;
  /** Required for officers (an existing, non-collective department); none for supervisors and admins. */
  departmentId?: string | null;
  /** 部门负责人: only for officers. */
  isHead?: boolean;
  email?: string | null;
  phone?: string | null;
}

/** Answer of POST /api/users: the account and its one-time password, shown once. */
export interface CreatedUserDto {
  user: UserDto;
  temporaryPassword: string;
}

/** Body of PATCH /api/users/:id (admin): only the fields sent change. */
export interface UpdateUserRequestDto {
  displayName?: string;
  role?: UserRole;
  departmentId?: string | null;
  isHead?: boolean;
  email?: string | null;
  phone?: string | null;
}

/** Body of PATCH /api/me: a person keeps their own contact details; name, role and department are the admin's. */
export interface UpdateMeRequestDto {
  email?: string | null;
  phone?: string | null;
}

/** One data row of a user sheet as read and checked (POST /api/users/import). */
export interface UserImportRowDto {
  /** The sheet's row number (as Excel shows it). */
  row: number;
  username: string;
  displayName: string;
  role: UserRole | null;
  isHead: boolean;
  department: DepartmentRefDto | null;
  email: string | null;
  phone: string | null;
  /** zh-CN reasons the row cannot be created; empty when it can. */
  errors: string[];
}

/** An account the import created, with its one-time password (shown once). */
export interface ImportedUserDto {
  username: string;
  displayName: string;
  temporaryPassword: string;
}

/** Answer of POST /api/users/import (`?dryRun=true` checks only). */
export interface UserImportResultDto {
  dryRun: boolean;
  rows: UserImportRowDto[];
  /** Rows with at least one error (never created). */
  errorRows: number;
  /** Empty on a dry run. */
  created: ImportedUserDto[];
}

/** The user sheet's columns, in order (the template and the parser share them). */
export const USER_IMPORT_COLUMNS: readonly string[] = ['用户名', '姓名', '角色', '所属部门', '邮箱', '手机'];

/** The 角色 column's words and what each makes (部门负责人 is an officer who heads the department). */
export const USER_IMPORT_ROLES: Readonly<Record<string, { role: UserRole; isHead: boolean }>> = {
  经办人: { role: 'officer', isHead: false },
  部门经办人: { role: 'officer', isHead: false },
  部门负责人: { role: 'officer', isHead: true },
  督查室: { role: 'supervisor', isHead: false },
  管理员: { role: 'admin', isHead: false },
  系统管理员: { role: 'admin', isHead: false },
};

/** The label of a person's role, 部门负责人 for a department head. */
export function personRoleLabel(role: UserRole, isHead: boolean | undefined): string {
  if (role === 'officer') return isHead ? '部门负责人' : '部门经办人';
  return role === 'supervisor' ? '督查室' : '系统管理员';
}

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,31}$/;
export const DISPLAY_NAME_MAX = 64;

const EMAIL = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]+$/u;
const PHONE = /^\+?[\d\s()-]{5,24}$/u;

/** NUL and the other C0 controls (and DEL) never belong in a name or an address. */
function hasControl(text: string): boolean {
  return [...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
}

/** Why a username is refused (zh-CN), or null. Usernames are typed at every login: short, lower-case ASCII. */
export function usernameProblem(username: string): string | null {
  if (username.trim() === '') return '请填写用户名。';
  if (username.length < 2 || username.length > 32) return '用户名须为 2–32 个字符。';
  if (!USERNAME_PATTERN.test(username)) {
    return '用户名只能包含小写英文字母、数字和 . _ -，并以字母或数字开头（如 fgw、zhang.wei）。';
  }
  return null;
}

/** Why a display name (a person's name) is refused, or null. */
export function displayNameProblem(name: string): string | null {
  if (name.trim() === '') return '请填写姓名。';
  if (hasControl(name)) return '姓名不能包含控制字符。';
  if (name.trim().length > DISPLAY_NAME_MAX) return `姓名不能超过 ${DISPLAY_NAME_MAX} 个字符。`;
  return null;
}

/** Why an e-mail address is refused, or null (empty means none). */
export function emailProblem(email: string): string | null {
  if (email === '') return null;
  if (email.length > 254 || hasControl(email) || !EMAIL.test(email)) {
    return `邮箱“${email.slice(0, 60)}”格式不正确，请填写如 zhang.wei@example.gov.cn。`;
  }
  return null;
}

/** Why a phone number is refused, or null (empty means none): a mobile or a landline with area code. */
export function phoneProblem(phone: string): string | null {
  if (phone === '') return null;
  const digits = phone.replace(/\D/gu, '').length;
  if (!PHONE.test(phone) || digits < 5 || digits > 20) {
    return `手机“${phone.slice(0, 30)}”格式不正确，请填写手机号或座机号，如 13800138000 或 010-12345678。`;
  }
  return null;
}
