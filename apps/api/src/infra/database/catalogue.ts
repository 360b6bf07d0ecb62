import { DataSource } from 'typeorm';

/**
 * Database-level statements that belong to no feature (the server and its catalogue, not the app's
 * tables): the server version, the public schema's tables and row counts, the newest migration, the
 * schema's reset before a forced restore, and the readiness ping. Used by backup/restore and health.
 */

/** One connection to `databaseUrl` for the catalogue queries below. */
export interface SqlClient {
  query<T>(sql: string, parameters?: unknown[]): Promise<T[]>;
}

export async function withClient<T>(databaseUrl: string, fn: (client: SqlClient) => Promise<T>): Promise<T> {
  const dataSource = new DataSource({ type: 'postgres', url: databaseUrl, extra: { max: 1 } });
  await dataSource.initialize();
  try {
    return await fn({
      query: <R>(sql: string, parameters?: unknown[]) => dataSource.query<R[]>(sql, parameters),
    });
  } finally {
    await dataSource.destroy();
  }
}

export async function serverMajorVersion(client: SqlClient): Promise<{ major: number; text: string }> {
  const rows = await client.query<{ num: string; text: string }>(
    `SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS text`,
  );
  return { major: Math.floor(Number(rows[0]?.num ?? 0) / 10_000), text: rows[0]?.text ?? '' };
}

/** Exact row count of every table of the public schema (sorted by name). */
export async function tableRowCounts(client: SqlClient): Promise<Record<string, number>> {
  const tables = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const rows = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`);
    counts[name] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}

/** The newest applied migration (the schema version a dump carries), or null before any. */
export async function latestMigration(client: SqlClient): Promise<string | null> {
  const exists = await client.query(
    `SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = 'migrations'`,
  );
  if (exists.length === 0) return null;
  const rows = await client.query<{ name: string }>(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`);
  return rows[0]?.name ?? null;
}

export async function publicTableCount(client: SqlClient): Promise<number> {
  const rows = await client.query<{ n: string }>(
    `SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** Drops and recreates the public schema: every table, type and function of the app goes. */
export async function resetPublicSchema(client: SqlClient): Promise<void> {
  await client.query('DROP SCHEMA public CASCADE');
  await client.query('CREATE SCHEMA public');
}

/** The cheapest round trip: answers when the database takes queries. */
export async function pingDatabase(db: { query(sql: string): Promise<unknown> }): Promise<void> {
  await db.query('SELECT 1');
}
