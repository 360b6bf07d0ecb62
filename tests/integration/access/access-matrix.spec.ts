import type {
  EvidenceDto,
  OverdueStatsDto,
  PageDto,
  TaskDetailDto,
  TaskStatus,
  TaskSummaryDto,
} from '@duban/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINIMAL_PDF, WorkflowEnv, type SeededUser } from '../support/workflow-env';
import { peopleAccessMatrix } from './people-matrix';

/** `lead` is the 主办 lead's officer, `coLead` an officer of the second lead department. */
type Actor = 'lead' | 'coLead' | 'participant' | 'other' | 'supervisor' | 'admin' | 'anonymous';
const ACTORS: Actor[] = ['lead', 'coLead', 'participant', 'other', 'supervisor', 'admin', 'anonymous'];

interface Fixture {
  taskId: string;
  leadOfficerId: string;
  coLeadDepartmentId: string;
  evidenceId?: string;
  extensionId?: string;
}

interface RouteCase {
  name: string;
  /** Task state each cell starts from (a fresh task per cell, so cells do not affect each other). */
  status: TaskStatus;
  evidence?: boolean;
  extension?: boolean;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: (f: Fixture) => string;
  body?: Record<string, string> | ((f: Fixture) => Record<string, string>);
  upload?: boolean;
  expected: Record<Actor, number>;
}

const readable = {
  lead: 200,
  coLead: 200,
  participant: 200,
  other: 404,
  supervisor: 200,
  admin: 200,
  anonymous: 401,
};
const supervisorOnly = {
  lead: 403,
  coLead: 403,
  participant: 403,
  other: 403,
  supervisor: 200,
  admin: 403,
  anonymous: 401,
};

/** Only the 主办 lead's officers (a co-lead and a participant 403, another department 404). */
function mainLeadOnly(ok: number): Record<Actor, number> {
  return { lead: ok, coLead: 403, participant: 403, other: 404, supervisor: 403, admin: 403, anonymous: 401 };
}

