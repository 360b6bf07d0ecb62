import { roleList, type UserRole } from '@duban/domain';
import {
  ForbiddenError,
  TooManyRequestsError,
  UnauthorizedError,
  ValidationError,
} from '../infra/http/domain-error';

/** Every code of login, sessions and the guards (single sign-on's are SSO_ERROR_MESSAGES' in @duban/domain). */
export const AuthErrorCode = {
  Required: 'AUTH_REQUIRED',
  TokenInvalid: 'AUTH_TOKEN_INVALID',
  InvalidCredentials: 'AUTH_INVALID_CREDENTIALS',
  LoginThrottled: 'AUTH_LOGIN_THROTTLED',
  PasswordLoginDisabled: 'AUTH_PASSWORD_LOGIN_DISABLED',
  PasswordChangeRequired: 'AUTH_PASSWORD_CHANGE_REQUIRED',
  RoleForbidden: 'AUTH_ROLE_FORBIDDEN',
  CurrentPasswordWrong: 'AUTH_CURRENT_PASSWORD_WRONG',
  PasswordWeak: 'AUTH_PASSWORD_WEAK',
} as const;
export type AuthErrorCode = (typeof AuthErrorCode)[keyof typeof AuthErrorCode];

/** The zh-CN wait of a throttled login (minutes from two minutes on). */
export function throttledMessage(retryAfterSeconds: number): string {
  const wait =
    retryAfterSeconds >= 120 ? `${Math.ceil(retryAfterSeconds / 60)} 分钟` : `${retryAfterSeconds} 秒`;
  return `登录尝试过于频繁，请 ${wait}后再试。`;
}

/** The refusals of login, sessions and the guards, one factory per code. */
export const authErrors = {
  /** A request without a bearer token on a route that needs one. */
  required: () =>
    new UnauthorizedError(AuthErrorCode.Required, '请先登录（请求需携带 Authorization: Bearer <令牌>）。'),
  /**
   * One answer for every unusable token (bad signature, expired, unknown account, revoked or idle
   * session): which of them it was is not told, so a guessed secret is not confirmed.
   */
  tokenInvalid: () => new UnauthorizedError(AuthErrorCode.TokenInvalid, '登录已失效，请重新登录。'),
  invalidCredentials: () =>
    new UnauthorizedError(AuthErrorCode.InvalidCredentials, '用户名或密码错误，请检查后重新登录。'),
  loginThrottled: (retryAfterSeconds: number) =>
    new TooManyRequestsError(
      AuthErrorCode.LoginThrottled,
      throttledMessage(retryAfterSeconds),
      retryAfterSeconds,
    ),
  /** SSO-only deployments: passwords are for admins alone (break-glass when the provider is down). */
  passwordLoginDisabled: () =>
    new ForbiddenError(
      AuthErrorCode.PasswordLoginDisabled,
      '本系统使用统一身份认证登录，请点击「统一身份认证登录」。',
    ),
  passwordChangeRequired: () =>
    new ForbiddenError(AuthErrorCode.PasswordChangeRequired, '请先修改初始密码，再使用系统。'),
  roleForbidden: (roles: UserRole[]) =>
    new ForbiddenError(AuthErrorCode.RoleForbidden, `此操作仅限以下角色：${roleList(roles)}。`, { roles }),
  currentPasswordWrong: () => new ValidationError(AuthErrorCode.CurrentPasswordWrong, '当前密码不正确。'),
  /** `problem`: the domain's zh-CN reason (passwordProblem). */
  passwordWeak: (problem: string) => new ValidationError(AuthErrorCode.PasswordWeak, problem),
};
