import type { MeDto, SsoInfoDto } from '@duban/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsersService } from '../../../apps/api/src/users/users.service';
import { startTestIdp, signInAtIdp, type TestIdp } from '../support/oidc-provider';
import {
  createTestApp,
  departmentByName,
  seedDepartments,
  TEST_PASSWORD,
  type TestApp,
} from '../support/harness';

/** The public address Duban is reached at in this test (the provider redirects the "browser" there). */
const APP = 'http://duban.test';
const REDIRECT_URI = `${APP}/api/auth/oidc/callback`;

interface SsoOutcome {
  /** Where Duban finally sent the browser. */
  location: URL;
  token: string | null;
  error: string | null;
}

describe('single sign-on (OpenID Connect) against a real provider', () => {
  let idp: TestIdp;
  let t: TestApp;

  /** The whole browser round trip: Duban → provider login and consent → Duban's callback. */
  async function ssoLogin(login: string, returnTo = '/tasks?mine=1', tamper = false): Promise<SsoOutcome> {
    const start = await fetch(`${t.baseUrl}/api/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`, {
      redirect: 'manual',
    });
    expect(start.status).toBe(302);
    const attemptCookie = (start.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    expect(attemptCookie).toMatch(/^duban_oidc=/);
    const callback = new URL(await signInAtIdp(start.headers.get('location') ?? '', login));
    expect(callback.origin + callback.pathname).toBe(REDIRECT_URI);
    const finish = await fetch(`${t.baseUrl}${callback.pathname}${callback.search}`, {
      redirect: 'manual',
      headers: { cookie: tamper ? `${attemptCookie.slice(0, -3)}xyz` : attemptCookie },
    });
    expect(finish.status).toBe(302);
    const location = new URL(finish.headers.get('location') ?? '');
    const fragment = new URLSearchParams(location.hash.slice(1));
    return { location, token: fragment.get('token'), error: location.searchParams.get('ssoError') };
  }

  async function me(token: string | null): Promise<{ status: number; body: MeDto }> {
    return t.request<MeDto>('GET', '/api/me', { token: token ?? undefined });
  }

  beforeAll(async () => {
    idp = await startTestIdp(REDIRECT_URI);
    t = await createTestApp({
      config: {
        app: { baseUrl: APP },
        sso: {
          issuer: idp.issuer,
          clientId: idp.clientId,
          clientSecret: idp.clientSecret,
          redirectUri: REDIRECT_URI,
          allowHttpIssuer: true,
          autoCreate: true,
        },
      },
    });
    await seedDepartments(t);
    idp.accounts.set('u-zhang', {
      preferred_username: 'zhangwei',
      name: '张伟',
      email: 'zhangwei@example.gov.cn',
      department: '商务部',
    });
    idp.accounts.set('u-li', { preferred_username: 'lina', name: '李娜', duban_role: '督查室' });
    idp.accounts.set('u-wang', { preferred_username: 'wangfang', name: '王芳', department: '不存在的局' });
    idp.accounts.set('u-boss', { preferred_username: 'boss', name: '赵总', duban_role: 'admin' });
    idp.accounts.set('u-existing', { preferred_username: 'it-existing', name: '已有账号' });
    idp.accounts.set('u-impostor', { preferred_username: 'it-existing', name: '冒名' });
  });

  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  it('tells the login page that single sign-on is offered beside passwords', async () => {
    const res = await t.request<SsoInfoDto>('GET', '/api/auth/sso');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      enabled: true,
      label: '统一身份认证登录',
      loginUrl: '/api/auth/oidc/login',
      passwordLogin: true,
    });
  });

  it('creates an officer in the department the provider names, and keeps the page to return to', async () => {
    const outcome = await ssoLogin('u-zhang');
    expect(outcome.error).toBeNull();
    expect(outcome.location.origin + outcome.location.pathname).toBe(`${APP}/login/sso`);
    expect(new URLSearchParams(outcome.location.hash.slice(1)).get('returnTo')).toBe('/tasks?mine=1');
    const res = await me(outcome.token);
    expect(res.status).toBe(200);
    const commerce = await departmentByName(t, '商务部');
    expect(res.body).toMatchObject({ username: 'zhangwei', displayName: '张伟', role: 'officer' });
    expect(res.body.department?.id).toBe(commerce.id);
    const [audit] = await t.dataSource.query(
      `SELECT detail FROM audit_log WHERE action = 'user.sso_created'`,
    );
    expect(audit.detail).toMatchObject({ subject: `${idp.issuer}|u-zhang`, role: 'officer' });

    // The second login finds the same account through the linked subject.
    const again = await ssoLogin('u-zhang');
    expect((await me(again.token)).body.id).toBe(res.body.id);
  });

  it('maps the role claim to 督查室 but never makes an admin', async () => {
    const supervisor = await me((await ssoLogin('u-li')).token);
    expect(supervisor.body).toMatchObject({ username: 'lina', role: 'supervisor', department: null });
    // 'admin' is not a role the provider can grant: without a department an officer cannot be created.
    expect((await ssoLogin('u-boss')).error).toBe('SSO_DEPARTMENT_UNKNOWN');
    expect(await t.dataSource.query(`SELECT 1 FROM users WHERE username = 'boss'`)).toEqual([]);
  });

  it('refuses an unknown department, a deactivated account and a forged attempt cookie', async () => {
    expect((await ssoLogin('u-wang')).error).toBe('SSO_DEPARTMENT_UNKNOWN');
    const forged = await ssoLogin('u-zhang', '/', true);
    expect(forged).toMatchObject({ token: null, error: 'SSO_STATE_INVALID' });

    const users = t.app.get(UsersService);
    const zhang = await users.findByUsername('zhangwei');
    await users.setActive(zhang!.id, false);
    expect((await ssoLogin('u-zhang')).error).toBe('SSO_ACCOUNT_INACTIVE');
    await users.setActive(zhang!.id, true);
  });

  it('links an existing account by username once, and refuses a second identity for it', async () => {
    const users = t.app.get(UsersService);
    await users.create({
      username: 'it-existing',
      displayName: '已有账号',
      password: TEST_PASSWORD,
      role: 'supervisor',
      departmentId: null,
    });
    const linked = await me((await ssoLogin('u-existing')).token);
    expect(linked.body).toMatchObject({ username: 'it-existing', role: 'supervisor' });
    expect((await users.findByUsername('it-existing'))?.oidcSubject).toBe(`${idp.issuer}|u-existing`);
    expect((await ssoLogin('u-impostor')).error).toBe('SSO_ACCOUNT_LINKED_ELSEWHERE');
  });

  it('never redirects to another site after login', async () => {
    for (const returnTo of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const outcome = await ssoLogin('u-li', returnTo);
      expect(new URLSearchParams(outcome.location.hash.slice(1)).get('returnTo'), returnTo).toBe('/');
    }
  });

  it('ends the session on logout: the SSO token is refused at once', async () => {
    const { token } = await ssoLogin('u-li');
    expect((await me(token)).status).toBe(200);
    expect((await t.request('POST', '/api/auth/logout', { token: token! })).status).toBe(204);
    expect((await me(token)).status).toBe(401);
  });

  it('sends a provider error or a callback without an attempt back to the login page', async () => {
    const res = await fetch(`${t.baseUrl}/api/auth/oidc/callback?error=access_denied&state=x`, {
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`${APP}/login?ssoError=SSO_STATE_INVALID`);
  });
});

