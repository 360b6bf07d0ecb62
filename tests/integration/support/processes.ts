/**
 * The built API and worker (dist/apps/api/main.js, worker.js) as child processes, for the tests that
 * need real separate processes: the import responsiveness check (the test's own work must not share
 * the server's event loop) and the multi-instance suite (several APIs and workers, SIGTERM drains).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ensureApiBuilt } from './api-bundle';

export const ROOT = new URL('../../..', import.meta.url).pathname;
const DIST = process.env['DUBAN_API_DIST'] ?? join(ROOT, 'dist/apps/api');

let built = false;
/** Builds the API bundle once per run when it is missing or older than its sources. */
export function ensureBundle(): void {
  if (built || process.env['DUBAN_API_DIST']) return;
  built = true;
  ensureApiBuilt(join(DIST, 'main.js'));
}

export interface ChildService {
  name: string;
  child: ChildProcess;
  output: string[];
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | string | null>;
  /** Sends `signal` and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | string | null>;
}

export interface ApiService extends ChildService {
  baseUrl: string;
  port: number;
}

/** A free loopback port (closed again before it is returned). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function start(
  name: string,
  script: string,
  env: Record<string, string>,
  ready: RegExp,
): Promise<ChildService> {
  const child = spawn(process.execPath, [join(DIST, script)], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', TZ: 'UTC', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  const service: ChildService = {
    name,
    child,
    output,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  return new Promise<ChildService>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output.push(chunk.toString());
      if (ready.test(output.join(''))) resolve(service);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) =>
      reject(new Error(`${name} exited early (${code}):\n${output.join('').slice(-4000)}`)),
    );
  });
}

/** Starts main.js on a free port and waits until /api/health/live answers. */
export async function startApi(
  name: string,
  env: Record<string, string>,
  port?: number,
): Promise<ApiService> {
  const listenOn = port ?? (await freePort());
  const service = await start(
    name,
    'main.js',
    { HOST: '127.0.0.1', PORT: String(listenOn), WEB_DIST_DIR: '/nonexistent-web-dist', ...env },
    /API listening/,
  );
  return { ...service, port: listenOn, baseUrl: `http://127.0.0.1:${listenOn}` };
}

/** Starts worker.js and waits until it consumes its queues. */
export function startWorker(name: string, env: Record<string, string>): Promise<ChildService> {
  return start(name, 'worker.js', env, /consuming reminders/);
}
