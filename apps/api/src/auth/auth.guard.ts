import type { UserRole } from '@duban/domain';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC, OPEN_BEFORE_PASSWORD_CHANGE, ROLES, type AuthenticatedRequest } from './auth.decorators';
import { authErrors } from './auth.errors';
import { AuthService } from './auth.service';

/** Global guard: every route needs a valid bearer token unless marked `@Public()`. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1]) {
      throw authErrors.required();
    }
    const user = await this.auth.authenticate(match[1]);
    request.user = user;
    if (
      user.mustChangePassword &&
      !this.reflector.getAllAndOverride<boolean>(OPEN_BEFORE_PASSWORD_CHANGE, targets)
    ) {
      throw authErrors.passwordChangeRequired();
    }
    return true;
  }
}

/** Global guard after AuthGuard: enforces `@Roles(...)` when present. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles || roles.length === 0) return true;
    const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
    if (user && roles.includes(user.role)) return true;
    throw authErrors.roleForbidden(roles);
  }
}