describe('single sign-on only (AUTH_PASSWORD_LOGIN=false)', () => {
  let idp: TestIdp;
  let t: TestApp;

  beforeAll(async () => {
    idp = await startTestIdp(REDIRECT_URI);
    t = await createTestApp({
      config: {
        app: { baseUrl: APP },
        sso: {
          issuer: idp.issuer,
          clientId: idp.clientId,
          clientSecret: idp.clientSecret,
          redirectUri: REDIRECT_URI,
          allowHttpIssuer: true,
          passwordLogin: false,
        },
      },
    });
    await seedDepartments(t);
  });

  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  it('refuses passwords for everyone but admins (their way in when the provider is down)', async () => {
    const users = t.app.get(UsersService);
    const commerce = await departmentByName(t, '商务部');
    await users.create({
      username: 'pw-officer',
      displayName: '商务部',
      password: TEST_PASSWORD,
      role: 'officer',
      departmentId: commerce.id,
    });
    await users.create({
      username: 'pw-admin',
      displayName: '管理员',
      password: TEST_PASSWORD,
      role: 'admin',
      departmentId: null,
    });
    const officer = await t.request<{ code: string }>('POST', '/api/auth/login', {
      body: { username: 'pw-officer', password: TEST_PASSWORD },
    });
    expect(officer.status).toBe(403);
    expect(officer.body.code).toBe('AUTH_PASSWORD_LOGIN_DISABLED');
    const admin = await t.request('POST', '/api/auth/login', {
      body: { username: 'pw-admin', password: TEST_PASSWORD },
    });
    expect(admin.status).toBe(200);
    expect((await t.request<SsoInfoDto>('GET', '/api/auth/sso')).body.passwordLogin).toBe(false);
  });

  it('signs in no unknown person when accounts are not created automatically', async () => {
    idp.accounts.set('u-new', { preferred_username: 'newbie', department: '商务部' });
    const start = await fetch(`${t.baseUrl}/api/auth/oidc/login`, { redirect: 'manual' });
    const cookie = (start.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    const callback = new URL(await signInAtIdp(start.headers.get('location') ?? '', 'u-new'));
    const finish = await fetch(`${t.baseUrl}${callback.pathname}${callback.search}`, {
      redirect: 'manual',
      headers: { cookie },
    });
    expect(finish.headers.get('location')).toBe(`${APP}/login?ssoError=SSO_ACCOUNT_UNKNOWN`);
  });
});
