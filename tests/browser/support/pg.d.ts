// The subset of node-postgres used here; the repository has no @types/pg and needs no more than this.
declare module 'pg' {
  export interface QueryResult<T> {
    rows: T[];
  }
  export class Client {
    constructor(config: { connectionString: string });
    connect(): Promise<void>;
    query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<QueryResult<T>>;
    end(): Promise<void>;
  }
}
