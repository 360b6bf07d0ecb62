/**
 * Integration-test harness for the API (used by every API test file).
 *
 * Run: `npm run test:integration` (every suite: tests/integration/vitest.projects.mts), one suite with
 * `-- --project workflow-integration`, one folder or file by naming it after the command.
 *
 * - globalSetup creates ONE fresh database `duban_it_<random>` per run, runs all migrations, and
 *   drops it at the end; it also provides a Redis key prefix `duban_it_<random>:` and an evidence dir.
 * - setup-file applies `baseTestConfig()` and truncates every table before each file.
 * - In a test file:
 *
 *     let t: TestApp;
 *     beforeAll(async () => { t = await createTestApp(); await seedDepartments(t); });
 *     afterAll(() => t.close());
 *     it('…', async () => {
 *       await importFixture(t, '国务院关于…的意见\n…（国家发展改革委负责）\n');
 *       const token = await loginAs(t, 'officer', '国家发展和改革委员会');
 *       const res = await t.request('GET', '/api/tasks', { token });
 *       expect(res.status).toBe(200);
 *     });
 *
 * - `createTestApp({ config, db, worker })` boots the real Nest app (Fastify) on a random port: config
 *   overrides per group (`{ config: { auth: { loginRateLimit: 3 } } }`), the run's database or one of its
 *   own (`db: 'own'`), no worker or the outbox drained after each request (`worker: 'inline'`).
 * - Databases come from one lifecycle (./test-database.ts) for every suite; the workflow and reminder
 *   environments (./workflow-env.ts, ./reminder-env.ts) build on it.
 * - `truncateAll()` empties every table (except `migrations`) if a file needs a clean slate mid-way.
 */
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractBuffer, type UserRole } from '@duban/domain';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { DepartmentEntity } from '../../../apps/api/src/departments/department.entity';
import { DepartmentsService } from '../../../apps/api/src/departments/departments.service';
import { TaskImportService, type FileImportResult } from '../../../apps/api/src/imports/task-import.service';
import {
  configureForTests,
  getConfig,
  type AppConfig,
  type AppConfigOverrides,
} from '../../../apps/api/src/infra/config/app-config';
import { TaskEventRelay } from '../../../apps/api/src/events/task-event-relay';
import { createApp } from '../../../apps/api/src/infra/http/create-app';
import { QueueService } from '../../../apps/api/src/infra/queue/queue.service';
import { UserEntity } from '../../../apps/api/src/users/user.entity';
import { UsersService } from '../../../apps/api/src/users/users.service';
import './provided';
import { createTestDatabase, truncateDatabase } from './test-database';

/** Password of every account `loginAs` creates. */
export const TEST_PASSWORD = 'it-password-1';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  token?: string;
  /** JSON body (objects) or a raw body (FormData, string, Buffer). */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  dataSource: DataSource;
  config: AppConfig;
  /** fetch against the app; JSON responses are parsed. */
  request<T = unknown>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  /** Drains the task-event outbox now, as the worker would (notices, reminder rescheduling). */
  drainEvents(): Promise<void>;
  close(): Promise<void>;
}

/** The configuration every integration test starts from (this run's database, Redis prefix, dirs). */
export function baseTestConfig(): AppConfigOverrides {
  return {
    env: 'test',
    database: { url: inject('databaseUrl'), logging: false },
    redis: { prefix: inject('redisPrefix') },
    http: { host: '127.0.0.1', port: 0 },
    auth: { jwtSecret: 'integration-test-secret', loginRateLimit: 10_000 },
    evidence: { dir: inject('evidenceDir') },
    seed: { credentialsFile: join(tmpdir(), `duban-it-seed-${process.pid}.txt`) },
    web: { distDir: '/nonexistent-web-dist' },
    // These tests run the API without a worker process: readiness checks only the API's own dependencies.
    health: { requireWorker: false },
    // Calendar days, so tests about "due now" do not move when CI happens to run on a weekend.
    reminders: { nonWorkingDays: 'keep' },
  };
}

function mergeOverrides(base: AppConfigOverrides, extra: AppConfigOverrides): AppConfigOverrides {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const prev: unknown = Object.entries(base).find(([k]) => k === key)?.[1];
    out[key] =
      value && typeof value === 'object' && prev && typeof prev === 'object' ? { ...prev, ...value } : value;
  }
  return out;
}

export interface TestAppOptions {
  /** Configuration on top of `baseTestConfig()`, e.g. `{ auth: { loginRateLimit: 3 } }`. */
  config?: AppConfigOverrides;
  /**
   * `'run'` (default): the run's database, emptied before each file. `'own'`: a scratch database (and Redis
   * prefix) for this app alone, migrated now and dropped by `close()` — for a test that must not see or
   * leave rows in the run's tables.
   */
  db?: 'run' | 'own';
  /**
   * `'none'` (default): no worker; call `drainEvents()` where a test reads what the worker would have done.
   * `'inline'`: the task-event outbox is drained after every non-GET request, as a worker does on commit.
   */
  worker?: 'none' | 'inline';
  /** Where the app's JSON log lines go (a test reading its logs); the default is the error level on stdout. */
  logDestination?: DestinationStream;
}

