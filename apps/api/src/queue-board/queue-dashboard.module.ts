import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { Injectable, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AuthModule } from '../auth/auth.module';
import { AuthService } from '../auth/auth.service';
import {
  QUEUE_DASHBOARD_COOKIE,
  QUEUE_DASHBOARD_PATH,
  QueueDashboardAccess,
} from '../auth/queue-dashboard-access';
import { HealthService } from '../health/health.service';
import { QueueName } from '../infra/queue/queue.catalogue';
import { QueueService } from '../infra/queue/queue.service';
import { checkRedisEvictionPolicy } from '../infra/queue/redis';

function cookieValue(request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === QUEUE_DASHBOARD_COOKIE) return rest.join('=');
  }
  return null;
}

/**
 * Bull Board at /api/admin/queues, admins only. The web app opens it in a new tab, where no bearer
 * header can be set: it first calls POST /api/admin/queues-session, which sets a short-lived,
 * dashboard-scoped HttpOnly cookie (never the API token, never in a URL). A bearer header works
 * too (scripts). Also adds queue counts to GET /api/health.
 */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  private readonly logger = new Logger('QueueDashboard');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly queues: QueueService,
    private readonly auth: AuthService,
    private readonly access: QueueDashboardAccess,
    private readonly health: HealthService,
  ) {}

  onModuleInit(): void {
    // The API enqueues reminder jobs too: same loud warning as the worker about eviction. Not
    // awaited: the API must start (and serve) while Redis is unreachable.
    void checkRedisEvictionPolicy(this.queues.redis, this.logger);
    this.health.register('queue', async () => {
      const entries = await Promise.all(
        Object.values(QueueName).map(async (name) => [name, await this.queues.counts(name)] as const),
      );
      return Object.fromEntries(entries);
    });

    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || typeof fastify.register !== 'function') return;
    const board = new BullBoardFastifyAdapter();
    board.setBasePath(QUEUE_DASHBOARD_PATH);
    // @bull-board/fastify pins its own patch release of @bull-board/api; the adapter contract is the same.
    const serverAdapter = board as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'];
    createBullBoard({ queues: this.queues.all().map((q) => new BullMQAdapter(q)), serverAdapter });
    // Queued, not awaited: awaiting would make Fastify load its plugins before Nest has registered
    // its routes and error handler; queued, the board loads with the rest when the app starts.
    void fastify.register(
      async (scope) => {
        scope.addHook('onRequest', async (request, reply) => this.guard(request, reply));
        await scope.register(board.registerPlugin());
      },
      { prefix: QUEUE_DASHBOARD_PATH },
    );
    this.logger.log(`Bull Board at ${QUEUE_DASHBOARD_PATH} (admins: dashboard cookie or bearer)`);
  }

  private async guard(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? null;
    const cookie = cookieValue(request);
    if (!bearer && !cookie) {
      await reply.status(401).send({
        statusCode: 401,
        code: 'AUTH_REQUIRED',
        message: '请先以管理员身份登录，再从“系统管理”打开队列面板。',
      });
      return reply;
    }
    let allowed = false;
    if (bearer) {
      const user = await this.auth.authenticate(bearer).catch(() => null);
      if (user && (user.role !== 'admin' || user.mustChangePassword)) {
        await reply
          .status(403)
          .send({ statusCode: 403, code: 'AUTH_ROLE_FORBIDDEN', message: '队列面板仅限管理员访问。' });
        return reply;
      }
      allowed = user !== null;
    } else if (cookie) {
      allowed = await this.access.allows(cookie);
    }
    if (!allowed) {
      await reply.status(401).send({
        statusCode: 401,
        code: 'AUTH_TOKEN_INVALID',
        message: '登录已失效或队列面板授权已过期，请重新登录后从“系统管理”打开队列面板。',
      });
      return reply;
    }
    return undefined;
  }
}

@Module({ imports: [AuthModule], providers: [QueueDashboard] })
export class QueueDashboardModule {}
