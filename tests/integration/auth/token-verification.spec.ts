import type { ApiErrorDto, MeDto } from '@duban/domain';
import jwt from 'jsonwebtoken';
import { IDENTITY_CACHE_MS } from '../../../apps/api/src/users/users.service';
import { createTestApp, loginAs, seedDepartments, type TestApp } from '../support/harness';

/** The guard verifies HS256 itself (one key object) and caches the account lookup for a few seconds. */
describe('bearer token verification', () => {
  let t: TestApp;
  let adminId: string;
  let sessionId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDepartments(t);
    await loginAs(t, 'admin');
    const [row] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE username = 'it-admin'`,
    );
    adminId = row?.id ?? '';
    const [session] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO user_sessions (user_id, last_seen_at, expires_at) VALUES ($1, now(), now() + interval '1 hour') RETURNING id`,
      [adminId],
    );
    sessionId = session?.id ?? '';
  });
  afterAll(() => t.close());

  const me = (token: string) => t.request<MeDto & ApiErrorDto>('GET', '/api/me', { token });
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  it('accepts a token signed with the secret, refuses another secret, another algorithm, expiry', async () => {
    const secret = t.config.auth.jwtSecret;
    const claims = { sub: adminId, sid: sessionId, role: 'admin' };
    expect((await me(jwt.sign(claims, secret, { expiresIn: 60 }))).status).toBe(200);
    const refused = [
      // No session, or another user's claim on this session.
      jwt.sign({ sub: adminId, role: 'admin' }, secret, { expiresIn: 60 }),
      jwt.sign({ ...claims, sub: '00000000-0000-4000-8000-000000000000' }, secret, { expiresIn: 60 }),
      jwt.sign(claims, 'some-other-secret', { expiresIn: 60 }),
      jwt.sign(claims, secret, { expiresIn: 60, algorithm: 'HS512' }),
      jwt.sign({ ...claims, exp: nowSeconds() - 1 }, secret),
      jwt.sign(claims, secret),
      `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, exp: nowSeconds() + 60 })).toString('base64url')}.`,
    ];
    for (const token of refused) {
      const res = await me(token);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('AUTH_TOKEN_INVALID');
    }
  });

  it('refuses a deactivated account within the identity cache time', async () => {
    const token = await loginAs(t, 'admin');
    expect((await t.request('GET', '/api/users', { token })).status).toBe(200);
    await t.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [adminId]);
    try {
      // /api/me reads the account itself, so it refuses at once even on a cached identity.
      expect((await me(token)).status).toBe(401);
      await new Promise((resolve) => setTimeout(resolve, IDENTITY_CACHE_MS + 200));
      const res = await t.request<ApiErrorDto>('GET', '/api/users', { token });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('AUTH_TOKEN_INVALID');
    } finally {
      await t.dataSource.query(`UPDATE users SET active = true WHERE id = $1`, [adminId]);
    }
  });
});
