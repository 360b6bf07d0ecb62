import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One person at the test identity provider: the claims it asserts for them. */
export type IdpAccount = Record<string, string>;

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, IdpAccount>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * A real OpenID Provider (the `oidc-provider` package) on 127.0.0.1:<free port>, with one
 * confidential client for Duban (PKCE required) and its development login/consent screens, which
 * the tests drive over HTTP like a browser would.
 */
export async function startTestIdp(redirectUri: string): Promise<TestIdp> {
  const { default: Provider } = await import('oidc-provider');
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const accounts = new Map<string, IdpAccount>();
  const clientId = 'duban';
  const clientSecret = 'idp-test-client-secret-0123456789abcdef';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username', 'department', 'duban_role'],
      email: ['email'],
    },
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({ sub: id, ...(accounts.get(id) ?? {}) }),
    }),
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['duban-test-idp-cookie-key'] },
    pkce: { required: () => true },
  });
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A browser's cookie jar for one origin, enough for the provider's interaction cookies. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Plays the browser from the provider's authorization URL to Duban's callback URL: follows the
 * redirects, signs in as `login` on the development login screen and grants consent. Returns the
 * URL the provider finally sends the browser to (Duban's redirect URI with code and state).
 */
export async function signInAtIdp(authorizationUrl: string, login: string): Promise<string> {
  const jar = new CookieJar();
  let url = authorizationUrl;
  let method = 'GET';
  let body: string | undefined;
  for (let hop = 0; hop < 20; hop++) {
    const response = await fetch(url, {
      method,
      body,
      redirect: 'manual',
      headers: {
        cookie: jar.header(),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
    });
    jar.take(response);
    method = 'GET';
    body = undefined;
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, url).href;
      if (!next.startsWith(new URL(authorizationUrl).origin)) return next;
      url = next;
      continue;
    }
    const html = await response.text();
    const interaction = /\/interaction\/([\w-]+)/.exec(url);
    if (!interaction || response.status !== 200)
      throw new Error(`unexpected IdP page ${url}: ${response.status}`);
    const prompt = html.includes('name="prompt" value="consent"') ? 'consent' : 'login';
    method = 'POST';
    body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'x' } : { prompt }).toString();
  }
  throw new Error('too many redirects at the IdP');
}
