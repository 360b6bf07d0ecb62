import type { LoginResponseDto, UserRole } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '../infra/config/app-config';
import { InjectConfig } from '../infra/config/config.module';
import { UnauthorizedError } from '../infra/http/domain-error';
import { UsersService } from '../users/users.service';
import type { AuthUser } from './auth.decorators';
import { Hs256Verifier } from './hs256-verifier';

interface TokenPayload {
  sub: string;
  role: UserRole;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const INVALID_CREDENTIALS = () =>
  new UnauthorizedError('AUTH_INVALID_CREDENTIALS', '用户名或密码错误，请检查后重新登录。');

@Injectable()
export class AuthService {
  /** Signing stays with JwtService (HS256, its default); verifying reuses one key object. */
  private readonly verifier: Hs256Verifier;

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    this.verifier = new Hs256Verifier(config.auth.jwtSecret);
  }

  async login(username: string, password: string): Promise<LoginResponseDto> {
    const user = await this.users.findActiveByUsername(username);
    // Compare even for unknown users so response time does not reveal which usernames exist.
    const ok = await this.users.verifyPassword(user, password);
    if (!user || !ok) throw INVALID_CREDENTIALS();
    const payload: TokenPayload = { sub: user.id, role: user.role };
    const accessToken = await this.jwt.signAsync(payload, { expiresIn: this.config.auth.tokenTtl });
    return { accessToken, expiresIn: this.config.auth.tokenTtl, user: this.users.toMeDto(user) };
  }

  /**
   * Resolves a bearer token to the (still active) user, or throws 401. The account is read through
   * a short cache (UsersService.cachedActiveIdentity): deactivation takes effect within seconds.
   */
  async authenticate(token: string): Promise<AuthUser> {
    let sub: unknown;
    try {
      sub = this.verifier.verify(token)['sub'];
    } catch {
      throw new UnauthorizedError('AUTH_TOKEN_INVALID', '登录已失效或令牌无效，请重新登录。');
    }
    const user =
      typeof sub === 'string' && UUID.test(sub) ? await this.users.cachedActiveIdentity(sub) : null;
    if (!user) throw new UnauthorizedError('AUTH_TOKEN_INVALID', '账号不存在或已停用，请联系管理员。');
    return { id: user.id, username: user.username, role: user.role, departmentId: user.departmentId };
  }
}