const ROUTES: RouteCase[] = [
  {
    name: 'GET /api/tasks/:id',
    status: 'in_progress',
    method: 'GET',
    url: (f) => `/api/tasks/${f.taskId}`,
    expected: readable,
  },
  {
    name: 'POST /api/tasks/:id/progress',
    status: 'in_progress',
    method: 'POST',
    url: (f) => `/api/tasks/${f.taskId}/progress`,
    body: { text: '进展' },
    expected: { ...readable, supervisor: 403, admin: 403 },
  },
  {
    name: 'POST /api/tasks/:id/evidence',
    status: 'in_progress',
    method: 'POST',
    url: (f) => `/api/tasks/${f.taskId}/evidence`,
    upload: true,
    expected: {
      lead: 201,
      coLead: 201,
      participant: 201,
      other: 404,
      supervisor: 403,
      admin: 403,
      anonymous: 401,
    },
  },
  {
    name: 'POST /api/tasks/:id/submit',
    status: 'in_progress',
    evidence: true,
    method: 'POST',
    url: (f) => `/api/tasks/${f.taskId}/submit`,
    body: { summary: '完成' },
    expected: mainLeadOnly(200),
  },
  {
    name: 'POST /api/tasks/:id/approve',
    status: 'submitted',
    method: 'POST',
    url: (f) => `/api/tasks/${f.taskId}/approve`,
    body: {},
    expected: supervisorOnly,
  },
  {
    name: 'POST /api/tasks/:id/return',
    status: 'submitted',
    method: 'POST',
    url: (f) => `/api/tasks/${f.taskId}/return`,
    body: { reason: '退回' },
    expected: supervisorOnly,
  },
  {
    name: 'POST /api/tasks/:id/extension',
    status: 'in_progress',
    method: 'POST',
    url: (f) => `/api/tasks/${f.taskId}/extension`,
    body: { reason: '延期', requestedDeadline: '2100-06-30' },
    expected: mainLeadOnly(201),
  },
  {
    name: 'GET /api/evidence/:id',
    status: 'in_progress',
    evidence: true,
    method: 'GET',
    url: (f) => `/api/evidence/${f.evidenceId}`,
    expected: readable,
  },
  {
    // The lead department's own file: only that department may remove it.
    name: 'DELETE /api/evidence/:id',
    status: 'in_progress',
    evidence: true,
    method: 'DELETE',
    url: (f) => `/api/evidence/${f.evidenceId}`,
    expected: mainLeadOnly(204),
  },
  {
    name: 'POST /api/extensions/:id/grant',
    status: 'in_progress',
    extension: true,
    method: 'POST',
    url: (f) => `/api/extensions/${f.extensionId}/grant`,
    body: {},
    expected: supervisorOnly,
  },
  {
    name: 'POST /api/extensions/:id/refuse',
    status: 'in_progress',
    extension: true,
    method: 'POST',
    url: (f) => `/api/extensions/${f.extensionId}/refuse`,
    body: { reason: '不同意' },
    expected: supervisorOnly,
  },
  {
    name: 'POST /api/tasks/:id/acknowledge',
    status: 'not_started',
    method: 'POST',
    url: (f) => `/api/tasks/${f.taskId}/acknowledge`,
    expected: mainLeadOnly(200),
  },
  {
    name: 'PUT /api/tasks/:id/assignee',
    status: 'in_progress',
    method: 'PUT',
    url: (f) => `/api/tasks/${f.taskId}/assignee`,
    body: (f) => ({ userId: f.leadOfficerId }),
    expected: mainLeadOnly(200),
  },
  {
    name: 'GET /api/tasks/:id/assignee-candidates',
    status: 'in_progress',
    method: 'GET',
    url: (f) => `/api/tasks/${f.taskId}/assignee-candidates`,
    expected: mainLeadOnly(200),
  },
  {
    name: 'PUT /api/tasks/:id/main-lead',
    status: 'in_progress',
    method: 'PUT',
    url: (f) => `/api/tasks/${f.taskId}/main-lead`,
    body: (f) => ({ departmentId: f.coLeadDepartmentId }),
    expected: supervisorOnly,
  },
  {
    name: 'GET /api/tasks?mine=true',
    status: 'in_progress',
    method: 'GET',
    url: () => '/api/tasks?mine=true',
    expected: { ...readable, other: 200 },
  },
  {
    name: 'GET /api/tasks?awaitingSignoff=true',
    status: 'not_started',
    method: 'GET',
    url: () => '/api/tasks?awaitingSignoff=true',
    expected: { ...readable, other: 200 },
  },
];

