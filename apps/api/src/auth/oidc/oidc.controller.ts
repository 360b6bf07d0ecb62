import type { SsoInfoDto } from '@duban/domain';
import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../infra/config/app-config';
import { InjectConfig } from '../../infra/config/config.module';
import { Public } from '../auth.decorators';
import { AuthService } from '../auth.service';
import { OidcAttemptCookie } from './oidc-state';
import { OidcProviderClient } from './oidc-provider-client';
import { SsoAccounts } from './sso-accounts.service';
import { ssoIdentity } from './sso-identity';
import { SsoError } from './sso.errors';

/** Only paths of this app are accepted as the place to return to (no open redirect). */
function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[\w\-./?=&%]*$/.test(value) ? value : '/';
}

@ApiTags('auth')
@Controller('auth')
export class OidcController {
  private readonly cookie: OidcAttemptCookie;

  constructor(
    private readonly provider: OidcProviderClient,
    private readonly accounts: SsoAccounts,
    private readonly auth: AuthService,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    this.cookie = new OidcAttemptCookie(config.auth.jwtSecret, config.app.baseUrl.startsWith('https:'));
  }

  @Public()
  @Get('sso')
  @ApiOperation({ summary: 'What the login page offers: single sign-on and/or the password form' })
  @ApiOkResponse({ description: 'SsoInfoDto' })
  info(): SsoInfoDto {
    const sso = this.config.sso;
    return {
      enabled: sso.issuer !== null,
      label: sso.buttonLabel,
      loginUrl: '/api/auth/oidc/login',
      passwordLogin: sso.passwordLogin,
    };
  }

  /** Sends the browser to the provider (authorization-code flow with PKCE, state and nonce). */
  @Public()
  @Get('oidc/login')
  @ApiExcludeEndpoint()
  async login(@Query('returnTo') returnTo: unknown, @Res() reply: FastifyReply): Promise<void> {
    try {
      const start = await this.provider.start();
      const { state, nonce, verifier } = start;
      void reply
        .header(
          'set-cookie',
          this.cookie.issue({ state, nonce, verifier, returnTo: safeReturnPath(returnTo) }),
        )
        .header('cache-control', 'no-store')
        .redirect(start.url, 302);
    } catch (error) {
      this.backToLogin(reply, error);
    }
  }

  /**
   * The provider's redirect back: checks the attempt cookie, exchanges the code, finds the account
   * and opens a session. The token goes to the web app in the URL fragment, which never reaches a
   * server log or a Referer header.
   */
  @Public()
  @Get('oidc/callback')
  @ApiExcludeEndpoint()
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    void reply.header('set-cookie', this.cookie.clear()).header('cache-control', 'no-store');
    try {
      const attempt = this.cookie.read(request.headers.cookie);
      if (!attempt) throw new SsoError('SSO_STATE_INVALID', 400);
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      if (new URLSearchParams(query).has('error')) throw new SsoError('SSO_PROVIDER_ERROR');
      const claims = await this.provider.finish(query, attempt);
      const account = await this.accounts.accountFor(
        ssoIdentity(this.provider.issuer, claims, this.config.sso),
      );
      const login = await this.auth.openSession(account, request.ip);
      const fragment = new URLSearchParams({
        token: login.accessToken,
        expiresIn: String(login.expiresIn),
        returnTo: attempt.returnTo,
      });
      void reply.redirect(`${this.appUrl('/login/sso')}#${fragment.toString()}`, 302);
    } catch (error) {
      this.backToLogin(reply, error);
    }
  }

  private backToLogin(reply: FastifyReply, error: unknown): void {
    const code = error instanceof SsoError ? error.code : 'SSO_PROVIDER_ERROR';
    void reply.redirect(`${this.appUrl('/login')}?ssoError=${code}`, 302);
  }

  private appUrl(path: string): string {
    return `${this.config.app.baseUrl.replace(/\/$/, '')}${path}`;
  }
}
