import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { listenForTaskEvents } from './task-events.queries';

/** The part of node-postgres's Client used here (the repository has no @types/pg). */
interface Client {
  on(event: 'notification', listener: () => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  on(event: 'end', listener: () => void): void;
  connect(): Promise<void>;
  query(text: string): Promise<unknown>;
  end(): Promise<void>;
}
type ClientClass = new (config: { connectionString: string; application_name: string }) => Client;

/** node-postgres as TypeORM's driver loaded it: the same library and version the pool uses. */
function pgClientClass(dataSource: DataSource): ClientClass {
  return (dataSource.driver as unknown as { postgres: { Client: ClientClass } }).postgres.Client;
}

const RECONNECT_MS = 1_000;

/**
 * LISTENs on the outbox's NOTIFY channel on its own PostgreSQL connection and calls `onSignal` for each
 * notification (sent at the commit of any transaction that recorded task events: API, worker or CLI).
 * Reconnects after a lost connection and signals once on (re)connect, since notifications sent while it
 * was away are lost; the periodic poll covers the gap meanwhile.
 */
export class TaskEventListener {
  private readonly logger = new Logger(TaskEventListener.name);
  private client: Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  private readonly Client: ClientClass;

  constructor(
    dataSource: DataSource,
    private readonly databaseUrl: string,
    private readonly onSignal: () => void,
  ) {
    this.Client = pgClientClass(dataSource);
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new this.Client({
      connectionString: this.databaseUrl,
      application_name: 'duban-events-listener',
    });
    client.on('notification', () => this.onSignal());
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await listenForTaskEvents(client);
      this.client = client;
      this.onSignal();
    } catch (error) {
      this.lost(client, error);
    }
  }

  private lost(client: Client, error: unknown): void {
    if (this.client && this.client !== client) return;
    this.client = null;
    void client.end().catch(() => undefined);
    if (this.stopped || this.retry) return;
    this.logger.warn(
      `task-event listener lost its connection (${error instanceof Error ? error.message : String(error)}); reconnecting`,
    );
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, RECONNECT_MS);
    this.retry.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
