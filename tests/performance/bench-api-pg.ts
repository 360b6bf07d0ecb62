import { createRequire } from 'node:module';

/** The few pg calls the API benchmark makes, typed here (the repository has no @types/pg). */
export interface PgQueryable {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
  /** A named statement: prepared once per connection. */
  query<R = Record<string, unknown>>(config: {
    name: string;
    text: string;
    values: unknown[];
  }): Promise<{ rows: R[] }>;
}

export interface PgClient extends PgQueryable {
  connect(): Promise<void>;
  end(): Promise<void>;
}

export interface PgPool extends PgQueryable {
  end(): Promise<void>;
}

interface PgModule {
  Client: new (options: { connectionString: string }) => PgClient;
  Pool: new (options: { connectionString: string; max: number }) => PgPool;
}

export const pg = createRequire(__filename)('pg') as PgModule;
