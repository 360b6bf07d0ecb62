import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';

/** The Fastify instance under Nest (platform-fastify pins its own fastify copy, so its types are used). */
export type HttpInstance = ReturnType<ReturnType<NestFastifyApplication['getHttpAdapter']>['getInstance']>;

export const REQUEST_ID_HEADER = 'x-request-id';

/** What a client or proxy may send as its request id: short, no spaces or control characters (log injection). */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** Fastify's `genReqId`: the caller's X-Request-Id when it is acceptable, else a new UUID. */
export function requestIdFor(request: IncomingMessage): string {
  const header = request.headers[REQUEST_ID_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  return value && ACCEPTABLE_REQUEST_ID.test(value) ? value : randomUUID();
}

/** Probes and scrapes arrive every few seconds: logged at debug so they do not bury the traffic. */
const QUIET_ROUTES = new Set(['/api/health', '/api/health/live', '/metrics']);

/** The route template (`/api/tasks/:id`), or `unmatched` for a 404 (no user-chosen path as a label). */
export function routeOf(request: { routeOptions: { url?: string } }): string {
  return request.routeOptions.url ?? 'unmatched';
}

function userIdOf(request: object): string | undefined {
  const user = (request as { user?: { id?: unknown } }).user;
  return typeof user?.id === 'string' ? user.id : undefined;
}

/**
 * One JSON line per request when its response is finished: request id (also returned as
 * X-Request-Id), user id once the auth guard identified the caller, method, route template, path
 * without the query string (it may carry a search text), status and duration. Headers and bodies
 * are never logged.
 */
export function installRequestLogging(fastify: HttpInstance, logger: Logger): void {
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const route = routeOf(request);
    const record = {
      reqId: request.id,
      userId: userIdOf(request),
      method: request.method,
      route,
      path: request.url.split('?')[0],
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
      ip: request.ip,
    };
    const level = reply.statusCode >= 500 ? 'error' : QUIET_ROUTES.has(route) ? 'debug' : 'info';
    logger[level](record, 'request');
  });
}
