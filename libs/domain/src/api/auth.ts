/** Sign-in and the session's own account: /api/auth/* and GET /api/me. */
import type { DepartmentRefDto } from './common';
import type { UserRole } from './task-vocabulary';

export interface MeDto {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
  department: DepartmentRefDto | null;
  /** 部门负责人: an officer who heads their department (always false for supervisors and admins). */
  isHead: boolean;
  /** For notification e-mails; the person edits it in 个人设置. */
  email: string | null;
  phone: string | null;
  /** The password was set by someone else (seed, admin reset): only 修改密码 is open until it changes. */
  mustChangePassword: boolean;
}

export interface LoginRequestDto {
  username: string;
  password: string;
}

export interface LoginResponseDto {
  accessToken: string;
  expiresIn: number;
  user: MeDto;
}

/** Body of POST /api/auth/password. */
export interface ChangePasswordRequestDto {
  currentPassword: string;
  newPassword: string;
}

/** Answer of POST /api/users/:id/reset-password (admin): the new one-time password, shown once. */
export interface PasswordResetDto {
  username: string;
  temporaryPassword: string;
}

/** GET /api/auth/sso — what the login page offers. */
export interface SsoInfoDto {
  /** Single sign-on (OpenID Connect) is configured. */
  enabled: boolean;
  /** The button's label, e.g. 统一身份认证登录. */
  label: string;
  /** Where the button goes (a full page navigation to the provider). */
  loginUrl: string;
  /** Whether the username/password form is offered. */
  passwordLogin: boolean;
}

/** Why a single sign-on attempt ended on the login page (`/login?ssoError=<code>`). */
export type SsoErrorCode =
  | 'SSO_DISABLED'
  | 'SSO_STATE_INVALID'
  | 'SSO_PROVIDER_ERROR'
  | 'SSO_ACCOUNT_UNKNOWN'
  | 'SSO_ACCOUNT_INACTIVE'
  | 'SSO_ACCOUNT_LINKED_ELSEWHERE'
  | 'SSO_DEPARTMENT_UNKNOWN';
