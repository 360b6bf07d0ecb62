import type { DirectoryImportResultDto } from '@duban/domain';
import ExcelJS from 'exceljs';
import {
  createTestApp,
  departmentByName,
  importFixture,
  loginAs,
  seedDepartments,
  type TestApp,
} from '../support/harness';

const CSV = [
  '名称,简称,辖区,类别,继任单位',
  '杭州市发展和改革委员会,市发展改革委、市发改委,杭州市,地方,',
  '杭州市财政局,市财政局,杭州市,,',
  '"杭州市物价局",市物价局,杭州市,地方,杭州市发展和改革委员会',
  '',
].join('\r\n');

const HANGZHOU = `杭州市人民政府办公厅关于印发测试工作方案的通知

杭政办发〔2099〕21号

一、重点任务

（一）完善项目储备。建立重大项目库，2099年底前完成。（牵头单位：市发展改革委，配合单位：市财政局）

杭州市人民政府办公厅
2099年1月5日
`;

describe('POST /api/departments/import (a deployment directory from Excel/CSV)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDepartments(t);
    admin = await loginAs(t, 'admin');
  });
  afterAll(() => t.close());

  const upload = (bytes: Buffer, name: string, commit = false) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    return t.request<DirectoryImportResultDto & { code?: string; message?: string }>(
      'POST',
      `/api/departments/import${commit ? '?commit=true' : ''}`,
      { token: admin, body: form },
    );
  };
  const count = async () =>
    (await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM departments`))[0].n;

  it('previews a CSV (UTF-8 with BOM) row by row without writing', async () => {
    const before = await count();
    const res = await upload(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV)]), '名录.csv');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ valid: 3, invalid: 0, committed: false, created: 3 });
    expect(res.body.rows[1]).toMatchObject({
      line: 3,
      name: '杭州市财政局',
      shortNames: ['市财政局'],
      jurisdiction: '杭州市',
      kind: 'local',
      action: 'create',
      errors: [],
    });
    expect(await count()).toBe(before);
  });

  it('commits; the import of a 杭州市 document then resolves 市发展改革委 and 市财政局 to them', async () => {
    const res = await upload(Buffer.from(CSV), '名录.csv', true);
    expect(res.body).toMatchObject({ committed: true, created: 3 });
    const ndrc = await departmentByName(t, '杭州市发展和改革委员会');
    expect(ndrc).toMatchObject({ jurisdiction: '杭州市', kind: 'local', collective: false });
    expect((await departmentByName(t, '杭州市物价局')).successorId).toBe(ndrc.id);
    await importFixture(t, HANGZHOU, 'hz.txt');
    const rows = await t.dataSource.query<{ name: string; role: string }[]>(
      `SELECT d.name, a.role::text AS role FROM task_assignments a JOIN departments d ON d.id = a.department_id
         JOIN tasks t ON t.id = a.task_id JOIN policy_documents p ON p.id = t.document_id
        WHERE p.doc_number = '杭政办发〔2099〕21号' ORDER BY a.role = 'participant', a.position`,
    );
    expect(rows).toEqual([
      { name: '杭州市发展和改革委员会', role: 'lead' },
      { name: '杭州市财政局', role: 'participant' },
    ]);
    const again = await upload(Buffer.from(CSV), '名录.csv');
    expect(again.body.rows.map((r) => r.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('says what is wrong with each row (xlsx) and writes nothing, even with commit', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名录');
    sheet.addRows([
      ['名称', '简称', '辖区', '类别', '继任单位'],
      ['', '无名局', '宁波市', '地方', ''],
      ['宁波市商务局', '市商务局', '宁波市', '机关', ''],
      ['宁波市统计局', '发展改革委', '宁波市', '地方', ''],
      ['宁波市统计局', '', '宁波市', '地方', ''],
      ['宁波市粮食局', '', '宁波市', '地方', '宁波市不存在局'],
      ['宁波市审计局', '', '宁波市', '地方', '各有关部门'],
    ]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const before = await count();
    const res = await upload(bytes, '名录.xlsx', true);
    expect(res.status).toBe(200);
    expect(res.body.committed).toBe(false);
    expect(res.body.invalid).toBe(6);
    const errors = res.body.rows.map((r) => r.errors.join('；'));
    expect(errors[0]).toContain('名称不能为空');
    expect(errors[1]).toContain('类别“机关”无法识别');
    expect(errors[2]).toContain('“发展改革委”已是“国家发展和改革委员会”的名称或简称');
    expect(errors[3]).toContain('与第 4 行重名');
    expect(errors[4]).toContain('不在名录中');
    expect(errors[5]).toContain('是统称');
    expect(await count()).toBe(before);
  });

  it('refuses files it cannot read (415) and sheets without 名称 (400)', async () => {
    const binary = await upload(Buffer.from([0, 1, 2, 3, 0, 5]), 'x.bin');
    expect([binary.status, binary.body.code]).toEqual([415, 'DIRECTORY_NOT_TEXT']);
    const columns = await upload(Buffer.from('单位,简称\n某局,某\n'), 'x.csv');
    expect([columns.status, columns.body.code]).toEqual([400, 'DIRECTORY_MISSING_COLUMNS']);
    const json = await t.request<{ code: string }>('POST', '/api/departments/import', {
      token: admin,
      body: {},
    });
    expect(json.status).toBe(415);
  });
});
