import { createServer, type Server } from 'node:http';
import { metricsAuthorized, METRICS_PATH } from './metrics-endpoint';
import type { MetricsRegistry } from './metrics.registry';

/**
 * A worker has no HTTP API: when WORKER_METRICS_PORT is set it serves only GET /metrics (same bearer
 * token as the API) so its process figures and the imports it runs can be scraped per pod.
 */
export async function startMetricsServer(
  metrics: MetricsRegistry,
  token: string | null,
  host: string,
  port: number,
): Promise<Server> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (request.method !== 'GET' || path !== METRICS_PATH) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    if (!token) {
      response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('METRICS_TOKEN 未配置\n');
      return;
    }
    if (!metricsAuthorized(request.headers.authorization, token)) {
      response
        .writeHead(401, {
          'content-type': 'text/plain; charset=utf-8',
          'www-authenticate': 'Bearer realm="metrics"',
        })
        .end('需要指标访问令牌（METRICS_TOKEN）\n');
      return;
    }
    metrics.render().then(
      ({ contentType, body }) => response.writeHead(200, { 'content-type': contentType }).end(body),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  // Never what keeps a stopping worker alive.
  server.unref();
  return server;
}
