import type { LoginResponseDto } from '@duban/domain';
import { departmentSlug } from '../../../apps/api/src/departments/department-slug';
import { SeedService } from '../../../apps/api/src/users/seed.service';
import { FIXTURE_A, UNKNOWN_DEPARTMENT } from '../imports/fixtures';
import { createTestApp, importFixture, TEST_PASSWORD, truncateAll, type TestApp } from '../support/harness';

const login = (t: TestApp, username: string, password: string) =>
  t.request<LoginResponseDto>('POST', '/api/auth/login', { body: { username, password } });

describe('seed accounts', () => {
  describe('with SEED_PASSWORD', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
      await truncateAll();
      await importFixture(t, FIXTURE_A);
    });
    afterAll(() => t.close());

    it('creates the supervisor, the admin and one officer per department named by a task', async () => {
      const result = await t.app.get(SeedService).seed();
      expect(result.generatedPassword).toBeNull();
      const officers = result.created.filter((u) => u.role === 'officer').map((u) => u.displayName);
      expect(officers.sort()).toEqual(
        ['国家发展和改革委员会', '商务部', '财政部', UNKNOWN_DEPARTMENT, '审计署'].sort(),
      );
      expect(result.created.filter((u) => u.role !== 'officer').map((u) => u.username)).toEqual([
        'duchashi',
        'admin',
      ]);
      const supervisor = await login(t, 'duchashi', TEST_PASSWORD);
      expect(supervisor.body.user).toMatchObject({ role: 'supervisor', displayName: '督查室' });
      const officer = await login(t, `dept-${departmentSlug('商务部')}`, TEST_PASSWORD);
      expect(officer.body.user).toMatchObject({
        role: 'officer',
        displayName: '商务部',
        department: { name: '商务部' },
      });
    });

    it('is idempotent and leaves existing accounts alone', async () => {
      const again = await t.app.get(SeedService).seed();
      expect(again.created).toEqual([]);
      expect(again.existing).toBe(7);
    });
  });

  describe('without SEED_PASSWORD', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ seed: { password: null } });
      await truncateAll();
    });
    afterAll(() => t.close());

    it('generates one password, returns it once, and never resets it', async () => {
      const first = await t.app.get(SeedService).seed();
      expect(first.generatedPassword).toMatch(/^[A-Za-z0-9]{12}$/);
      expect(first.created.map((u) => u.username)).toEqual(['duchashi', 'admin']);
      const second = await t.app.get(SeedService).seed();
      expect(second.generatedPassword).toBeNull();
      expect((await login(t, 'admin', first.generatedPassword ?? '')).status).toBe(200);
    });
  });
});
