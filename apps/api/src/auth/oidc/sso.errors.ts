import { SSO_ERROR_MESSAGES, type SsoErrorCode } from '@duban/domain';
import { DomainError } from '../../infra/http/domain-error';

/**
 * A single sign-on attempt that cannot end in a session. The browser is sent back to the login
 * page with the code (`/login?ssoError=…`), which shows the zh-CN message of the shared contract.
 */
export class SsoError extends DomainError {
  constructor(
    override readonly code: SsoErrorCode,
    status = 401,
    details?: Record<string, unknown>,
  ) {
    super(code, SSO_ERROR_MESSAGES[code], status, details);
  }
}
