import { passwordProblem, type LoginResponseDto, type UserRole } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '../infra/config/app-config';
import { InjectConfig } from '../infra/config/config.module';
import type { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import type { AuthUser } from './auth.decorators';
import { authErrors } from './auth.errors';
import { Hs256Verifier } from './hs256-verifier';
import { LoginLimiter } from './login-limiter';
import { SessionsService } from './sessions.service';

interface TokenPayload {
  sub: string;
  /** The session (user_sessions.id) the token belongs to; the guard checks it is still open. */
  sid: string;
  role: UserRole;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class AuthService {
  /** Signing stays with JwtService (HS256, its default); verifying reuses one key object. */
  private readonly verifier: Hs256Verifier;

  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly limiter: LoginLimiter,
    private readonly jwt: JwtService,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    this.verifier = new Hs256Verifier(config.auth.jwtSecret);
  }

  async login(username: string, password: string, clientIp: string): Promise<LoginResponseDto> {
    // Throttle before hashing: refused attempts cost no bcrypt time.
    await this.limiter.admit(clientIp, username);
    const user = await this.users.findActiveByUsername(username);
    // Compare even for unknown users so response time does not reveal which usernames exist.
    const ok = await this.users.verifyPassword(user, password);
    if (!user || !ok) {
      await this.limiter.recordFailure(username);
      throw authErrors.invalidCredentials();
    }
    await this.limiter.recordSuccess(username);
    // SSO-only deployments keep a password way in for admins alone (break-glass when the provider is down).
    if (!this.config.sso.passwordLogin && user.role !== 'admin') {
      throw authErrors.passwordLoginDisabled();
    }
    return this.openSession(user, clientIp);
  }

  /** A new session and its bearer token (password login and single sign-on end here alike). */
  async openSession(user: UserEntity, clientIp: string): Promise<LoginResponseDto> {
    const session = await this.sessions.open(user.id, clientIp);
    const payload: TokenPayload = { sub: user.id, sid: session.id, role: user.role };
    const accessToken = await this.jwt.signAsync(payload, { expiresIn: this.config.auth.tokenTtl });
    return { accessToken, expiresIn: this.config.auth.tokenTtl, user: this.users.toMeDto(user) };
  }

  /**
   * Resolves a bearer token to the (still active) user of a still open session, or throws 401.
   * Both lookups go through short per-process caches that revocations clear.
   */
  async authenticate(token: string): Promise<AuthUser> {
    let payload: Record<string, unknown>;
    try {
      payload = this.verifier.verify(token);
    } catch {
      throw authErrors.tokenInvalid();
    }
    const { sub, sid } = payload;
    if (typeof sub !== 'string' || typeof sid !== 'string' || !UUID.test(sub) || !UUID.test(sid)) {
      throw authErrors.tokenInvalid();
    }
    const [owner, user] = await Promise.all([
      this.sessions.userOf(sid),
      this.users.cachedActiveIdentity(sub),
    ]);
    if (owner !== sub || !user) throw authErrors.tokenInvalid();
    return {
      id: user.id,
      username: user.username,
      role: user.role,
      departmentId: user.departmentId,
      sessionId: sid,
      mustChangePassword: user.mustChangePassword,
    };
  }

  logout(user: AuthUser): Promise<void> {
    return this.sessions.revoke(user.sessionId, 'logout');
  }

  /** Changes the caller's password; every other session of the account ends, this one stays. */
  async changePassword(user: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    const entity = await this.users.findActiveById(user.id);
    if (!entity || !(await this.users.verifyPassword(entity, currentPassword))) {
      throw authErrors.currentPasswordWrong();
    }
    const problem = passwordProblem(newPassword, { username: entity.username, current: currentPassword });
    if (problem) throw authErrors.passwordWeak(problem);
    await this.users.setPassword(entity.id, newPassword, false);
    await this.sessions.revokeAllOf(entity.id, 'password_changed', user.sessionId);
  }
}
