import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '../config/app-config';

/**
 * SIGTERM/SIGINT for the API process, so a rolling restart loses no request:
 *  1. from the signal on, every NEW request is answered at once with 503 SERVER_DRAINING and
 *     `Connection: close` — a load balancer (or the client) sends it to another instance, nothing was done;
 *  2. requests already running finish (up to `shutdownTimeoutMs`);
 *  3. after `shutdownGraceMs` (and once nothing runs) the port closes and Nest shuts down in its order:
 *     before-shutdown hooks (running imports finish), then the database, Redis and mail connections.
 * Replaces Nest's `enableShutdownHooks()` for main.ts, which would close the port and the idle
 * connections at once (resetting requests that were already on their way).
 */
export function enableGracefulShutdown(app: NestFastifyApplication, config: AppConfig['http']): void {
  const logger = new Logger('Shutdown');
  const fastify = app.getHttpAdapter().getInstance();
  let draining = false;
  let inFlight = 0;

  fastify.addHook('onRequest', async (_request, reply) => {
    if (!draining) return;
    void reply
      .code(503)
      .header('connection', 'close')
      .header('retry-after', '1')
      .send({ statusCode: 503, code: 'SERVER_DRAINING', message: '服务正在重启，请稍后重试。' });
    return reply;
  });
  // Only requests taken before the signal count: the 503 answers of the drain end at once anyway.
  app.getHttpServer().on('request', (_request, response) => {
    if (draining) return;
    inFlight++;
    response.once('close', () => inFlight--);
  });

  const shutdown = async (signal: NodeJS.Signals): Promise<void> => {
    if (draining) return;
    draining = true;
    const started = Date.now();
    logger.log(`${signal}: draining (${inFlight} request(s) in flight)`);
    while (Date.now() - started < config.shutdownTimeoutMs) {
      if (inFlight === 0 && Date.now() - started >= config.shutdownGraceMs) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    if (inFlight > 0)
      logger.warn(`${inFlight} request(s) still running after ${config.shutdownTimeoutMs} ms`);
    try {
      await app.close();
      logger.log(`stopped cleanly after ${Date.now() - started} ms`);
      process.exit(0);
    } catch (error) {
      logger.error(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, (s) => void shutdown(s));
}
