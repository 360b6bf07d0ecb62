import type { ApiErrorDto, LoginResponseDto, MeDto } from '@duban/domain';
import {
  createTestApp,
  departmentByName,
  loginAs,
  resetLoginThrottle,
  seedDepartments,
  TEST_PASSWORD,
  type TestApp,
} from '../support/harness';

describe('auth', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDepartments(t);
  });
  afterAll(() => t.close());

  it('logs in with the right password and returns the user with a bearer token', async () => {
    await loginAs(t, 'supervisor');
    const res = await t.request<LoginResponseDto>('POST', '/api/auth/login', {
      body: { username: 'it-supervisor', password: TEST_PASSWORD },
    });
    expect(res.status).toBe(200);
    expect(res.body.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(res.body.expiresIn).toBe(t.config.auth.tokenTtl);
    expect(res.body.user).toMatchObject({ username: 'it-supervisor', role: 'supervisor', department: null });
  });

  it('stores bcrypt hashes, never the password', async () => {
    const [row] = await t.dataSource.query<{ password_hash: string }[]>(
      `SELECT password_hash FROM users WHERE username = 'it-supervisor'`,
    );
    expect(row?.password_hash).toMatch(/^\$2[aby]\$10\$/);
    expect(row?.password_hash).not.toContain(TEST_PASSWORD);
  });

  it('refuses a wrong password or an unknown user with the same 401', async () => {
    const wrong = await t.request<ApiErrorDto>('POST', '/api/auth/login', {
      body: { username: 'it-supervisor', password: 'nope' },
    });
    const unknown = await t.request<ApiErrorDto>('POST', '/api/auth/login', {
      body: { username: 'nobody', password: 'nope' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(unknown.body).toEqual(wrong.body);
  });

  it('rejects a login body with a missing field as 400 naming the field', async () => {
    const res = await t.request<ApiErrorDto>('POST', '/api/auth/login', { body: { username: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.body.details)).toContain('password');
  });

  it('answers malformed JSON with the API error shape', async () => {
    const res = await t.request<ApiErrorDto>('POST', '/api/auth/login', {
      body: '{"username":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST' });
  });

  it('rejects unknown body fields (whitelist)', async () => {
    const res = await t.request<ApiErrorDto>('POST', '/api/auth/login', {
      body: { username: 'x', password: 'y', admin: true },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.details)).toContain('admin');
  });

  it('GET /api/me returns the officer with their department', async () => {
    const token = await loginAs(t, 'officer', '商务部');
    const res = await t.request<MeDto>('GET', '/api/me', { token });
    expect(res.status).toBe(200);
    const department = await departmentByName(t, '商务部');
    expect(res.body).toMatchObject({ role: 'officer', department: { id: department.id, name: '商务部' } });
  });

  it('requires a valid bearer token on protected routes', async () => {
    expect((await t.request('GET', '/api/me')).status).toBe(401);
    const bad = await t.request<ApiErrorDto>('GET', '/api/me', { token: 'not.a.token' });
    expect(bad.status).toBe(401);
    expect(bad.body.code).toBe('AUTH_TOKEN_INVALID');
  });

  it('stops accepting the token of a deactivated account', async () => {
    const token = await loginAs(t, 'admin');
    await t.dataSource.query(`UPDATE users SET active = false WHERE username = 'it-admin'`);
    expect((await t.request('GET', '/api/me', { token })).status).toBe(401);
    await t.dataSource.query(`UPDATE users SET active = true WHERE username = 'it-admin'`);
  });

  it('keeps health and the OpenAPI document public', async () => {
    const health = await t.request<{ status: string; checks: Record<string, { status: string }> }>(
      'GET',
      '/api/health',
    );
    expect(health.status).toBe(200);
    expect(health.body.checks['database']?.status).toBe('ok');
    const docs = await t.request<{ paths: Record<string, unknown> }>('GET', '/api/docs/json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/me', '/api/imports']),
    );
  });
});

describe('login rate limit', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ config: { auth: { loginRateLimit: 3, loginRateWindowMs: 60_000 } } });
    await resetLoginThrottle(t);
  });
  afterAll(() => t.close());

  it('answers 429 after the configured number of attempts', async () => {
    const attempt = () =>
      t.request<ApiErrorDto>('POST', '/api/auth/login', { body: { username: 'a', password: 'b' } });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await attempt()).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await attempt();
    expect(limited.body.code).toBe('AUTH_LOGIN_THROTTLED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
