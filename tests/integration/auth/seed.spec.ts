import { readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiErrorDto, LoginResponseDto } from '@duban/domain';
import { SeedService, type SeedResult } from '../../../apps/api/src/users/seed.service';
import { FIXTURE_A, UNKNOWN_DEPARTMENT } from '../imports/fixtures';
import { createTestApp, importFixture, truncateAll, type TestApp } from '../support/harness';

const login = (t: TestApp, username: string, password: string) =>
  t.request<LoginResponseDto & ApiErrorDto>('POST', '/api/auth/login', { body: { username, password } });

describe('seed accounts', () => {
  const credentialsFile = join(tmpdir(), `duban-it-seed-spec-${process.pid}.txt`);
  let t: TestApp;
  let first: SeedResult;

  beforeAll(async () => {
    rmSync(credentialsFile, { force: true });
    t = await createTestApp({ config: { seed: { credentialsFile } } });
    await truncateAll();
    await importFixture(
      t,
      `${FIXTURE_A}\n（四）做好宣传。（各有关部门负责）\n（五）开展试点。（各地区、试点城市人民政府负责）\n`,
    );
    first = await t.app.get(SeedService).seed();
  });
  afterAll(async () => {
    rmSync(credentialsFile, { force: true });
    await t.close();
  });

  it('creates the supervisor, the admin and one readable officer account per department (none for collectives)', async () => {
    const byRole = (role: string) => first.created.filter((u) => u.role === role);
    expect(byRole('supervisor').map((u) => u.username)).toEqual(['duchashi']);
    expect(byRole('admin').map((u) => u.username)).toEqual(['admin']);
    const officers = Object.fromEntries(byRole('officer').map((u) => [u.displayName, u.username]));
    expect(officers).toMatchObject({
      国家发展和改革委员会经办人: 'fgw',
      商务部经办人: 'swb',
      财政部经办人: 'czb',
      审计署经办人: 'sjs',
    });
    expect(Object.keys(officers)).toContain(`${UNKNOWN_DEPARTMENT}经办人`);
    const groups = await t.dataSource.query<{ name: string }[]>(
      `SELECT DISTINCT d.name FROM departments d JOIN task_assignments a ON a.department_id = d.id
        WHERE d.name = ANY($1)`,
      [['各有关部门', '各地区', '试点城市人民政府']],
    );
    // The groups are on tasks (so the seed saw them) and still get no account.
    expect(groups.map((g) => g.name).sort()).toEqual(['各地区', '各有关部门', '试点城市人民政府'].sort());
    for (const group of ['各有关部门', '各地区', '试点城市人民政府']) {
      expect(Object.keys(officers).some((name) => name.startsWith(group))).toBe(false);
    }
    for (const username of Object.values(officers)) expect(username).toMatch(/^[a-z][a-z0-9]{1,15}$/);
  });

  it('gives every account its own password and hash, written once to an owner-only file', async () => {
    const passwords = first.created.map((u) => u.password);
    expect(new Set(passwords).size).toBe(passwords.length);
    const hashes = await t.dataSource.query<{ password_hash: string }[]>(`SELECT password_hash FROM users`);
    expect(new Set(hashes.map((h) => h.password_hash)).size).toBe(hashes.length);
    expect(first.credentialsFile).toBe(credentialsFile);
    expect(statSync(credentialsFile).mode & 0o777).toBe(0o600);
    const text = readFileSync(credentialsFile, 'utf8');
    for (const u of first.created) expect(text).toContain(`${u.username}\t${u.password}\t`);
  });

  it('marks seeded passwords to be changed: only me, logout and 修改密码 answer until then', async () => {
    const admin = first.created.find((u) => u.username === 'admin');
    const res = await login(t, 'admin', admin?.password ?? '');
    expect(res.status).toBe(200);
    expect(res.body.user.mustChangePassword).toBe(true);
    const token = res.body.accessToken;
    const blocked = await t.request<ApiErrorDto>('GET', '/api/users', { token });
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
    expect((await t.request('GET', '/api/me', { token })).status).toBe(200);
    const weak = await t.request<ApiErrorDto>('POST', '/api/auth/password', {
      token,
      body: { currentPassword: admin?.password, newPassword: 'short' },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('AUTH_PASSWORD_WEAK');
    const changed = await t.request('POST', '/api/auth/password', {
      token,
      body: { currentPassword: admin?.password, newPassword: 'Lantern-river-2026' },
    });
    expect(changed.status).toBe(204);
    expect((await t.request('GET', '/api/users', { token })).status).toBe(200);
    expect((await login(t, 'admin', admin?.password ?? '')).status).toBe(401);
    expect((await login(t, 'admin', 'Lantern-river-2026')).body.user.mustChangePassword).toBe(false);
  });

  it('is idempotent: existing accounts and staffed departments are left alone', async () => {
    const again = await t.app.get(SeedService).seed();
    expect(again.created).toEqual([]);
    expect(again.credentialsFile).toBeNull();
    expect(again.existing).toBe(first.created.length);
  });
});
