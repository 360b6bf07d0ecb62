import { Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import type { AppConfig } from '../../infra/config/app-config';
import { InjectConfig } from '../../infra/config/config.module';
import { SsoError } from './sso.errors';

export interface AuthorizationStart {
  url: string;
  state: string;
  nonce: string;
  verifier: string;
}

/**
 * The relying-party side of OpenID Connect (`openid-client`): discovery (cached per process),
 * the authorization URL with PKCE, and the code exchange with ID-token validation.
 */
@Injectable()
export class OidcProviderClient {
  private readonly logger = new Logger(OidcProviderClient.name);
  private discovered: Promise<oidc.Configuration> | null = null;

  constructor(@InjectConfig() private readonly config: AppConfig) {}

  get issuer(): string {
    return this.config.sso.issuer ?? '';
  }

  async start(): Promise<AuthorizationStart> {
    const configuration = await this.configuration();
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.config.sso.redirectUri,
      scope: this.config.sso.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, nonce, verifier };
  }

  /** Exchanges the code in `callbackQuery` and returns the ID token's claims merged over userinfo. */
  async finish(
    callbackQuery: string,
    expected: { state: string; nonce: string; verifier: string },
  ): Promise<Record<string, unknown>> {
    const configuration = await this.configuration();
    const current = new URL(this.config.sso.redirectUri);
    current.search = callbackQuery;
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, current, {
        pkceCodeVerifier: expected.verifier,
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        idTokenExpected: true,
      });
      const claims: Record<string, unknown> = { ...tokens.claims() };
      // Providers often keep department and role out of the ID token: ask userinfo as well.
      try {
        const info = await oidc.fetchUserInfo(configuration, tokens.access_token, String(claims['sub']));
        return { ...info, ...claims };
      } catch {
        return claims;
      }
    } catch (error) {
      this.logger.warn(`OIDC code exchange failed: ${(error as Error).message}`);
      throw new SsoError('SSO_PROVIDER_ERROR');
    }
  }

  private configuration(): Promise<oidc.Configuration> {
    const sso = this.config.sso;
    if (!sso.issuer) return Promise.reject(new SsoError('SSO_DISABLED', 404));
    this.discovered ??= oidc
      .discovery(
        new URL(sso.issuer),
        sso.clientId,
        sso.clientSecret,
        undefined,
        sso.allowHttpIssuer ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: Error) => {
        // Not remembered: the next attempt tries the provider again.
        this.discovered = null;
        this.logger.warn(`OIDC discovery of ${sso.issuer} failed: ${error.message}`);
        throw new SsoError('SSO_PROVIDER_ERROR', 502);
      });
    return this.discovered;
  }
}
