import { createHmac, timingSafeEqual } from 'node:crypto';

/** What must survive the round trip through the provider: CSRF state, replay nonce, PKCE verifier. */
export interface OidcAttempt {
  state: string;
  nonce: string;
  verifier: string;
  /** Where to go after login (a path of this app). */
  returnTo: string;
  /** ms since epoch. */
  expiresAt: number;
}

export const OIDC_COOKIE = 'duban_oidc';
const TTL_MS = 10 * 60_000;

/**
 * The attempt travels in an HttpOnly cookie scoped to /api/auth/oidc, signed with a key derived
 * from JWT_SECRET, so any API instance can finish a login another one started (no server state).
 */
export class OidcAttemptCookie {
  private readonly key: Buffer;

  constructor(
    jwtSecret: string,
    private readonly secure: boolean,
  ) {
    this.key = createHmac('sha256', jwtSecret).update('duban-oidc-attempt').digest();
  }

  issue(attempt: Omit<OidcAttempt, 'expiresAt'>, now = Date.now()): string {
    const body = Buffer.from(JSON.stringify({ ...attempt, expiresAt: now + TTL_MS })).toString('base64url');
    const value = `${body}.${this.sign(body)}`;
    return this.header(value, TTL_MS / 1000);
  }

  clear(): string {
    return this.header('', 0);
  }

  /** The attempt in the request's cookie header, or null when missing, forged or expired. */
  read(cookieHeader: string | undefined, now = Date.now()): OidcAttempt | null {
    const raw = cookieHeader
      ?.split(';')
      .map((part) => part.trim())
      .find((part) => part.startsWith(`${OIDC_COOKIE}=`))
      ?.slice(OIDC_COOKIE.length + 1);
    if (!raw) return null;
    const [body, signature] = raw.split('.');
    if (!body || !signature) return null;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const attempt = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as OidcAttempt;
      return typeof attempt.expiresAt === 'number' && attempt.expiresAt > now ? attempt : null;
    } catch {
      return null;
    }
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }

  private header(value: string, maxAgeSeconds: number): string {
    // Lax: the provider's redirect back is a top-level GET navigation from another site.
    const attributes = [`Path=/api/auth/oidc`, 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`];
    if (this.secure) attributes.push('Secure');
    return `${OIDC_COOKIE}=${value}; ${attributes.join('; ')}`;
  }
}
