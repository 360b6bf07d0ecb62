import type { ApiErrorDto, PageDto, UserDto } from '@duban/domain';
import { createTestApp, departmentByName, loginAs, seedDepartments, type TestApp } from '../support/harness';

describe('GET /api/users', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDepartments(t);
    admin = await loginAs(t, 'admin');
    await loginAs(t, 'supervisor');
    await loginAs(t, 'officer', '国家发展和改革委员会');
    await loginAs(t, 'officer', '商务部');
    await t.dataSource.query(`UPDATE users SET email = 'swb@example.cn' WHERE username LIKE 'it-officer-%'
      AND department_id = (SELECT id FROM departments WHERE name = '商务部')`);
  });
  afterAll(() => t.close());

  const list = (token: string | undefined, query = '') =>
    t.request<PageDto<UserDto> & ApiErrorDto>('GET', `/api/users${query}`, { token });

  it('lists every account for an admin, admins and supervisors first, without password hashes', async () => {
    const res = await list(admin);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 4, page: 1, pageSize: 100 });
    expect(res.body.items.map((u) => u.role)).toEqual(['admin', 'supervisor', 'officer', 'officer']);
    const commerce = await departmentByName(t, '商务部');
    const officer = res.body.items.find((u) => u.department?.id === commerce.id);
    expect(officer).toEqual({
      id: expect.any(String),
      username: `it-officer-${commerce.slug}`,
      displayName: '商务部',
      role: 'officer',
      department: { id: commerce.id, name: '商务部' },
      isHead: false,
      email: 'swb@example.cn',
      phone: null,
      active: true,
      mustChangePassword: false,
    });
    expect(res.body.items[0]).toMatchObject({ username: 'it-admin', department: null, email: null });
    // No password or hash under any key (mustChangePassword is a flag, not a secret).
    expect(JSON.stringify(res.body)).not.toMatch(/"password(Hash)?"|password_hash|\$2[aby]\$/i);
  });

  it('filters by ?q= on username, display name or department name', async () => {
    const byDepartment = await list(admin, `?q=${encodeURIComponent('商务')}`);
    expect(byDepartment.body.total).toBe(1);
    expect(byDepartment.body.items[0]?.department?.name).toBe('商务部');
    const byUsername = await list(admin, '?q=it-super');
    expect(byUsername.body.items.map((u) => u.username)).toEqual(['it-supervisor']);
    expect((await list(admin, '?q=%25')).body.total).toBe(0);
  });

  it('pages with a stable total', async () => {
    const first = await list(admin, '?pageSize=3');
    const second = await list(admin, '?pageSize=3&page=2');
    const beyond = await list(admin, '?pageSize=3&page=9');
    expect(first.body.items).toHaveLength(3);
    expect(second.body.items).toHaveLength(1);
    expect([first.body.total, second.body.total, beyond.body.total]).toEqual([4, 4, 4]);
    expect(new Set([...first.body.items, ...second.body.items].map((u) => u.id)).size).toBe(4);
    expect((await list(admin, '?pageSize=0')).status).toBe(400);
  });

  it('refuses supervisors and officers with 403, anonymous callers with 401', async () => {
    const supervisor = await list(await loginAs(t, 'supervisor'));
    expect(supervisor.status).toBe(403);
    expect(supervisor.body.code).toBe('AUTH_ROLE_FORBIDDEN');
    expect((await list(await loginAs(t, 'officer', '商务部'))).status).toBe(403);
    expect((await list(undefined)).status).toBe(401);
  });
});
