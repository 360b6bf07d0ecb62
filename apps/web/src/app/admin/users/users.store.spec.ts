import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { UserDto } from '@duban/domain/contract';
import { UsersStore } from './users.store';

function aUserRow(overrides: Partial<UserDto> = {}): UserDto {
  return {
    id: 'u-1',
    username: 'zhang.wei',
    displayName: '张伟',
    role: 'officer',
    department: { id: 'dep-1', name: '国家发展和改革委员会' },
    isHead: false,
    email: null,
    phone: null,
    mustChangePassword: false,
    active: true,
    ...overrides,
  };
}

describe('UsersStore', () => {
  let store: UsersStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), UsersStore],
    });
    store = TestBed.inject(UsersStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('keeps only the answer to the newest search', async () => {
    const older = store.load('张');
    const newer = store.load('张伟');
    const [first, second] = http.match((r) => r.url === '/api/users');
    expect(second?.request.params.get('q')).toBe('张伟');
    second?.flush({ items: [aUserRow()], total: 1, page: 1, pageSize: 500 });
    first?.flush({
      items: [aUserRow({ id: 'u-2' }), aUserRow({ id: 'u-3' })],
      total: 2,
      page: 1,
      pageSize: 500,
    });
    await Promise.all([older, newer]);
    expect(store.users().map((u) => u.id)).toEqual(['u-1']);
    expect(store.total()).toBe(1);
  });

  it('adds a created account to the list and hands its one-time password back once', async () => {
    const creating = store.create({ username: 'li.na', displayName: '李娜', role: 'supervisor' });
    http.expectOne({ method: 'POST', url: '/api/users' }).flush({
      user: aUserRow({
        id: 'u-9',
        username: 'li.na',
        role: 'supervisor',
        department: null,
        mustChangePassword: true,
      }),
      temporaryPassword: 'Ab3d-Ef5h-Jk7m-Np',
    });
    const created = await creating;
    expect(created.temporaryPassword).toBe('Ab3d-Ef5h-Jk7m-Np');
    expect(store.users()[0]?.username).toBe('li.na');
    expect(JSON.stringify(store.users())).not.toContain('Ab3d');
  });

  it('passes the API message of a refused creation to the dialog', async () => {
    const creating = store.create({ username: 'taken', displayName: '甲', role: 'supervisor' });
    http
      .expectOne('/api/users')
      .flush(
        { statusCode: 409, code: 'USER_USERNAME_TAKEN', message: '用户名“taken”已被使用，请换一个。' },
        { status: 409, statusText: 'Conflict' },
      );
    await expect(creating).rejects.toMatchObject({ status: 409 });
    expect(store.users()).toEqual([]);
  });

  it('deactivates and says the sessions ended; a reset marks the account as waiting for its password', async () => {
    store.users.set([aUserRow()]);
    const stopping = store.setActive(aUserRow(), false);
    http
      .expectOne({ method: 'POST', url: '/api/users/u-1/deactivate' })
      .flush(null, { status: 204, statusText: 'No Content' });
    expect(await stopping).toBe(true);
    expect(store.users()[0]?.active).toBe(false);
    expect(store.message()).toContain('已停用 zhang.wei');

    const resetting = store.resetPassword(aUserRow());
    http
      .expectOne('/api/users/u-1/reset-password')
      .flush({ username: 'zhang.wei', temporaryPassword: 'Zz9y-Xx8w-Vv7u-Tt' });
    expect((await resetting)?.temporaryPassword).toBe('Zz9y-Xx8w-Vv7u-Tt');
    expect(store.users()[0]?.mustChangePassword).toBe(true);
  });

  it('checks a sheet with dryRun and reloads the list after an import', async () => {
    const file = new File([new Uint8Array([0x50, 0x4b, 3, 4])], '用户.xlsx');
    const checking = store.importSheet(file, true);
    const dry = http.expectOne((r) => r.url === '/api/users/import');
    expect(dry.request.params.get('dryRun')).toBe('true');
    expect(dry.request.body).toBeInstanceOf(FormData);
    dry.flush({ dryRun: true, rows: [], errorRows: 0, created: [] });
    await checking;

    const importing = store.importSheet(file, false);
    http
      .expectOne((r) => r.url === '/api/users/import' && r.params.get('dryRun') === 'false')
      .flush({
        dryRun: false,
        rows: [],
        errorRows: 0,
        created: [{ username: 'li.na', displayName: '李娜', temporaryPassword: 'x' }],
      });
    await Promise.resolve();
    await Promise.resolve();
    http
      .expectOne((r) => r.url === '/api/users')
      .flush({ items: [aUserRow()], total: 1, page: 1, pageSize: 500 });
    await importing;
    expect(store.message()).toBe('已导入 1 个账号');
  });
});
