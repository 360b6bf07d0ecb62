import { Logger } from '@nestjs/common';
import { getConfig, loadDotEnv } from './infra/config/app-config';
import { createApp } from './infra/http/create-app';
import { enableGracefulShutdown } from './infra/http/graceful-shutdown';

async function bootstrap(): Promise<void> {
  loadDotEnv();
  const config = getConfig();
  // After createApp, `Logger` writes through the app's pino logger (JSON lines; LOG_FORMAT=pretty for people).
  const app = await createApp(config);
  if (config.auth.jwtSecretEphemeral) {
    Logger.warn(
      'JWT_SECRET is not set: using a random secret for this process only (logins end at restart). `npm start` writes one into .env.',
      'Bootstrap',
    );
  }
  enableGracefulShutdown(app, config.http);
  await app.listen({ port: config.http.port, host: config.http.host });
  Logger.log(
    `API listening on http://${config.http.host}:${config.http.port}/api (docs: /api/docs)`,
    'Bootstrap',
  );
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
