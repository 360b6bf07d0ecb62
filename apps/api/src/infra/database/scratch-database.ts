import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

/** The URL of the maintenance database (`postgres`) on the same server as `url`. */
export function maintenanceUrl(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = '/postgres';
  return parsed.toString();
}

/** `url` with its database name replaced. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Runs one statement on the maintenance database (CREATE/DROP DATABASE cannot run in a transaction). */
async function onMaintenance<T>(url: string, sql: string, parameters: unknown[] = []): Promise<T> {
  const dataSource = new DataSource({ type: 'postgres', url: maintenanceUrl(url), extra: { max: 1 } });
  await dataSource.initialize();
  try {
    return await dataSource.query<T>(sql, parameters);
  } finally {
    await dataSource.destroy();
  }
}

function assertSafeName(name: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
}

/** Creates a fresh, empty database named `<prefix><random>` and returns its URL. */
export async function createScratchDatabase(
  baseUrl: string,
  prefix: string,
): Promise<{ name: string; url: string }> {
  const name = `${prefix}${randomBytes(5).toString('hex')}`;
  assertSafeName(name);
  await onMaintenance(baseUrl, `CREATE DATABASE "${name}"`);
  return { name, url: withDatabase(baseUrl, name) };
}

/** Drops a database created by `createScratchDatabase` (closing leftover connections). */
export async function dropScratchDatabase(baseUrl: string, name: string): Promise<void> {
  assertSafeName(name);
  await onMaintenance(baseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/** Creates the database of `url` when it does not exist yet (first run of the setup). */
export async function ensureDatabase(url: string): Promise<boolean> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  assertSafeName(name);
  const found = await onMaintenance<unknown[]>(url, 'SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (found.length > 0) return false;
  await onMaintenance(url, `CREATE DATABASE "${name}"`);
  return true;
}
