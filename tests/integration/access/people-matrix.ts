import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { JwtService } from '@nestjs/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionsService } from '../../../apps/api/src/auth/sessions.service';
import { WorkflowEnv, type SeededUser } from '../support/workflow-env';

type Actor = 'officer' | 'head' | 'supervisor' | 'admin' | 'anonymous';
const ACTORS: Actor[] = ['officer', 'head', 'supervisor', 'admin', 'anonymous'];

interface PeopleRoute {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  /** `target` is a fresh officer account per cell (so cells do not affect each other). */
  url: (target: string) => string;
  body?: (cell: string) => Record<string, unknown>;
  sheet?: boolean;
  expected: Record<Actor, number>;
}

const adminOnly = (status: number) => ({
  officer: 403,
  head: 403,
  supervisor: 403,
  admin: status,
  anonymous: 401,
});
const everyone = (status: number) => ({
  officer: status,
  head: status,
  supervisor: status,
  admin: status,
  anonymous: 401,
});

/** Account administration and 个人设置 routes × role (a department head is an officer: no admin rights). */
export const PEOPLE_ROUTES: PeopleRoute[] = [
  { name: 'GET /api/users', method: 'GET', url: () => '/api/users', expected: adminOnly(200) },
  {
    name: 'POST /api/users',
    method: 'POST',
    url: () => '/api/users',
    body: (cell) => ({ username: `new-${cell}`, displayName: '新人', role: 'supervisor' }),
    expected: adminOnly(201),
  },
  {
    name: 'PATCH /api/users/:id',
    method: 'PATCH',
    url: (target) => `/api/users/${target}`,
    body: () => ({ displayName: '改名', role: 'supervisor' }),
    expected: adminOnly(200),
  },
  {
    name: 'POST /api/users/:id/reset-password',
    method: 'POST',
    url: (target) => `/api/users/${target}/reset-password`,
    expected: adminOnly(200),
  },
  {
    name: 'POST /api/users/:id/deactivate',
    method: 'POST',
    url: (target) => `/api/users/${target}/deactivate`,
    expected: adminOnly(204),
  },
  {
    name: 'POST /api/users/:id/activate',
    method: 'POST',
    url: (target) => `/api/users/${target}/activate`,
    expected: adminOnly(204),
  },
  {
    name: 'GET /api/users/import/template',
    method: 'GET',
    url: () => '/api/users/import/template',
    expected: adminOnly(200),
  },
  {
    name: 'POST /api/users/import?dryRun=true',
    method: 'POST',
    url: () => '/api/users/import?dryRun=true',
    sheet: true,
    expected: adminOnly(200),
  },
  {
    name: 'POST /api/users/import',
    method: 'POST',
    url: () => '/api/users/import',
    sheet: true,
    expected: adminOnly(200),
  },
  { name: 'GET /api/me', method: 'GET', url: () => '/api/me', expected: everyone(200) },
  {
    name: 'PATCH /api/me',
    method: 'PATCH',
    url: () => '/api/me',
    body: () => ({ email: 'me@example.gov.cn', phone: '13800138000' }),
    expected: everyone(200),
  },
  {
    name: 'GET /api/notifications/preferences',
    method: 'GET',
    url: () => '/api/notifications/preferences',
    expected: everyone(200),
  },
  {
    name: 'PUT /api/notifications/preferences',
    method: 'PUT',
    url: () => '/api/notifications/preferences',
    body: () => ({ inbox: true, email: false }),
    expected: everyone(200),
  },
  {
    // Everyone reaches the handler (then the seeded cast's current password is wrong: 400); anonymous never.
    name: 'POST /api/auth/password',
    method: 'POST',
    url: () => '/api/auth/password',
    body: () => ({ currentPassword: 'not-the-password', newPassword: 'river-stone-42' }),
    expected: everyone(400),
  },
];

async function userSheet(cell: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('用户');
  ws.addRow(['用户名', '姓名', '角色', '所属部门', '邮箱', '手机']);
  ws.addRow([`sheet-${cell}`, '表中人', '督查室', '', '', '']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function multipart(bytes: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----duban${randomUUID()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="users.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The people routes of the access matrix (called from access-matrix.spec.ts). */
export function peopleAccessMatrix(): void {
  describe('access matrix: account administration and 个人设置 × role', () => {
    let env: WorkflowEnv;
    let users: Record<Actor, SeededUser | null>;
    let counter = 0;

    beforeAll(async () => {
      env = await WorkflowEnv.start();
      const [row] = await env.db.query<{ id: string }[]>(
        `INSERT INTO users (username, display_name, password_hash, role, department_id, is_head)
         VALUES ('head', '甲部门负责人', 'x', 'officer', $1, true) RETURNING id`,
        [env.departments.A],
      );
      const jwt = env.app.get(JwtService, { strict: false });
      const sessions = env.app.get(SessionsService, { strict: false });
      const head: SeededUser = {
        id: row.id,
        username: 'head',
        role: 'officer',
        departmentId: env.departments.A,
        token: await jwt.signAsync(
          { sub: row.id, sid: (await sessions.open(row.id, null)).id, role: 'officer' },
          { expiresIn: 3600 },
        ),
      };
      users = {
        officer: env.users.leadOfficer,
        head,
        supervisor: env.users.supervisor,
        admin: env.users.admin,
        anonymous: null,
      };
    });
    afterAll(async () => {
      await env?.stop();
    });

    const cells = PEOPLE_ROUTES.flatMap((route) =>
      ACTORS.map((actor) => [route.name, actor, route.expected[actor], route] as const),
    );

    it('covers every people route for every actor', () => {
      expect(cells).toHaveLength(PEOPLE_ROUTES.length * ACTORS.length);
    });

    it.each(cells)('%s as %s → %i', async (_name, actor, expected, route) => {
      const cell = `c${(counter += 1)}`;
      const [target] = await env.db.query<{ id: string }[]>(
        `INSERT INTO users (username, display_name, password_hash, role, department_id)
         VALUES ($1, '目标', 'x', 'officer', $2) RETURNING id`,
        [`target-${cell}`, env.departments.B],
      );
      const before = await env.db.query<unknown[]>(
        `SELECT username, display_name, role, active, password_hash FROM users ORDER BY username`,
      );
      const upload = route.sheet ? multipart(await userSheet(cell)) : null;
      const response = await env.http(route.method, route.url(target.id), {
        as: users[actor],
        body: route.body?.(cell),
        ...(upload ?? {}),
      });
      expect(response.status).toBe(expected);
      if (expected >= 400) {
        // A refused request changes no account.
        expect(
          await env.db.query(
            `SELECT username, display_name, role, active, password_hash FROM users ORDER BY username`,
          ),
        ).toEqual(before);
      }
    });
  });
}
