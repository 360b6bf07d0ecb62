import { createHmac, timingSafeEqual } from 'node:crypto';
import { Controller, HttpCode, Post, Res } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AppConfig } from '../infra/config/app-config';
import { InjectConfig } from '../infra/config/config.module';
import { CurrentUser, Roles, type AuthUser } from './auth.decorators';
import { SessionsService } from './sessions.service';
import { UsersService } from '../users/users.service';

export const QUEUE_DASHBOARD_PATH = '/api/admin/queues';
export const QUEUE_DASHBOARD_COOKIE = 'duban_queues';
/** The dashboard cookie lives 15 minutes; the admin screen asks for a new one each time it opens the board. */
export const QUEUE_DASHBOARD_TTL_SECONDS = 15 * 60;

interface DashboardGrant {
  sid: string;
  sub: string;
  exp: number;
}

/**
 * Short-lived, dashboard-scoped credentials for Bull Board, which opens in its own tab where no
 * bearer header can be sent. The grant is signed with a key derived from JWT_SECRET for this one
 * purpose (so it is never a valid API token), names the admin's session (logout ends it too) and
 * travels only in an HttpOnly, SameSite=Strict cookie scoped to the dashboard path.
 */
@Injectable()
export class QueueDashboardAccess {
  private readonly key: Buffer;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
  ) {
    this.key = createHmac('sha256', config.auth.jwtSecret).update('duban:queue-dashboard').digest();
  }

  grant(user: AuthUser): string {
    const grant: DashboardGrant = {
      sid: user.sessionId,
      sub: user.id,
      exp: Math.floor(Date.now() / 1000) + QUEUE_DASHBOARD_TTL_SECONDS,
    };
    const body = Buffer.from(JSON.stringify(grant)).toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  cookie(value: string): string {
    const secure = this.config.app.baseUrl.startsWith('https:') ? '; Secure' : '';
    return `${QUEUE_DASHBOARD_COOKIE}=${value}; Path=${QUEUE_DASHBOARD_PATH}; Max-Age=${QUEUE_DASHBOARD_TTL_SECONDS}; HttpOnly; SameSite=Strict${secure}`;
  }

  /** True when the cookie value is a valid, unexpired grant of a still open admin session. */
  async allows(value: string): Promise<boolean> {
    const [body, signature, extra] = value.split('.');
    if (!body || !signature || extra !== undefined) return false;
    const expected = Buffer.from(this.sign(body), 'base64url');
    const actual = Buffer.from(signature, 'base64url');
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return false;
    let grant: Partial<DashboardGrant>;
    try {
      grant = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<DashboardGrant>;
    } catch {
      return false;
    }
    if (typeof grant.exp !== 'number' || grant.exp <= Date.now() / 1000) return false;
    if (typeof grant.sid !== 'string' || typeof grant.sub !== 'string') return false;
    if ((await this.sessions.userOf(grant.sid)) !== grant.sub) return false;
    const identity = await this.users.cachedActiveIdentity(grant.sub);
    return identity?.role === 'admin';
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

@ApiTags('notifications')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/queues-session')
export class QueueDashboardSessionController {
  constructor(private readonly access: QueueDashboardAccess) {}

  @Post()
  @HttpCode(204)
  @ApiOperation({ summary: 'Set the short-lived queue dashboard cookie; then open /api/admin/queues' })
  @ApiNoContentResponse()
  open(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) reply: FastifyReply): void {
    void reply.header('set-cookie', this.access.cookie(this.access.grant(user)));
  }
}
