import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getConfig, loadDotEnv } from './infra/config/app-config';
import { ConfigModule } from './infra/config/config.module';
import { ENTITIES } from './entities';
import { DatabaseModule } from './infra/database/database.module';
import { createRootLogger } from './infra/logging/logger';
import { PinoNestLogger } from './infra/logging/nest-logger';
import { startMetricsServer } from './infra/metrics/metrics-server';
import { MetricsRegistry } from './infra/metrics/metrics.registry';
import { QueueModule } from './infra/queue/queue.module';
import { RemindersWorkerModule } from './reminders/reminders-worker.module';
import { BulletinsWorkerModule } from './bulletins/bulletins-worker.module';
import { DigestWorkerModule } from './notifications/digest-worker.module';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule.forRoot(ENTITIES),
    QueueModule,
    RemindersWorkerModule,
    BulletinsWorkerModule,
    DigestWorkerModule,
  ],
})
class WorkerModule {}

/** The queue worker: no HTTP, only the reminder and delivery consumers. Stateless; run as many as needed. */
async function bootstrap(): Promise<void> {
  loadDotEnv();
  const config = getConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: new PinoNestLogger(createRootLogger(config.observability, 'worker')),
  });
  app.enableShutdownHooks();
  const { workerMetricsPort, metricsToken } = config.observability;
  if (workerMetricsPort > 0) {
    await startMetricsServer(new MetricsRegistry(), metricsToken, config.http.host, workerMetricsPort);
    Logger.log(`metrics on http://${config.http.host}:${workerMetricsPort}/metrics`, 'Worker');
  }
  Logger.log(`worker ${process.pid} started`, 'Worker');
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
