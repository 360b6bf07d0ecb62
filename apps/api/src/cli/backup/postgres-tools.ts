import { spawn } from 'node:child_process';
import { DataSource } from 'typeorm';

/**
 * pg_dump / pg_restore as child processes, and the few catalogue queries backup and restore need.
 * The password travels in PGPASSWORD, never on the command line (visible to every local user).
 */
function connectionArgs(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  // Not configuration: the child inherits the parent's environment (PATH, locale) plus the password.
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  return { url: url.toString(), env };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error(`${command} not found: install the PostgreSQL client tools (postgresql-client)`)
          : error,
      ),
    );
    child.on('close', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`${command} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}

/** Major version of a client tool (`pg_dump (PostgreSQL) 15.20 …` → 15). */
export async function toolMajorVersion(
  tool: 'pg_dump' | 'pg_restore',
): Promise<{ major: number; text: string }> {
  const text = (await run(tool, ['--version'], {})).trim();
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(text);
  if (!match?.[1]) throw new Error(`cannot read the version of ${tool}: "${text}"`);
  return { major: Number(match[1]), text };
}

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

/** Custom-format dump (compressed, restorable table by table) of the whole database into `file`. */
export async function pgDump(databaseUrl: string, file: string): Promise<void> {
  const { url, env } = connectionArgs(databaseUrl);
  await run(
    'pg_dump',
    ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${url}`],
    env,
  );
}

/** Restores a custom-format dump into an empty database, all or nothing. */
export async function pgRestore(databaseUrl: string, file: string): Promise<void> {
  const { url, env } = connectionArgs(databaseUrl);
  await run(
    'pg_restore',
    ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${url}`, file],
    env,
  );
}
