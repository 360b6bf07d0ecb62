import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { Injectable, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AuthModule } from '../../auth/auth.module';
import { AuthService } from '../../auth/auth.service';
import { HealthService } from '../../health/health.service';
import { QueueName } from './queue.catalogue';
import { QueueService } from './queue.service';
import { checkRedisEvictionPolicy } from './redis';

export const QUEUE_DASHBOARD_PATH = '/api/admin/queues';
const COOKIE = 'duban_queues_token';

function cookieToken(request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/**
 * Bull Board at /api/admin/queues, admins only. The web app opens it in a new tab, where no bearer
 * header can be set: it links to `?token=<access token>`, which this guard checks and then keeps
 * in an HttpOnly, SameSite=Strict cookie scoped to the dashboard path (for the board's own
 * asset and API requests). A bearer header works too (scripts).
 * Also adds queue counts to GET /api/health.
 */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  private readonly logger = new Logger('QueueDashboard');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly queues: QueueService,
    private readonly auth: AuthService,
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
    this.logger.log(`Bull Board at ${QUEUE_DASHBOARD_PATH} (admins; ?token= or bearer)`);
  }

  private async guard(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const query = request.query as Record<string, unknown> | undefined;
    const fromQuery = typeof query?.['token'] === 'string' ? query['token'] : null;
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? null;
    const token = bearer ?? fromQuery ?? cookieToken(request);
    if (!token) {
      await reply
        .status(401)
        .send({ statusCode: 401, code: 'AUTH_REQUIRED', message: '请先以管理员身份登录后再打开队列面板。' });
      return reply;
    }
    try {
      const user = await this.auth.authenticate(token);
      if (user.role !== 'admin') {
        await reply
          .status(403)
          .send({ statusCode: 403, code: 'AUTH_ROLE_FORBIDDEN', message: '队列面板仅限管理员访问。' });
        return reply;
      }
    } catch {
      await reply.status(401).send({
        statusCode: 401,
        code: 'AUTH_INVALID_TOKEN',
        message: '登录已失效，请重新登录后再打开队列面板。',
      });
      return reply;
    }
    if (fromQuery) {
      void reply.header(
        'set-cookie',
        `${COOKIE}=${encodeURIComponent(fromQuery)}; Path=${QUEUE_DASHBOARD_PATH}; HttpOnly; SameSite=Strict`,
      );
    }
    return undefined;
  }
}

@Module({ imports: [AuthModule], providers: [QueueDashboard] })
export class QueueDashboardModule {}
