import { timingSafeEqual } from 'node:crypto';
import type { MetricsRegistry } from './metrics.registry';
import { routeOf, type HttpInstance } from '../logging/request-logging';

export const METRICS_PATH = '/metrics';

/** True when the Authorization header is exactly `Bearer <token>` (constant-time comparison). */
export function metricsAuthorized(header: string | undefined, token: string | null): boolean {
  if (!token || !header) return false;
  const expected = Buffer.from(`Bearer ${token}`);
  const actual = Buffer.from(header);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * GET /metrics (outside /api, where scrapers look) for Prometheus, with `Authorization: Bearer
 * METRICS_TOKEN`. Without a configured token it refuses everyone: queue sizes, routes and error
 * rates are not for the public. Also feeds the HTTP histogram from every response.
 */
export function installMetrics(fastify: HttpInstance, metrics: MetricsRegistry, token: string | null): void {
  fastify.addHook('onResponse', async (request, reply) => {
    metrics.httpDuration.observe(
      { route: routeOf(request), method: request.method, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  fastify.get(METRICS_PATH, async (request, reply) => {
    if (!token) {
      return reply
        .status(403)
        .send({ statusCode: 403, code: 'METRICS_DISABLED', message: '未配置 METRICS_TOKEN，指标不对外提供' });
    }
    if (!metricsAuthorized(request.headers.authorization, token)) {
      return reply.status(401).header('www-authenticate', 'Bearer realm="metrics"').send({
        statusCode: 401,
        code: 'METRICS_UNAUTHORIZED',
        message: '需要指标访问令牌（METRICS_TOKEN）',
      });
    }
    const { contentType, body } = await metrics.render();
    return reply.header('content-type', contentType).header('cache-control', 'no-store').send(body);
  });
}
