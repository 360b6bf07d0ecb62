import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TaskStatus, UserRole } from '@duban/domain';
import { JwtService } from '@nestjs/jwt';
import { SessionsService } from '../../../apps/api/src/auth/sessions.service';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import {
  configureForTests,
  resetConfig,
  type AppConfig,
  type AppConfigOverrides,
} from '../../../apps/api/src/infra/config/app-config';
import { ENTITIES } from '../../../apps/api/src/entities';
import { dataSourceOptions } from '../../../apps/api/src/infra/database/data-source-options';
import { createApp } from '../../../apps/api/src/infra/http/create-app';
import { createTestDatabase, type TestDatabase } from './test-database';

/** An ISO calendar date `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface SeededUser {
  id: string;
  username: string;
  role: UserRole;
  departmentId: string | null;
  token: string;
}

export interface TaskSeed {
  lead?: string[];
  participants?: string[];
  status?: TaskStatus;
  deadline?: string | null;
  originalDeadline?: string | null;
  title?: string;
  text?: string;
  createdAt?: Date;
  lastReportAt?: Date | null;
  documentId?: string;
}

export interface HttpOptions {
  as?: SeededUser | null;
  body?: unknown;
  headers?: Record<string, string>;
  payload?: Buffer;
  query?: Record<string, string>;
}

export interface HttpResult<T = unknown> {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: T;
  raw: Buffer;
}

/** One app + one scratch database + a seeded cast: departments A (lead), B (participant), C (other). */
export class WorkflowEnv {
  readonly departments: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };
  readonly users = {} as Record<
    'leadOfficer' | 'participantOfficer' | 'otherOfficer' | 'supervisor' | 'admin',
    SeededUser
  >;
  documentId = '';
  private taskCounter = 0;

  private constructor(
    readonly app: NestFastifyApplication,
    readonly db: DataSource,
    readonly config: AppConfig,
    private readonly database: TestDatabase,
    readonly evidenceDir: string,
  ) {}

  static async start(overrides: AppConfigOverrides = {}): Promise<WorkflowEnv> {
    const database = await createTestDatabase('duban_wf_');
    const { url } = database;
    const evidenceDir = await mkdtemp(join(tmpdir(), 'duban-wf-evidence-'));
    const config = configureForTests({
      ...overrides,
      env: 'test',
      database: { url, logging: false },
      // The workflow services reschedule reminders: their jobs go under this database's own Redis prefix.
      redis: { prefix: database.redisPrefix },
      evidence: { dir: evidenceDir, maxBytes: 64 * 1024, ...overrides.evidence },
      // Calendar days: expectations about reminder dates must not move when a run falls on a weekend.
      reminders: { nonWorkingDays: 'keep', ...overrides.reminders },
    });
    const db = new DataSource({ ...dataSourceOptions(config, ENTITIES, url), extra: { max: 4 } });
    await db.initialize();
    const app = await createApp(config, { logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const env = new WorkflowEnv(app, db, config, database, evidenceDir);
    await env.seed();
    return env;
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.db.destroy();
    await this.database.drop();
    await rm(this.evidenceDir, { recursive: true, force: true });
    resetConfig();
  }

  private async seed(): Promise<void> {
    for (const key of ['A', 'B', 'C'] as const) {
      const [row] = await this.db.query<{ id: string }[]>(
        `INSERT INTO departments (name, slug, kind) VALUES ($1, $2, 'ministry') RETURNING id`,
        [`测试部门${key}`, `test-dept-${key.toLowerCase()}`],
      );
      this.departments[key] = row.id;
    }
    const cast: [keyof WorkflowEnv['users'], UserRole, string | null, string][] = [
      ['leadOfficer', 'officer', this.departments.A, '甲部门干部'],
      ['participantOfficer', 'officer', this.departments.B, '乙部门干部'],
      ['otherOfficer', 'officer', this.departments.C, '丙部门干部'],
      ['supervisor', 'supervisor', null, '督查室'],
      ['admin', 'admin', null, '管理员'],
    ];
    for (const [key, role, departmentId, displayName] of cast) {
      this.users[key] = await this.addUser(key.toLowerCase(), role, departmentId, displayName);
    }
    this.documentId = await this.newDocument('关于测试督办工作的通知', '测试发〔2026〕1号');
  }

  /** A user with a valid token (e.g. a second officer of a department). */
  async addUser(
    username: string,
    role: UserRole,
    departmentId: string | null,
    displayName: string,
    email: string | null = null,
  ): Promise<SeededUser> {
    const jwt = this.app.get(JwtService, { strict: false });
    const sessions = this.app.get(SessionsService, { strict: false });
    const [row] = await this.db.query<{ id: string }[]>(
      `INSERT INTO users (username, display_name, password_hash, role, department_id, email)
       VALUES ($1, $2, 'x', $3, $4, $5) RETURNING id`,
      [username, displayName, role, departmentId, email],
    );
    return {
      id: row.id,
      username,
      role,
      departmentId,
      token: await jwt.signAsync(
        { sub: row.id, sid: (await sessions.open(row.id, null)).id, role },
        { expiresIn: 3600 },
      ),
    };
  }

  /** One more department (e.g. a co-lead). */
  async addDepartment(name: string, slug: string): Promise<string> {
    const [row] = await this.db.query<{ id: string }[]>(
      `INSERT INTO departments (name, slug, kind) VALUES ($1, $2, 'ministry') RETURNING id`,
      [name, slug],
    );
    return row.id;
  }

  async newDocument(title: string, docNumber: string | null): Promise<string> {
    const [doc] = await this.db.query<{ id: string }[]>(
      `INSERT INTO policy_documents (doc_number, title, title_key, source_file, source_checksum, start_line, end_line)
       VALUES ($1, $2, $2, 'test.txt', repeat('0', 64), 1, 100) RETURNING id`,
      [docNumber, title],
    );
    return doc.id;
  }

  /** Inserts a task straight into the database (the import is not under test here). */
  async newTask(seed: TaskSeed = {}): Promise<string> {
    this.taskCounter += 1;
    const [task] = await this.db.query<{ id: string }[]>(
      `INSERT INTO tasks (document_id, measure_key, title, text, source_file, source_line, origin, deadline,
                          deadline_kind, original_deadline, status, created_at, last_report_at)
       VALUES ($1, $2, $3, $4, 'test.txt', $5, 'inline', $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        seed.documentId ?? this.documentId,
        `k${this.taskCounter}-${randomUUID().slice(0, 8)}`,
        seed.title ?? `测试任务${this.taskCounter}`,
        seed.text ?? `测试任务${this.taskCounter}的正文。`,
        this.taskCounter,
        seed.deadline === undefined ? '2099-12-31' : seed.deadline,
        seed.deadline === null ? null : 'date',
        seed.originalDeadline ?? null,
        seed.status ?? 'not_started',
        seed.createdAt ?? new Date(),
        seed.lastReportAt ?? null,
      ],
    );
    const lead = seed.lead ?? [this.departments.A];
    const participants = seed.participants ?? [this.departments.B];
    let position = 0;
    for (const departmentId of lead) {
      await this.db.query(
        `INSERT INTO task_assignments (task_id, department_id, role, position) VALUES ($1, $2, 'lead', $3)`,
        [task.id, departmentId, position++],
      );
    }
    for (const departmentId of participants) {
      await this.db.query(
        `INSERT INTO task_assignments (task_id, department_id, role, position) VALUES ($1, $2, 'participant', $3)`,
        [task.id, departmentId, position++],
      );
    }
    return task.id;
  }

  async http<T = unknown>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    options: HttpOptions = {},
  ): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.as) headers['authorization'] = `Bearer ${options.as.token}`;
    const response = await this.app.inject({
      method,
      url,
      headers,
      query: options.query,
      ...(options.payload !== undefined
        ? { payload: options.payload }
        : options.body !== undefined
          ? {
              payload: JSON.stringify(options.body),
              headers: { ...headers, 'content-type': 'application/json' },
            }
          : {}),
    });
    const raw = response.rawPayload;
    const type = String(response.headers['content-type'] ?? '');
    const body = (
      type.includes('application/json') && raw.length > 0 ? JSON.parse(raw.toString('utf8')) : raw
    ) as T;
    return { status: response.statusCode, headers: response.headers, body, raw };
  }

  /** Uploads one file as multipart/form-data (field `file`). */
  upload<T = unknown>(
    taskId: string,
    fileName: string,
    content: Buffer,
    as: SeededUser | null,
  ): Promise<HttpResult<T>> {
    const boundary = `----duban${randomUUID()}`;
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return this.http<T>('POST', `/api/tasks/${taskId}/evidence`, {
      as,
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
  }

  async taskRow(taskId: string): Promise<{
    status: TaskStatus;
    version: number;
    deadline: string | null;
    original_deadline: string | null;
  }> {
    const [row] = await this.db.query<
      { status: TaskStatus; version: number; deadline: string | null; original_deadline: string | null }[]
    >(`SELECT status, version, deadline::text, original_deadline::text FROM tasks WHERE id = $1`, [taskId]);
    return row;
  }

  async auditActions(taskId: string): Promise<string[]> {
    const rows = await this.db.query<{ action: string }[]>(
      `SELECT action FROM audit_log WHERE task_id = $1 ORDER BY at, id`,
      [taskId],
    );
    return rows.map((row) => row.action);
  }
}

export const MINIMAL_PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