describe('access matrix: route × role × own/other department', () => {
  let env: WorkflowEnv;
  let users: Record<Actor, SeededUser | null>;
  let coLeadDepartmentId: string;

  beforeAll(async () => {
    env = await WorkflowEnv.start();
    coLeadDepartmentId = await env.addDepartment('测试部门D', 'test-dept-d');
    users = {
      lead: env.users.leadOfficer,
      coLead: await env.addUser('colead', 'officer', coLeadDepartmentId, '丁部门干部'),
      participant: env.users.participantOfficer,
      other: env.users.otherOfficer,
      supervisor: env.users.supervisor,
      admin: env.users.admin,
      anonymous: null,
    };
  });

  afterAll(async () => {
    await env?.stop();
  });

  async function prepare(route: RouteCase): Promise<Fixture> {
    // Two leads: A (主办, named first) and D (co-lead); B participates.
    const taskId = await env.newTask({
      status: route.status,
      deadline: '2099-12-31',
      lead: [env.departments.A, coLeadDepartmentId],
    });
    const fixture: Fixture = { taskId, leadOfficerId: env.users.leadOfficer.id, coLeadDepartmentId };
    if (route.evidence) {
      const upload = await env.upload<EvidenceDto>(taskId, '佐证.pdf', MINIMAL_PDF, env.users.leadOfficer);
      fixture.evidenceId = upload.body.id;
    }
    if (route.extension) {
      const asked = await env.http<TaskDetailDto>('POST', `/api/tasks/${taskId}/extension`, {
        as: env.users.leadOfficer,
        body: { reason: '延期', requestedDeadline: '2100-12-31' },
      });
      fixture.extensionId = asked.body.extensions[0].id;
    }
    return fixture;
  }

  const cells = ROUTES.flatMap((route) =>
    ACTORS.map((actor) => [route.name, actor, route.expected[actor], route] as const),
  );

  it('covers every route for every actor', () => {
    expect(cells).toHaveLength(ROUTES.length * ACTORS.length);
  });

  it.each(cells)('%s as %s → %i', async (_name, actor, expected, route) => {
    const fixture = await prepare(route);
    const before = await env.taskRow(fixture.taskId);
    const response = route.upload
      ? await env.upload(fixture.taskId, '佐证.txt', Buffer.from(`内容-${actor}`), users[actor])
      : await env.http(route.method, route.url(fixture), {
          as: users[actor],
          body: typeof route.body === 'function' ? route.body(fixture) : route.body,
        });
    expect(response.status).toBe(expected);
    if (expected >= 400) {
      // A refused request changes nothing and reveals nothing of the task.
      expect(await env.taskRow(fixture.taskId)).toEqual(before);
      expect(JSON.stringify(response.body)).not.toContain('测试任务');
    }
  });

  describe('lists never leak other departments’ tasks', () => {
    let ownTasks: Set<string>;
    let otherTasks: Set<string>;

    beforeAll(async () => {
      ownTasks = new Set();
      otherTasks = new Set();
      for (let i = 0; i < 6; i += 1) {
        ownTasks.add(
          await env.newTask({ lead: [env.departments.A], participants: [], title: `甲部门专项${i}` }),
        );
        otherTasks.add(
          await env.newTask({ lead: [env.departments.C], participants: [], title: `丙部门专项${i}` }),
        );
      }
    });

    async function listAll(as: SeededUser, query: Record<string, string> = {}): Promise<TaskSummaryDto[]> {
      const items: TaskSummaryDto[] = [];
      for (let page = 1; ; page += 1) {
        const response = await env.http<PageDto<TaskSummaryDto>>('GET', '/api/tasks', {
          as,
          query: { ...query, page: String(page), pageSize: '50' },
        });
        expect(response.status).toBe(200);
        items.push(...response.body.items);
        if (items.length >= response.body.total || response.body.items.length === 0) return items;
      }
    }

    it.each([
      ['leadOfficer', 'A'],
      ['participantOfficer', 'B'],
      ['otherOfficer', 'C'],
    ] as const)('%s sees only tasks of department %s', async (key, department) => {
      const departmentId = env.departments[department];
      const items = await listAll(env.users[key]);
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        expect([...item.lead, ...item.participants].map((d) => d.id)).toContain(departmentId);
      }
      const [{ n }] = await env.db.query<{ n: number }[]>(
        'SELECT count(DISTINCT task_id)::int AS n FROM task_assignments WHERE department_id = $1',
        [departmentId],
      );
      expect(items).toHaveLength(n);
    });

    it('gives an officer nothing when filtering on another department or searching its titles', async () => {
      const byDepartment = await listAll(env.users.leadOfficer, { department: env.departments.C });
      expect(byDepartment).toEqual([]);
      const bySearch = await listAll(env.users.leadOfficer, { q: '丙部门专项' });
      expect(bySearch).toEqual([]);
      const own = await listAll(env.users.leadOfficer, { q: '甲部门专项' });
      expect(new Set(own.map((t) => t.id))).toEqual(ownTasks);
    });

    it('gives supervisors and admins every task', async () => {
      for (const user of [env.users.supervisor, env.users.admin]) {
        const items = await listAll(user, { q: '部门专项' });
        expect(new Set(items.map((t) => t.id))).toEqual(new Set([...ownTasks, ...otherTasks]));
      }
    });

    it('scopes the export and the statistics the same way', async () => {
      const listed = await listAll(env.users.leadOfficer);
      const exported = await env.http('GET', '/api/export/tasks.xlsx', { as: env.users.leadOfficer });
      expect(exported.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(exported.raw as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('督办台账')!;
      expect(sheet.rowCount - 1).toBe(listed.length);
      const titles = sheet
        .getColumn(4)
        .values.slice(2)
        .map((value) => (typeof value === 'string' ? value : ''));
      expect(titles).toHaveLength(listed.length);
      expect(titles.some((title) => title.startsWith('丙部门专项'))).toBe(false);

      const stats = await env.http<OverdueStatsDto>('GET', '/api/stats/overdue', {
        as: env.users.leadOfficer,
      });
      expect(stats.status).toBe(200);
      expect(stats.body.totals.tasks).toBe(listed.length);
      expect(stats.body.byDepartment.map((d) => d.id)).toEqual([env.departments.A]);

      for (const url of ['/api/tasks', '/api/stats/overdue', '/api/export/tasks.xlsx']) {
        expect((await env.http('GET', url)).status).toBe(401);
      }
    });
  });

  describe('department administration: admins only', () => {
    interface DepartmentRoute {
      name: string;
      method: 'GET' | 'POST' | 'PATCH';
      url: (source: string) => string;
      body: (target: string, cell: string) => Record<string, unknown> | undefined;
      /** A multipart upload (field file) instead of a JSON body. */
      file?: (cell: string) => string;
      admin: number;
    }
    const DEPARTMENT_ROUTES: DepartmentRoute[] = [
      {
        name: 'POST /api/departments',
        method: 'POST',
        url: () => '/api/departments',
        body: (_target, cell) => ({ name: `新建测试局${cell}`, kind: 'ministry' }),
        admin: 201,
      },
      {
        name: 'PATCH /api/departments/:id',
        method: 'PATCH',
        url: (source) => `/api/departments/${source}`,
        body: (_target, cell) => ({ name: `更名测试局${cell}`, aliases: [`简称${cell}`] }),
        admin: 200,
      },
      {
        name: 'GET /api/departments/:id/usage',
        method: 'GET',
        url: (source) => `/api/departments/${source}/usage`,
        body: () => undefined,
        admin: 200,
      },
      {
        name: 'POST /api/departments/import',
        method: 'POST',
        url: () => '/api/departments/import?commit=true',
        body: () => undefined,
        file: (cell) => `名称,简称,辖区,类别,继任单位\n名录测试局${cell},,杭州市,地方,\n`,
        admin: 200,
      },
      {
        name: 'POST /api/departments/:id/merge',
        method: 'POST',
        url: (source) => `/api/departments/${source}/merge`,
        body: (target) => ({ into: target }),
        admin: 200,
      },
    ];
    const departmentCells = DEPARTMENT_ROUTES.flatMap((route) =>
      ACTORS.map((actor) => {
        const refused = actor === 'anonymous' ? 401 : 403;
        return [route.name, actor, actor === 'admin' ? route.admin : refused, route] as const;
      }),
    );
    let counter = 0;

    const snapshot = (ids: string[]) =>
      env.db.query(
        `SELECT id, name, aliases, kind, successor_id, collective FROM departments WHERE id = ANY($1::uuid[]) ORDER BY id`,
        [ids],
      );

    it.each(departmentCells)('%s as %s → %i', async (_name, actor, expected, route) => {
      counter += 1;
      const cell = `${actor}${counter}`;
      const [source, target] = await Promise.all(
        ['源', '继任'].map(async (label) => {
          const [row] = await env.db.query<{ id: string }[]>(
            `INSERT INTO departments (name, slug, kind) VALUES ($1, $2, 'ministry') RETURNING id`,
            [`${label}测试单位${cell}`, `acl-${label === '源' ? 's' : 't'}-${cell}`],
          );
          return row.id;
        }),
      );
      const taskId = await env.newTask({ lead: [source], participants: [] });
      const before = await snapshot([source, target]);
      const count = await env.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM departments`);
      const boundary = `----duban-acl-${cell}`;
      const response = route.file
        ? await env.http(route.method, route.url(source), {
            as: users[actor],
            headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
            payload: Buffer.from(
              `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="dir.csv"\r\n` +
                `Content-Type: text/csv\r\n\r\n${route.file(cell)}\r\n--${boundary}--\r\n`,
            ),
          })
        : await env.http(route.method, route.url(source), {
            as: users[actor],
            body: route.body(target, cell),
          });
      expect(response.status).toBe(expected);
      if (expected >= 400) {
        // A refused request changes no unit, creates none and moves nothing.
        expect(await snapshot([source, target])).toEqual(before);
        expect(await env.db.query(`SELECT count(*)::int AS n FROM departments`)).toEqual(count);
        const [lead] = await env.db.query<{ department_id: string }[]>(
          `SELECT department_id FROM task_assignments WHERE task_id = $1`,
          [taskId],
        );
        expect(lead.department_id).toBe(source);
      }
    });
  });
});

peopleAccessMatrix();
