/**
 * Replays the secure-defaults findings (issue 9) against the real API: each test fails if its finding
 * comes back. Webhook targets (SSRF) are in webhook-targets.spec.ts.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { ApiErrorDto, LoginResponseDto } from '@duban/domain';
import jwt from 'jsonwebtoken';
import { PUBLISHED_JWT_SECRETS } from '../../../apps/api/src/infra/config/app-config';
import { UsersService } from '../../../apps/api/src/users/users.service';
import { ensureApiBuilt } from '../support/api-bundle';
import {
  createTestApp,
  loginAs,
  resetLoginThrottle,
  seedDepartments,
  TEST_PASSWORD,
  type TestApp,
} from '../support/harness';

const ROOT = join(__dirname, '../../..');
const MAIN = join(ROOT, 'dist/apps/api/main.js');

type Login = LoginResponseDto & ApiErrorDto;

describe('secure defaults', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ config: { auth: { loginRateLimit: 10, loginFailuresBeforeLock: 3 } } });
    await seedDepartments(t);
  });
  beforeEach(() => resetLoginThrottle(t));
  afterAll(() => t.close());

  const login = (username: string, password: string, headers: Record<string, string> = {}) =>
    t.request<Login>('POST', '/api/auth/login', { body: { username, password }, headers });
  const get = (path: string, token: string) => t.request<ApiErrorDto>('GET', path, { token });

  async function adminSession(): Promise<{ id: string; sid: string; token: string }> {
    const token = await loginAs(t, 'admin');
    const claims = jwt.decode(token) as { sub: string; sid: string };
    return { id: claims.sub, sid: claims.sid, token };
  }

  describe('tokens', () => {
    it('refuses a token signed with any published secret, with the same answer as any other bad token', async () => {
      const { id, sid } = await adminSession();
      const answers = new Set<string>();
      for (const secret of PUBLISHED_JWT_SECRETS.filter((s) => s !== t.config.auth.jwtSecret)) {
        const forged = jwt.sign({ sub: id, sid, role: 'admin' }, secret, { expiresIn: '3650d' });
        const res = await get('/api/users', forged);
        expect(res.status).toBe(401);
        answers.add(JSON.stringify(res.body));
      }
      // Right secret, unknown account: no different message that would confirm a guessed secret.
      const unknown = jwt.sign(
        { sub: '00000000-0000-4000-8000-000000000000', sid, role: 'admin' },
        t.config.auth.jwtSecret,
        { expiresIn: 60 },
      );
      answers.add(JSON.stringify((await get('/api/users', unknown)).body));
      answers.add(JSON.stringify((await get('/api/users', 'not.a.token')).body));
      expect([...answers]).toEqual([
        JSON.stringify({ statusCode: 401, code: 'AUTH_TOKEN_INVALID', message: '登录已失效，请重新登录。' }),
      ]);
    });

    it('refuses to start in production with a missing, short or published secret', () => {
      ensureApiBuilt(MAIN);
      for (const secret of ['', 'short-secret', ...PUBLISHED_JWT_SECRETS]) {
        const run = spawnSync(process.execPath, [MAIN], {
          cwd: '/tmp',
          env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'production', JWT_SECRET: secret, PORT: '0' },
          encoding: 'utf8',
          timeout: 20_000,
        });
        // Refused by the configuration check itself (exit 1 with its message), not by a later failure.
        expect(run.status, `JWT_SECRET=${JSON.stringify(secret)}`).toBe(1);
        expect(run.stderr + run.stdout).toMatch(/Invalid configuration[\s\S]*JWT_SECRET/);
      }
    });
  });

  describe('sessions', () => {
    it('logout ends the session at once; other sessions of the account stay', async () => {
      const a = await adminSession();
      const b = await adminSession();
      expect((await get('/api/users', a.token)).status).toBe(200);
      expect((await t.request('POST', '/api/auth/logout', { token: a.token })).status).toBe(204);
      expect((await get('/api/users', a.token)).status).toBe(401);
      expect((await get('/api/me', a.token)).status).toBe(401);
      expect((await get('/api/users', b.token)).status).toBe(200);
    });

    it('deactivation ends every session of the account at once', async () => {
      const admin = await adminSession();
      const officer = await loginAs(t, 'officer', '商务部');
      const officerId = (jwt.decode(officer) as { sub: string }).sub;
      expect((await get('/api/tasks', officer)).status).toBe(200);
      expect(
        (await t.request('POST', `/api/users/${officerId}/deactivate`, { token: admin.token })).status,
      ).toBe(204);
      try {
        expect((await get('/api/tasks', officer)).status).toBe(401);
        expect((await login(`it-officer-${await slugOf('商务部')}`, TEST_PASSWORD)).status).toBe(401);
      } finally {
        expect(
          (await t.request('POST', `/api/users/${officerId}/activate`, { token: admin.token })).status,
        ).toBe(204);
      }
      // Reactivation does not bring the old session back.
      expect((await get('/api/tasks', officer)).status).toBe(401);
    });

    it('a password change ends the other sessions; an admin reset ends all and forces a change', async () => {
      const admin = await adminSession();
      const officer = await loginAs(t, 'officer', '财政部');
      const other = await loginAs(t, 'officer', '财政部');
      const changed = await t.request('POST', '/api/auth/password', {
        token: officer,
        body: { currentPassword: TEST_PASSWORD, newPassword: 'Granite-cloud-77' },
      });
      expect(changed.status).toBe(204);
      expect((await get('/api/tasks', officer)).status).toBe(200);
      expect((await get('/api/tasks', other)).status).toBe(401);
      const officerId = (jwt.decode(officer) as { sub: string }).sub;
      const reset = await t.request<{ temporaryPassword: string; username: string }>(
        'POST',
        `/api/users/${officerId}/reset-password`,
        { token: admin.token },
      );
      expect(reset.status).toBe(200);
      expect((await get('/api/tasks', officer)).status).toBe(401);
      const relogin = await login(reset.body.username, reset.body.temporaryPassword);
      expect(relogin.body.user.mustChangePassword).toBe(true);
      expect((await get('/api/tasks', relogin.body.accessToken)).body.code).toBe(
        'AUTH_PASSWORD_CHANGE_REQUIRED',
      );
      // Back to the harness password so later tests can log in as this officer.
      await t.app.get(UsersService).setPassword(officerId, TEST_PASSWORD, false);
    });
  });

  describe('login throttle', () => {
    it('counts the real client address: a rotating X-Forwarded-For gets 429 after the limit', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await login(`nobody-${i}`, 'wrong-password', { 'x-forwarded-for': `203.0.113.${i + 1}` });
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(statuses.slice(10)).toEqual([429, 429]);
      const limited = await login('nobody', 'x', { 'x-forwarded-for': '198.51.100.7' });
      expect(limited.body.code).toBe('AUTH_LOGIN_THROTTLED');
      expect(limited.body.message).toMatch(/请 \d+ (秒|分钟)后再试/);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('locks one username with a growing wait after repeated failures, even with the right password', async () => {
      await loginAs(t, 'supervisor');
      for (let i = 0; i < 3; i++) expect((await login('it-supervisor', 'wrong')).status).toBe(401);
      const locked = await login('it-supervisor', TEST_PASSWORD);
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await login('it-supervisor', 'wrong')).status).toBe(401);
      const longer = await login('it-supervisor', TEST_PASSWORD);
      expect(longer.status).toBe(429);
      expect(Number(longer.headers.get('retry-after'))).toBeGreaterThanOrEqual(2);
    });
  });

  describe('queue dashboard', () => {
    it('takes no token in the URL and sets a Secure cookie behind TLS', async () => {
      const tls = await createTestApp({ config: { app: { baseUrl: 'https://duban.example.gov.cn' } } });
      try {
        const token = await loginAs(tls, 'admin');
        expect(
          (await tls.request('GET', `/api/admin/queues?token=${encodeURIComponent(token)}`)).status,
        ).toBe(401);
        const grant = await tls.request('POST', '/api/admin/queues-session', { token });
        const cookie = grant.headers.get('set-cookie') ?? '';
        expect(cookie).toMatch(/HttpOnly/);
        expect(cookie).toMatch(/SameSite=Strict/);
        expect(cookie).toMatch(/; Secure/);
        expect(cookie).toMatch(/Max-Age=900/);
        const value = cookie.split(';')[0] ?? '';
        // The cookie is no API token.
        expect((await tls.request('GET', '/api/users', { token: value.split('=')[1] })).status).toBe(401);
        expect((await tls.request('GET', '/api/admin/queues', { headers: { cookie: value } })).status).toBe(
          200,
        );
        // Logout ends the dashboard grant with the session.
        await tls.request('POST', '/api/auth/logout', { token });
        expect((await tls.request('GET', '/api/admin/queues', { headers: { cookie: value } })).status).toBe(
          401,
        );
      } finally {
        await tls.close();
      }
    });
  });

  async function slugOf(name: string): Promise<string> {
    const [row] = await t.dataSource.query<{ slug: string }[]>(
      `SELECT slug FROM departments WHERE name = $1`,
      [name],
    );
    return row?.slug ?? '';
  }
});
