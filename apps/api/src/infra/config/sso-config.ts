/**
 * Single sign-on (OpenID Connect, authorization-code flow with PKCE) settings. Off unless
 * OIDC_ISSUER is set; password login stays on unless AUTH_PASSWORD_LOGIN=false.
 */
export interface SsoConfig {
  /** Issuer URL of the OpenID provider (discovery at /.well-known/openid-configuration); null = SSO off. */
  issuer: string | null;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: `${APP_BASE_URL}/api/auth/oidc/callback` by default. */
  redirectUri: string;
  scopes: string;
  /** Claim holding the Duban username (an existing account with that name is linked on first SSO login). */
  usernameClaim: string;
  displayNameClaim: string;
  /** Claim naming the user's department (name or alias in the registry): used when accounts are created. */
  departmentClaim: string;
  /** Claim holding the role (officer / supervisor); admins are never created by SSO. */
  roleClaim: string;
  /** Create an account on first SSO login when none matches; off = only existing accounts may sign in. */
  autoCreate: boolean;
  /** Allow an http:// issuer (a provider on this machine in development and tests); never in production. */
  allowHttpIssuer: boolean;
  /** The label of the login button, e.g. 「政务统一身份认证登录」. */
  buttonLabel: string;
  /** Password login beside SSO; false = SSO only (the bootstrap admin can still use a password, see README). */
  passwordLogin: boolean;
}

type Env = Record<string, string | undefined>;

/** Parses the OIDC_* variables; problems are pushed to `errors` (reported with every other config error). */
export function parseSsoConfig(
  env: Env,
  appBaseUrl: string,
  production: boolean,
  errors: string[],
): SsoConfig {
  const get = (key: string, fallback: string): string => env[key]?.trim() || fallback;
  const flag = (key: string, fallback: boolean): boolean => {
    const raw = env[key]?.trim().toLowerCase();
    if (!raw) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    errors.push(`${key} must be true or false, got "${raw}"`);
    return fallback;
  };
  const issuer = env['OIDC_ISSUER']?.trim() || null;
  const allowHttpIssuer = flag('OIDC_ALLOW_HTTP_ISSUER', false);
  const config: SsoConfig = {
    issuer,
    clientId: get('OIDC_CLIENT_ID', ''),
    clientSecret: get('OIDC_CLIENT_SECRET', ''),
    redirectUri: get('OIDC_REDIRECT_URI', `${appBaseUrl.replace(/\/$/, '')}/api/auth/oidc/callback`),
    scopes: get('OIDC_SCOPES', 'openid profile email'),
    usernameClaim: get('OIDC_USERNAME_CLAIM', 'preferred_username'),
    displayNameClaim: get('OIDC_DISPLAY_NAME_CLAIM', 'name'),
    departmentClaim: get('OIDC_DEPARTMENT_CLAIM', 'department'),
    roleClaim: get('OIDC_ROLE_CLAIM', 'duban_role'),
    autoCreate: flag('OIDC_AUTO_CREATE', false),
    allowHttpIssuer,
    buttonLabel: get('OIDC_BUTTON_LABEL', '统一身份认证登录'),
    passwordLogin: flag('AUTH_PASSWORD_LOGIN', true),
  };
  if (issuer) {
    let protocol = '';
    try {
      protocol = new URL(issuer).protocol;
    } catch {
      errors.push(`OIDC_ISSUER is not a valid URL: "${issuer}"`);
    }
    if (protocol === 'http:' && (!allowHttpIssuer || production)) {
      errors.push(
        'OIDC_ISSUER must use https (OIDC_ALLOW_HTTP_ISSUER=true is for a local provider outside production)',
      );
    }
    if (!config.clientId) errors.push('OIDC_CLIENT_ID is required when OIDC_ISSUER is set');
    if (!config.clientSecret) errors.push('OIDC_CLIENT_SECRET is required when OIDC_ISSUER is set');
  } else if (!config.passwordLogin) {
    errors.push('AUTH_PASSWORD_LOGIN=false needs OIDC_ISSUER: nobody could sign in');
  }
  return config;
}
