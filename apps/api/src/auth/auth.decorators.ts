import type { UserRole } from '@duban/domain';
import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

export const IS_PUBLIC = 'duban:isPublic';
export const ROLES = 'duban:roles';
export const OPEN_BEFORE_PASSWORD_CHANGE = 'duban:openBeforePasswordChange';

/** The authenticated caller, as the auth guard puts it on the request. */
export interface AuthUser {
  id: string;
  username: string;
  role: UserRole;
  /** Set for officers; null for supervisors and admins. */
  departmentId: string | null;
  /** The session of the bearer token (logout ends it). */
  sessionId: string;
  /** Until the one-time password is changed only routes marked `@OpenBeforePasswordChange()` answer. */
  mustChangePassword: boolean;
}

export type AuthenticatedRequest = FastifyRequest & { user?: AuthUser };

/** Opts a route (or controller) out of the global bearer-token guard. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Keeps a route usable while the caller still has to change a one-time password (me, logout, change). */
export const OpenBeforePasswordChange = (): MethodDecorator & ClassDecorator =>
  SetMetadata(OPEN_BEFORE_PASSWORD_CHANGE, true);

/** Restricts a route (or controller) to the given roles; others get 403. */
export const Roles = (...roles: UserRole[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES, roles);

/** Injects the authenticated caller `{ id, username, role, departmentId }`. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.user) throw new Error('CurrentUser used on a public route');
  return request.user;
});
