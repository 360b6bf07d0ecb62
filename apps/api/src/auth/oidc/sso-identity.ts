import type { UserRole } from '@duban/domain';
import type { SsoConfig } from '../../infra/config/sso-config';

/** What Duban takes from the provider's claims, through the configured claim names. */
export interface SsoIdentity {
  /** `${issuer}|${sub}`: stable across renames of the username. */
  subject: string;
  username: string | null;
  displayName: string | null;
  email: string | null;
  department: string | null;
  /** Only officer or supervisor: an identity provider never makes anyone an admin here. */
  role: Extract<UserRole, 'officer' | 'supervisor'> | null;
}

function text(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  // The same rule as every other input: no NUL or control characters, bounded length.
  if (
    !trimmed ||
    trimmed.length > max ||
    [...trimmed].some((ch) => ch.charCodeAt(0) < 0x20 || ch === '\u007f')
  ) {
    return null;
  }
  return trimmed;
}

const ROLE_WORDS: Readonly<Record<string, SsoIdentity['role']>> = {
  officer: 'officer',
  经办人: 'officer',
  supervisor: 'supervisor',
  督查室: 'supervisor',
};

export function ssoIdentity(
  issuer: string,
  claims: Record<string, unknown>,
  config: Pick<SsoConfig, 'usernameClaim' | 'displayNameClaim' | 'departmentClaim' | 'roleClaim'>,
): SsoIdentity {
  const sub = text(claims['sub'], 255);
  if (!sub) throw new Error('the ID token has no subject');
  const username = text(claims[config.usernameClaim], 64);
  const role = text(claims[config.roleClaim], 32);
  return {
    subject: `${issuer}|${sub}`,
    username: username && /^[A-Za-z0-9._@-]+$/.test(username) ? username.toLowerCase() : null,
    displayName: text(claims[config.displayNameClaim], 100),
    email: text(claims['email'], 254),
    department: text(claims[config.departmentClaim], 100),
    role: role ? (ROLE_WORDS[role.toLowerCase()] ?? null) : null,
  };
}
