import { existsSync } from 'node:fs';
import { join } from 'node:path';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { DestinationStream } from 'pino';
import { AppModule } from '../../app.module';
import type { AppConfig } from '../config/app-config';
import { createRootLogger } from '../logging/logger';
import { PinoNestLogger } from '../logging/nest-logger';
import { installRequestLogging, requestIdFor } from '../logging/request-logging';
import { installMetrics } from '../metrics/metrics-endpoint';
import { MetricsRegistry } from '../metrics/metrics.registry';
import { ApiExceptionFilter, toApiError } from './api-exception.filter';
import { cacheControlFor, COMPRESS_OPTIONS, HELMET_OPTIONS } from './delivery';
import { findUnstorableText, unstorableTextError } from './input-guard';
import { createValidationPipe } from './validation';

export const API_PREFIX = 'api';

interface StaticReply {
  type(contentType: string): StaticReply;
  header(name: string, value: string): StaticReply;
  sendFile(file: string): unknown;
}

type Plugin = Parameters<NestFastifyApplication['register']>[0];

/**
 * @nestjs/platform-fastify pins its own (minor-older) copy of fastify, so the plugins' types name
 * a different FastifyInstance; at run time they are compatible.
 */
async function registerPlugin<O extends object>(
  app: NestFastifyApplication,
  plugin: unknown,
  options: O,
): Promise<void> {
  await app.register(plugin as Plugin, options);
}

/**
 * Builds the Nest application (Fastify) with everything main.ts and the tests share: `/api`
 * prefix, validation, the error filter, multipart uploads, Swagger at `/api/docs` and the built
 * web app with SPA fallback. The caller decides whether and where to listen.
 */
export async function createApp(
  config: AppConfig,
  options: {
    /** Tests quieten the app with `['error']` (pino level error) or `false` (silent). */
    logger?: LogLevel[] | false;
    /** Where the JSON log lines go (default stdout); tests capture them here. */
    logDestination?: DestinationStream;
  } = {},
): Promise<NestFastifyApplication> {
  const logger = createRootLogger(
    { ...config.observability, logLevel: quietLevel(options, config.observability.logLevel) },
    'api',
    options.logDestination,
  );
  // X-Forwarded-For is believed only from the proxies listed in TRUST_PROXY: otherwise any client could
  // name its own address (and walk around the login throttle).
  const trustProxy = config.http.trustProxy.length > 0 ? config.http.trustProxy : false;
  const adapter = new FastifyAdapter({
    trustProxy,
    bodyLimit: 1024 * 1024,
    // Our own validation of X-Request-Id (see requestIdFor), not Fastify's, which takes any value.
    requestIdHeader: false,
    genReqId: requestIdFor,
    // On close, end every connection, idle or not: the drain (graceful-shutdown.ts) has already let the
    // requests in flight finish, and a keep-alive socket left open would hold close() for its timeout.
    forceCloseConnections: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    logger: new PinoNestLogger(logger),
    bufferLogs: false,
  });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  // Signals are main.ts's business (graceful-shutdown.ts): in-process test apps are closed by their tests.

  const fastify = app.getHttpAdapter().getInstance();
  installRequestLogging(fastify, logger);
  installMetrics(fastify, app.get(MetricsRegistry), config.observability.metricsToken);
  // Before any route, so every response (API JSON, web assets, index.html) gets the headers and compression.
  await registerPlugin(app, helmet, HELMET_OPTIONS);
  await registerPlugin(app, compress, COMPRESS_OPTIONS);
  // Refused before any handler: PostgreSQL cannot store NUL, and a lone surrogate is no text.
  fastify.addHook('preHandler', async (request, reply) => {
    const field =
      findUnstorableText(request.query, 'query') ??
      findUnstorableText(request.params, 'params') ??
      findUnstorableText(request.body, 'body');
    if (field) await reply.status(400).send(unstorableTextError(field));
  });
  await registerPlugin(app, multipart, {
    limits: { fileSize: Math.max(config.evidence.maxBytes, config.import.maxBytes), files: 10, fields: 20 },
  });
  const swaggerConfig = new DocumentBuilder()
    .setTitle('Duban 督办 API')
    .setDescription('Policy-implementation tracker: documents, tasks, progress, evidence, reminders.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, () => SwaggerModule.createDocument(app, swaggerConfig), {
    jsonDocumentUrl: `${API_PREFIX}/docs/json`,
  });

  const indexHtml = join(config.web.distDir, 'index.html');
  if (existsSync(indexHtml)) {
    await registerPlugin(app, fastifyStatic, {
      root: config.web.distDir,
      wildcard: false,
      index: ['index.html'],
      cacheControl: false,
      setHeaders: (reply: StaticReply, path: string) => reply.header('cache-control', cacheControlFor(path)),
    });
    // SPA fallback: client-side routes get index.html; unknown /api paths stay JSON 404s.
    fastify.get('/*', (request, reply) => {
      if (request.url === `/${API_PREFIX}` || request.url.startsWith(`/${API_PREFIX}/`)) {
        void reply
          .status(404)
          .send(toApiError({ statusCode: 404, message: `Route ${request.url} not found` }));
        return;
      }
      void (reply as unknown as StaticReply)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .sendFile('index.html');
    });
  }
  return app;
}

/** The pino level for the test hook `logger` (Nest level list), else the configured one. */
function quietLevel(
  options: { logger?: LogLevel[] | false; logDestination?: DestinationStream },
  configured: AppConfig['observability']['logLevel'],
): AppConfig['observability']['logLevel'] {
  if (options.logger === undefined || options.logDestination) return configured;
  if (options.logger === false) return 'silent';
  if (options.logger.includes('log')) return configured;
  return options.logger.includes('warn') ? 'warn' : 'error';
}