/** Boots the whole API on 127.0.0.1:<random port>. Close it in afterAll. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const own = options.db === 'own' ? await createTestDatabase('duban_it_own_') : null;
  const ownConfig: AppConfigOverrides = own
    ? { database: { url: own.url, logging: false }, redis: { prefix: own.redisPrefix } }
    : {};
  const config = configureForTests(
    mergeOverrides(mergeOverrides(baseTestConfig(), ownConfig), options.config ?? {}),
  );
  const app = await createApp(
    config,
    options.logDestination ? { logDestination: options.logDestination } : { logger: ['error'] },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('Test app has no TCP address');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const dataSource = app.get(DataSource);
  const drainEvents = async (): Promise<void> => {
    await app.get(TaskEventRelay, { strict: false }).drainAll();
  };
  return {
    app,
    baseUrl,
    dataSource,
    config,
    drainEvents,
    async request<T>(method: string, path: string, requestOptions?: RequestOptions): Promise<ApiResponse<T>> {
      const response = await request<T>(baseUrl, method, path, requestOptions);
      if (options.worker === 'inline' && method !== 'GET' && method !== 'HEAD') await drainEvents();
      return response;
    },
    close: async () => {
      await app.close();
      await own?.drop();
      configureForTests(baseTestConfig());
    },
  };
}

async function request<T>(
  baseUrl: string,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  let body: BodyInit | undefined;
  if (
    options.body instanceof FormData ||
    typeof options.body === 'string' ||
    options.body instanceof Uint8Array
  ) {
    body = options.body as BodyInit;
  } else if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const type = response.headers.get('content-type') ?? '';
  const payload: unknown = type.includes('application/json')
    ? await response.json()
    : type.startsWith('text/')
      ? await response.text()
      : Buffer.from(await response.arrayBuffer());
  return { status: response.status, body: payload as T, headers: response.headers };
}

/** Upserts the domain registry's departments (idempotent). */
export async function seedDepartments(t: TestApp): Promise<void> {
  await t.app.get(DepartmentsService).syncRegistry();
}

/** The department row with this canonical name (throws when absent). */
export function departmentByName(t: TestApp, name: string): Promise<DepartmentEntity> {
  return t.dataSource.getRepository(DepartmentEntity).findOneByOrFail({ name });
}

/**
 * Logs in as a test account of this role, creating it on first use: `it-supervisor`, `it-admin`,
 * or `it-officer-<department slug>` for `loginAs(t, 'officer', '<department name>')`. Returns the
 * bearer token.
 */
/** Forgets every login-throttle counter of this run (they live in Redis, shared by all test files). */
export async function resetLoginThrottle(t: TestApp): Promise<void> {
  const redis = t.app.get(QueueService).redis;
  const keys = await redis.keys(`${t.config.redis.prefix}login:*`);
  if (keys.length > 0) await redis.del(...keys);
}

export async function loginAs(t: TestApp, role: UserRole, departmentName?: string): Promise<string> {
  let username = `it-${role}`;
  let departmentId: string | null = null;
  if (role === 'officer') {
    if (!departmentName) throw new Error('loginAs(t, "officer", departmentName): name the department');
    const department = await departmentByName(t, departmentName);
    username = `it-officer-${department.slug}`;
    departmentId = department.id;
  }
  const users = t.app.get(UsersService);
  if (!(await t.dataSource.getRepository(UserEntity).findOneBy({ username }))) {
    await users.create({
      username,
      displayName: departmentName ?? username,
      password: TEST_PASSWORD,
      role,
      departmentId,
    });
  }
  const response = await t.request<{ accessToken: string }>('POST', '/api/auth/login', {
    body: { username, password: TEST_PASSWORD },
  });
  if (response.status !== 200) throw new Error(`login as ${username} failed: ${response.status}`);
  return response.body.accessToken;
}

/**
 * Extracts `text` as a file named `fileName` and imports it through the application's import
 * service (departments from the registry are synced first). Returns the per-file result.
 */
export async function importFixture(
  t: TestApp,
  text: string,
  fileName = 'fixture.txt',
): Promise<FileImportResult> {
  const bytes = Buffer.from(text, 'utf8');
  await seedDepartments(t);
  return t.app.get(TaskImportService).importFile(extractBuffer(bytes, fileName), {
    checksum: createHash('sha256').update(bytes).digest('hex'),
    actor: { id: null, name: 'integration test' },
  });
}

/** Empties every table of the run's database except `migrations` (the audit trigger ignores TRUNCATE). */
export function truncateAll(): Promise<void> {
  return truncateDatabase(getConfig().database.url);
}
