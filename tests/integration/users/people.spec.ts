import type {
  ApiErrorDto,
  CreatedUserDto,
  LoginResponseDto,
  MeDto,
  UserDto,
  UserImportResultDto,
} from '@duban/domain';
import ExcelJS from 'exceljs';
import {
  createTestApp,
  departmentByName,
  loginAs,
  resetLoginThrottle,
  seedDepartments,
  TEST_PASSWORD,
  type TestApp,
} from '../support/harness';

const NEW_PASSWORD = 'river-stone-42';
const MAX_BYTES = 64 * 1024;

async function sheet(
  rows: (string | number)[][],
  header = ['用户名', '姓名', '角色', '所属部门', '邮箱', '手机'],
) {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('用户');
  ws.addRow(header);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function upload(bytes: Buffer, fileName = '用户.xlsx'): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
  return form;
}

describe('people: accounts administered by admins', () => {
  let t: TestApp;
  let admin: string;
  let officer: string;
  let supervisor: string;
  let ndrcId: string;

  beforeAll(async () => {
    t = await createTestApp({ config: { import: { maxBytes: MAX_BYTES } } });
    await seedDepartments(t);
    admin = await loginAs(t, 'admin');
    supervisor = await loginAs(t, 'supervisor');
    officer = await loginAs(t, 'officer', '商务部');
    ndrcId = (await departmentByName(t, '国家发展和改革委员会')).id;
  });
  afterAll(() => t.close());
  beforeEach(() => resetLoginThrottle(t));

  const create = (body: Record<string, unknown>, token = admin) =>
    t.request<CreatedUserDto & ApiErrorDto>('POST', '/api/users', { token, body });
  const login = (username: string, password: string) =>
    t.request<LoginResponseDto & ApiErrorDto>('POST', '/api/auth/login', { body: { username, password } });

  /** Creates an officer of 发改委 and logs in with a password of their own; returns the account and token. */
  async function readyOfficer(username: string): Promise<{ user: UserDto; token: string }> {
    const created = await create({ username, displayName: '王芳', role: 'officer', departmentId: ndrcId });
    expect(created.status).toBe(201);
    const first = await login(username, created.body.temporaryPassword);
    const token = first.body.accessToken;
    const changed = await t.request('POST', '/api/auth/password', {
      token,
      body: { currentPassword: created.body.temporaryPassword, newPassword: NEW_PASSWORD },
    });
    expect(changed.status).toBe(204);
    return { user: created.body.user, token };
  }

  it('creates a person with a one-time password that must be changed at the first login', async () => {
    const created = await create({
      username: 'zhang.wei',
      displayName: ' 张伟 ',
      role: 'officer',
      departmentId: ndrcId,
      isHead: true,
      email: 'zhang.wei@example.gov.cn',
      phone: '13800138000',
    });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({
      username: 'zhang.wei',
      displayName: '张伟',
      role: 'officer',
      isHead: true,
      department: { id: ndrcId, name: '国家发展和改革委员会' },
      email: 'zhang.wei@example.gov.cn',
      phone: '13800138000',
      active: true,
      mustChangePassword: true,
    });
    expect(created.body.temporaryPassword).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{1,4}){3}$/);
    const [audit] = await t.dataSource.query<{ actor_name: string; detail: { username: string } }[]>(
      `SELECT actor_name, detail FROM audit_log WHERE action = 'user.created'`,
    );
    expect(audit).toMatchObject({ actor_name: 'it-admin', detail: { username: 'zhang.wei' } });
    expect(JSON.stringify(audit)).not.toContain(created.body.temporaryPassword);

    const first = await login('zhang.wei', created.body.temporaryPassword);
    expect(first.status).toBe(200);
    expect(first.body.user.mustChangePassword).toBe(true);
    const token = first.body.accessToken;
    const blocked = await t.request<ApiErrorDto>('GET', '/api/tasks', { token });
    expect([blocked.status, blocked.body.code]).toEqual([403, 'AUTH_PASSWORD_CHANGE_REQUIRED']);
    const changed = await t.request('POST', '/api/auth/password', {
      token,
      body: { currentPassword: created.body.temporaryPassword, newPassword: NEW_PASSWORD },
    });
    expect(changed.status).toBe(204);
    expect((await t.request('GET', '/api/tasks', { token })).status).toBe(200);
    const me = await t.request<MeDto>('GET', '/api/me', { token });
    expect(me.body).toMatchObject({ displayName: '张伟', isHead: true, mustChangePassword: false });
    expect((await login('zhang.wei', created.body.temporaryPassword)).status).toBe(401);
  });

  it('refuses a taken username with 409 and bad fields with 400, in zh-CN', async () => {
    await create({ username: 'taken', displayName: '甲', role: 'supervisor' });
    const duplicate = await create({ username: 'taken', displayName: '乙', role: 'supervisor' });
    expect([duplicate.status, duplicate.body.code]).toEqual([409, 'USER_USERNAME_TAKEN']);
    expect(duplicate.body.message).toContain('已被使用');

    const collective = await departmentByName(t, '各有关部门');
    const cases: [Record<string, unknown>, string][] = [
      [{ username: 'no-dept', displayName: '丙', role: 'officer' }, 'USER_DEPARTMENT_REQUIRED'],
      [{ username: 'Upper', displayName: '丙', role: 'supervisor' }, 'USER_USERNAME_INVALID'],
      [{ username: 'x', displayName: '丙', role: 'supervisor' }, 'USER_USERNAME_INVALID'],
      // NUL is refused for every route before the body reaches a handler; other controls by the name rule.
      [{ username: 'nul', displayName: '丙\u0000', role: 'supervisor' }, 'INPUT_UNSTORABLE_CHARACTER'],
      [{ username: 'bell', displayName: '丙\u0007', role: 'supervisor' }, 'USER_DISPLAY_NAME_INVALID'],
      [{ username: 'mail', displayName: '丙', role: 'supervisor', email: 'nope@' }, 'USER_EMAIL_INVALID'],
      [{ username: 'tel', displayName: '丙', role: 'supervisor', phone: 'call me' }, 'USER_PHONE_INVALID'],
      [
        { username: 'group', displayName: '丙', role: 'officer', departmentId: collective.id },
        'USER_DEPARTMENT_COLLECTIVE',
      ],
      [
        {
          username: 'ghost',
          displayName: '丙',
          role: 'officer',
          departmentId: '00000000-0000-4000-8000-000000000000',
        },
        'USER_DEPARTMENT_NOT_FOUND',
      ],
      [{ username: 'head', displayName: '丙', role: 'supervisor', isHead: true }, 'USER_HEAD_NOT_OFFICER'],
      [{ username: 'role', displayName: '丙', role: 'root' }, 'VALIDATION_FAILED'],
    ];
    for (const [body, code] of cases) {
      const res = await create(body);
      expect([body.username, res.status, res.body.code]).toEqual([body.username, 400, code]);
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/u);
    }
    const [{ n }] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM users WHERE username IN ('no-dept', 'nul', 'bell', 'group', 'ghost', 'head')`,
    );
    expect(n).toBe(0);
  });

  it('gives officers and supervisors 403 on every administration route', async () => {
    const { user } = await readyOfficer('target');
    const template = await sheet([['someone', '某人', '经办人', '发改委', '', '']]);
    for (const token of [officer, supervisor]) {
      const calls = [
        await create({ username: 'sneaky', displayName: '甲', role: 'admin' }, token),
        await t.request('PATCH', `/api/users/${user.id}`, { token, body: { role: 'admin' } }),
        await t.request('POST', '/api/users/import?dryRun=true', { token, body: upload(template) }),
        await t.request('POST', '/api/users/import', { token, body: upload(template) }),
        await t.request('GET', '/api/users/import/template', { token }),
        await t.request('POST', `/api/users/${user.id}/reset-password`, { token }),
      ];
      expect(calls.map((c) => c.status)).toEqual([403, 403, 403, 403, 403, 403]);
    }
    expect(await t.dataSource.query(`SELECT 1 FROM users WHERE username IN ('sneaky', 'someone')`)).toEqual(
      [],
    );
    expect((await login('target', NEW_PASSWORD)).status).toBe(200);
  });

  it("never lets one person change another's password", async () => {
    const a = await readyOfficer('person-a');
    const b = await readyOfficer('person-b');
    // The change route has no "whose" field: naming another account is refused outright …
    const tryB = await t.request<ApiErrorDto>('POST', '/api/auth/password', {
      token: a.token,
      body: { currentPassword: NEW_PASSWORD, newPassword: 'taken-over-99', userId: b.user.id },
    });
    expect(tryB.status).toBe(400);
    // … and a change always lands on the caller's own account (both had the same password).
    const own = await t.request('POST', '/api/auth/password', {
      token: a.token,
      body: { currentPassword: NEW_PASSWORD, newPassword: 'taken-over-99' },
    });
    expect(own.status).toBe(204);
    expect((await login('person-a', 'taken-over-99')).status).toBe(200);
    const reset = await t.request('POST', `/api/users/${b.user.id}/reset-password`, { token: a.token });
    expect(reset.status).toBe(403);
    const patch = await t.request('PATCH', '/api/me', {
      token: a.token,
      body: { id: b.user.id, phone: '110' },
    });
    expect(patch.status).toBe(400);
    expect((await login('person-b', NEW_PASSWORD)).status).toBe(200);
    expect((await login('person-b', 'taken-over-99')).status).toBe(401);
  });

  it('edits a person; a role or department change ends their sessions at once', async () => {
    const { user, token } = await readyOfficer('mover');
    const contact = await t.request<UserDto>('PATCH', `/api/users/${user.id}`, {
      token: admin,
      body: { displayName: '王芳芳', phone: '010-12345678', email: 'wf@example.gov.cn' },
    });
    expect(contact.status).toBe(200);
    expect(contact.body).toMatchObject({
      displayName: '王芳芳',
      phone: '010-12345678',
      email: 'wf@example.gov.cn',
    });
    const cleared = await t.request<UserDto>('PATCH', `/api/users/${user.id}`, {
      token: admin,
      body: { email: ' ' },
    });
    expect(cleared.body.email).toBeNull();
    expect((await t.request('GET', '/api/me', { token })).status).toBe(200);

    const commerce = await departmentByName(t, '商务部');
    const moved = await t.request<UserDto>('PATCH', `/api/users/${user.id}`, {
      token: admin,
      body: { departmentId: commerce.id, isHead: true },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ department: { id: commerce.id }, isHead: true });
    expect((await t.request<ApiErrorDto>('GET', '/api/me', { token })).status).toBe(401);

    const second = (await login('mover', NEW_PASSWORD)).body.accessToken;
    const promoted = await t.request<UserDto>('PATCH', `/api/users/${user.id}`, {
      token: admin,
      body: { role: 'supervisor' },
    });
    // Leaving the officers drops the department and 负责人.
    expect(promoted.body).toMatchObject({ role: 'supervisor', department: null, isHead: false });
    expect((await t.request('GET', '/api/me', { token: second })).status).toBe(401);
    const relogged = await login('mover', NEW_PASSWORD);
    expect(relogged.body.user.role).toBe('supervisor');

    const back = await t.request<ApiErrorDto>('PATCH', `/api/users/${user.id}`, {
      token: admin,
      body: { role: 'officer' },
    });
    expect([back.status, back.body.code]).toEqual([400, 'USER_DEPARTMENT_REQUIRED']);
    const actions = await t.dataSource.query<{ detail: { changed: string[] } }[]>(
      `SELECT detail FROM audit_log WHERE action = 'user.updated' AND detail->>'userId' = $1 ORDER BY at`,
      [user.id],
    );
    expect(actions.map((a) => a.detail.changed)).toEqual([
      ['displayName', 'email', 'phone'],
      ['email'],
      ['departmentId', 'isHead'],
      ['role', 'departmentId', 'isHead'],
    ]);
    const meId = (await t.request<MeDto>('GET', '/api/me', { token: admin })).body.id;
    const self = await t.request<ApiErrorDto>('PATCH', `/api/users/${meId}`, {
      token: admin,
      body: { role: 'officer', departmentId: ndrcId },
    });
    expect([self.status, self.body.code]).toEqual([400, 'USER_SELF_ROLE']);
    expect(
      (await t.request('PATCH', `/api/users/${user.id}`, { token: admin, body: { username: 'x' } })).status,
    ).toBe(400);
  });

  it('lets every user change their own e-mail and phone, nothing else', async () => {
    for (const token of [officer, supervisor, admin]) {
      const saved = await t.request<MeDto>('PATCH', '/api/me', {
        token,
        body: { email: ' me@example.gov.cn ', phone: '13900139000' },
      });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ email: 'me@example.gov.cn', phone: '13900139000' });
      expect((await t.request<MeDto>('GET', '/api/me', { token })).body.email).toBe('me@example.gov.cn');
    }
    const bad = await t.request<ApiErrorDto>('PATCH', '/api/me', { token: officer, body: { email: 'a@b' } });
    expect([bad.status, bad.body.code]).toEqual([400, 'USER_EMAIL_INVALID']);
    for (const body of [{ displayName: '改名' }, { role: 'admin' }, { departmentId: ndrcId }]) {
      expect((await t.request('PATCH', '/api/me', { token: officer, body })).status).toBe(400);
    }
    const cleared = await t.request<MeDto>('PATCH', '/api/me', { token: officer, body: { phone: null } });
    expect(cleared.body).toMatchObject({ phone: null, email: 'me@example.gov.cn' });
    expect((await t.request('PATCH', '/api/me', { body: { phone: '1' } })).status).toBe(401);
  });

  describe('bulk import from Excel', () => {
    it('serves the template with the columns the import reads', async () => {
      const res = await t.request<Buffer>('GET', '/api/users/import/template', { token: admin });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain('user-template.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
      expect(workbook.worksheets[0]?.getRow(1).values).toEqual([
        undefined,
        '用户名',
        '姓名',
        '角色',
        '所属部门',
        '邮箱',
        '手机',
      ]);
    });

    it('checks every row, creates nothing on a dry run and the good rows on commit', async () => {
      await create({ username: 'exists', displayName: '已有', role: 'supervisor' });
      const bytes = await sheet([
        ['liu.yang', '刘洋', '部门负责人', '发改委', 'liu.yang@example.gov.cn', '13800000001'],
        ['chen.jing', '陈静', '经办人', '商务部', '', 13800000002],
        ['bad.dept', '赵磊', '经办人', '不存在的委员会', 'zhao@', ''],
        ['liu.yang', '刘洋二', '督查室', '', '', ''],
        ['exists', '孙丽', '管理员', '', '', ''],
        ['', '', '', '', '', ''],
        ['group', '周强', '部长', '各有关部门', '', ''],
        ['dcs.two', '吴敏', '督查室', '', '', ''],
      ]);
      const before = await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM users');
      const dry = await t.request<UserImportResultDto>('POST', '/api/users/import?dryRun=true', {
        token: admin,
        body: upload(bytes),
      });
      expect(dry.status).toBe(200);
      expect(dry.body).toMatchObject({ dryRun: true, errorRows: 4, created: [] });
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM users')).toEqual(before);
      const byRow = Object.fromEntries(dry.body.rows.map((r) => [r.row, r]));
      expect(byRow[2]).toMatchObject({
        role: 'officer',
        isHead: true,
        department: { name: '国家发展和改革委员会' },
        errors: [],
      });
      expect(byRow[3]).toMatchObject({ phone: '13800000002', errors: [] });
      expect(byRow[4]?.errors.join()).toContain('没有找到部门“不存在的委员会”');
      expect(byRow[4]?.errors.join()).toContain('邮箱“zhao@”格式不正确');
      expect(byRow[5]?.errors).toEqual(['用户名“liu.yang”与第 2 行重复。']);
      expect(byRow[6]?.errors).toEqual(['用户名“exists”已被使用，请换一个。']);
      expect(byRow[7]).toBeUndefined();
      expect(byRow[8]?.errors.join()).toContain('角色“部长”无法识别');
      expect(byRow[9]?.errors).toEqual([]);

      const commit = await t.request<UserImportResultDto>('POST', '/api/users/import', {
        token: admin,
        body: upload(bytes),
      });
      expect(commit.status).toBe(200);
      expect(commit.body.created.map((c) => c.username)).toEqual(['liu.yang', 'chen.jing', 'dcs.two']);
      const liu = commit.body.created[0];
      const first = await login('liu.yang', liu.temporaryPassword);
      expect(first.status).toBe(200);
      expect(first.body.user).toMatchObject({ displayName: '刘洋', isHead: true, mustChangePassword: true });
      const [audit] = await t.dataSource.query<{ detail: { usernames: string[] } }[]>(
        `SELECT detail FROM audit_log WHERE action = 'user.imported'`,
      );
      expect(audit?.detail.usernames).toEqual(['liu.yang', 'chen.jing', 'dcs.two']);

      const again = await t.request<UserImportResultDto>('POST', '/api/users/import', {
        token: admin,
        body: upload(bytes),
      });
      expect(again.body.created).toEqual([]);
      expect(again.body.rows.find((r) => r.row === 2)?.errors).toEqual([
        '用户名“liu.yang”已被使用，请换一个。',
      ]);
    });

    it('refuses a wrong, broken, oversized or column-less file with 400 in zh-CN', async () => {
      const cases: [Buffer, string, string][] = [
        [Buffer.from('用户名,姓名\u0000\u0000\nzhang,张\n'), '用户.csv', 'USER_IMPORT_NOT_XLSX'],
        [
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
          '用户.xls',
          'USER_IMPORT_NOT_XLSX',
        ],
        [
          Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200)]),
          '坏.xlsx',
          'USER_IMPORT_UNREADABLE',
        ],
        [Buffer.alloc(0), '空.xlsx', 'USER_IMPORT_EMPTY'],
        [Buffer.alloc(MAX_BYTES + 10, 1), '大.xlsx', 'USER_IMPORT_TOO_LARGE'],
        [await sheet([['a', 'b']], ['名字', '部门']), '列.xlsx', 'USER_IMPORT_MISSING_COLUMNS'],
        [await sheet([]), '无行.xlsx', 'USER_IMPORT_NO_ROWS'],
      ];
      for (const [bytes, name, code] of cases) {
        const res = await t.request<ApiErrorDto>('POST', '/api/users/import', {
          token: admin,
          body: upload(bytes, name),
        });
        expect([name, res.status, res.body.code]).toEqual([name, 400, code]);
        expect(res.body.message).toMatch(/[\u4e00-\u9fff]/u);
      }
      const json = await t.request<ApiErrorDto>('POST', '/api/users/import', {
        token: admin,
        body: { file: 'x' },
      });
      expect([json.status, json.body.code]).toEqual([400, 'USER_IMPORT_NOT_MULTIPART']);
      const flag = await t.request<ApiErrorDto>('POST', '/api/users/import?dryRun=yes', {
        token: admin,
        body: upload(await sheet([['a1', '甲', '督查室']])),
      });
      expect(flag.status).toBe(400);
    });
  });

  it('keeps the seeded test password working for the accounts loginAs made', async () => {
    expect((await login('it-admin', TEST_PASSWORD)).status).toBe(200);
  });
});
