import { spawn } from 'node:child_process';

/**
 * pg_dump / pg_restore as child processes (the catalogue reads backup and restore need are in
 * infra/database/catalogue.ts). The password travels in PGPASSWORD, never on the command line (visible to every local user).
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
