import type { DepartmentDto, DepartmentUsageDto, MergeDepartmentResultDto } from '@duban/domain';
import { DepartmentsService } from '../../../apps/api/src/departments/departments.service';
import { UsersService } from '../../../apps/api/src/users/users.service';
import { FIXTURE_A } from '../imports/fixtures';
import {
  createTestApp,
  departmentByName,
  importFixture,
  loginAs,
  seedDepartments,
  type TestApp,
} from '../support/harness';

/** A document naming a unit by a name given as an argument (for matching after a rename or merge). */
const naming = (docNumber: string, name: string): string => `国务院关于测试单位匹配的通知

国发〔2099〕${docNumber}号

一、重点任务

（一）完善工作台账。逐项明确责任，2099年底前完成。（${name}负责）

国务院
2099年1月5日
`;

describe('department administration (admins)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDepartments(t);
    admin = await loginAs(t, 'admin');
  });
  afterAll(() => t.close());

  const leadsOf = async (docNumber: string): Promise<string[]> => {
    const rows = await t.dataSource.query<{ name: string }[]>(
      `SELECT d.name FROM tasks t JOIN policy_documents p ON p.id = t.document_id
         JOIN task_assignments a ON a.task_id = t.id AND a.role = 'lead' JOIN departments d ON d.id = a.department_id
        WHERE p.doc_number = $1 ORDER BY d.name`,
      [`国发〔2099〕${docNumber}号`],
    );
    return rows.map((r) => r.name);
  };

  const audit = (action: string) =>
    t.dataSource.query<{ task_id: string | null; actor_name: string; detail: Record<string, unknown> }[]>(
      `SELECT task_id, actor_name, detail FROM audit_log WHERE action = $1 ORDER BY at, id`,
      [action],
    );

  it('creates a unit with its short names, kind and jurisdiction; audited', async () => {
    const res = await t.request<DepartmentDto>('POST', '/api/departments', {
      token: admin,
      body: {
        name: ' 杭州市发展和改革委员会 ',
        aliases: ['市发展改革委', '市发改委', '市发改委'],
        kind: 'local',
        jurisdiction: '杭州市',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: '杭州市发展和改革委员会',
      aliases: ['市发展改革委', '市发改委'],
      kind: 'local',
      jurisdiction: '杭州市',
      collective: false,
      successor: null,
    });
    const [entry] = await audit('department.created');
    expect(entry).toMatchObject({
      task_id: null,
      detail: { department: { name: '杭州市发展和改革委员会' } },
    });
  });

  it('refuses a name or alias another unit answers to (409) and bad input (400, zh-CN)', async () => {
    const taken = await t.request<{ code: string; message: string }>('POST', '/api/departments', {
      token: admin,
      body: { name: '某测试局', aliases: ['发展改革委'], kind: 'ministry' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('DEPARTMENT_NAME_TAKEN');
    expect(taken.body.message).toContain('国家发展和改革委员会');
    const same = await t.request<{ code: string }>('POST', '/api/departments', {
      token: admin,
      body: { name: '商务部', kind: 'ministry' },
    });
    expect(same.status).toBe(409);
    const kind = await t.request<{ message: string }>('POST', '/api/departments', {
      token: admin,
      body: { name: '某测试局', kind: 'bureau' },
    });
    expect(kind.status).toBe(400);
    expect(kind.body.message).toContain('单位类别');
    const empty = await t.request('POST', '/api/departments', {
      token: admin,
      body: { name: '   ', kind: 'ministry' },
    });
    expect(empty.status).toBe(400);
  });

  it('renames a unit: the old name becomes an alias and a new import still matches it', async () => {
    await importFixture(t, naming('31', '国家测绘测试局'));
    const unit = await departmentByName(t, '国家测绘测试局');
    expect(unit.createdFromImport).toBe(true);
    const res = await t.request<DepartmentDto>('PATCH', `/api/departments/${unit.id}`, {
      token: admin,
      body: { name: '国家测绘地理信息测试局', aliases: ['测绘测试局'] },
    });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('国家测绘地理信息测试局');
    expect(res.body.aliases.sort()).toEqual(['国家测绘测试局', '测绘测试局'].sort());
    const before = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM departments`);
    await importFixture(t, naming('32', '国家测绘测试局'));
    expect(await leadsOf('32')).toEqual(['国家测绘地理信息测试局']);
    const after = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM departments`);
    expect(after[0].n).toBe(before[0].n);
    const [entry] = await audit('department.updated');
    expect(entry.detail).toMatchObject({ renamed: true, before: { name: '国家测绘测试局' } });
  });

  it('a renamed registry unit is not brought back under its old name by the registry sync', async () => {
    const unit = await departmentByName(t, '国家档案局');
    const res = await t.request<DepartmentDto>('PATCH', `/api/departments/${unit.id}`, {
      token: admin,
      body: { name: '国家档案局（测试更名）' },
    });
    expect(res.status).toBe(200);
    expect(await t.app.get(DepartmentsService).syncRegistry()).toBe(0);
    const rows = await t.dataSource.query(`SELECT 1 FROM departments WHERE name = '国家档案局'`);
    expect(rows).toHaveLength(0);
  });

  it('edits kind: a unit with accounts cannot become a collective party', async () => {
    await loginAs(t, 'officer', '审计署');
    const unit = await departmentByName(t, '审计署');
    const res = await t.request<{ code: string; message: string }>('PATCH', `/api/departments/${unit.id}`, {
      token: admin,
      body: { kind: 'collective' },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('DEPARTMENT_COLLECTIVE_HAS_USERS');
    const missing = await t.request('PATCH', '/api/departments/00000000-0000-4000-8000-000000000000', {
      token: admin,
      body: { aliases: [] },
    });
    expect(missing.status).toBe(404);
  });

  it('refuses officer accounts for a collective party', async () => {
    const collective = await departmentByName(t, '各有关部门');
    expect(collective.collective).toBe(true);
    expect((await departmentByName(t, '各地区')).collective).toBe(true);
    await expect(
      t.app.get(UsersService).create({
        username: 'it-collective',
        displayName: '各有关部门',
        password: 'it-password-1',
        role: 'officer',
        departmentId: collective.id,
      }),
    ).rejects.toMatchObject({ code: 'USER_DEPARTMENT_COLLECTIVE', status: 400 });
  });

  describe('merge into a successor', () => {
    let ndrc: string;
    let commerce: string;
    let officer: string;
    let result: MergeDepartmentResultDto;

    const assignmentsOf = (departmentId: string) =>
      t.dataSource.query<{ task_id: string; role: string; title: string }[]>(
        `SELECT a.task_id, a.role::text AS role, t.title FROM task_assignments a JOIN tasks t ON t.id = a.task_id
          WHERE a.department_id = $1 ORDER BY t.title`,
        [departmentId],
      );

    beforeAll(async () => {
      await importFixture(t, FIXTURE_A, 'a.txt');
      ndrc = (await departmentByName(t, '国家发展和改革委员会')).id;
      commerce = (await departmentByName(t, '商务部')).id;
      officer = await loginAs(t, 'officer', '商务部');
    });

    it('GET :id/usage says what will move', async () => {
      const res = await t.request<DepartmentUsageDto>('GET', `/api/departments/${commerce}/usage`, {
        token: admin,
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: commerce, tasks: 2, openTasks: 2, users: 1 });
    });

    it('moves assignments (one row where both were assigned, lead kept), accounts and names', async () => {
      const before = await assignmentsOf(commerce);
      expect(before.map((a) => a.role).sort()).toEqual(['lead', 'participant']);
      const shared = before.find((a) => a.role === 'lead')!;
      const res = await t.request<MergeDepartmentResultDto>('POST', `/api/departments/${commerce}/merge`, {
        token: admin,
        body: { into: ndrc },
      });
      expect(res.status).toBe(200);
      result = res.body;
      expect(result).toMatchObject({ tasksMoved: 2, tasksShared: 1, usersMoved: 1 });
      expect(await assignmentsOf(commerce)).toEqual([]);
      const after = await assignmentsOf(ndrc);
      expect(after.filter((a) => a.task_id === shared.task_id)).toEqual([
        expect.objectContaining({ role: 'lead' }),
      ]);
      const moved = before.find((a) => a.role === 'participant')!;
      expect(after.find((a) => a.task_id === moved.task_id)?.role).toBe('participant');
      const [dup] = await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM (SELECT task_id FROM task_assignments GROUP BY task_id, department_id
          HAVING count(*) > 1) d`,
      );
      expect(dup.n).toBe(0);
      const [account] = await t.dataSource.query<{ department_id: string }[]>(
        `SELECT department_id FROM users WHERE username LIKE 'it-officer-%' AND display_name = '商务部'`,
      );
      expect(account.department_id).toBe(ndrc);
    });

    it('writes one audit entry per moved task (in its timeline) and one for the merge', async () => {
      const perTask = await audit('task.department_merged');
      expect(perTask).toHaveLength(2);
      expect(perTask.map((e) => e.detail['shared']).sort()).toEqual([false, true]);
      const supervisor = await loginAs(t, 'supervisor');
      const detail = await t.request<{ history: { action: string }[] }>(
        'GET',
        `/api/tasks/${perTask[0].task_id}`,
        { token: supervisor },
      );
      expect(detail.body.history.map((e) => e.action)).toContain('task.department_merged');
      const [merge] = await audit('department.merged');
      expect(merge).toMatchObject({ task_id: null, detail: { tasksMoved: 2, usersMoved: 1 } });
    });

    it('the moved officer now sees the successor’s tasks', async () => {
      const res = await t.request<{ total: number }>('GET', '/api/tasks', { token: officer });
      expect(res.status).toBe(200);
      const [{ n }] = await t.dataSource.query<{ n: number }[]>(
        `SELECT count(DISTINCT task_id)::int AS n FROM task_assignments WHERE department_id = $1`,
        [ndrc],
      );
      expect(res.body.total).toBe(n);
    });

    it('the merged unit is kept with its successor (hidden from pickers); its name matches the successor', async () => {
      const list = await t.request<DepartmentDto[]>('GET', '/api/departments', { token: admin });
      const merged = list.body.find((d) => d.id === commerce)!;
      expect(merged.successor).toEqual({ id: ndrc, name: '国家发展和改革委员会' });
      const successor = list.body.find((d) => d.id === ndrc)!;
      expect(successor.aliases).toContain('商务部');
      expect(successor.predecessors.map((p) => p.id)).toContain(commerce);
      // What the pickers offer: no successor link, not collective.
      const pickable = list.body.filter((d) => !d.successor && !d.collective).map((d) => d.id);
      expect(pickable).not.toContain(commerce);
      await importFixture(t, naming('33', '商务部'));
      expect(await leadsOf('33')).toEqual(['国家发展和改革委员会']);
    });

    it('refuses merging twice, into a merged unit, into or from a collective party, or into itself', async () => {
      const post = (id: string, into: string) =>
        t.request<{ code: string; message: string }>('POST', `/api/departments/${id}/merge`, {
          token: admin,
          body: { into },
        });
      const audit = (await departmentByName(t, '审计署')).id;
      const collective = (await departmentByName(t, '各有关部门')).id;
      const regions = (await departmentByName(t, '各地区')).id;
      expect((await post(commerce, audit)).body.code).toBe('DEPARTMENT_ALREADY_MERGED');
      const intoMerged = await post(audit, commerce);
      expect([intoMerged.status, intoMerged.body.code]).toEqual([400, 'DEPARTMENT_MERGE_TARGET_MERGED']);
      const intoCollective = await post(audit, collective);
      expect([intoCollective.status, intoCollective.body.code]).toEqual([
        400,
        'DEPARTMENT_MERGE_INTO_COLLECTIVE',
      ]);
      expect(intoCollective.body.message).toContain('统称');
      const intoRegions = await post(audit, regions);
      expect(intoRegions.status).toBe(400);
      const fromCollective = await post(collective, audit);
      expect([fromCollective.status, fromCollective.body.code]).toEqual([400, 'DEPARTMENT_MERGE_COLLECTIVE']);
      expect((await post(audit, audit)).body.code).toBe('DEPARTMENT_MERGE_SELF');
      const unknown = await post(audit, '00000000-0000-4000-8000-000000000000');
      expect([unknown.status, unknown.body.code]).toEqual([400, 'DEPARTMENT_MERGE_UNKNOWN_TARGET']);
      expect((await post(audit, 'not-a-uuid')).status).toBe(400);
    });
  });
});
