import { extractBuffer, type DepartmentDto } from '@duban/domain';
import { ImportsService } from '../../../apps/api/src/imports/imports.service';
import { createTestApp, importFixture, loginAs, seedDepartments, type TestApp } from '../support/harness';

/** A municipal document: its issuer fixes the jurisdiction (杭州市人民政府办公厅 → 杭州市). */
const cityDocument = (
  city: string,
  number: number,
): string => `${city}人民政府办公厅关于印发测试工作方案的通知

${city.slice(0, 1)}政办发〔2099〕${number}号

一、重点任务

（一）完善项目储备。建立重大项目库，2099年底前完成。（牵头单位：市发展改革委，配合单位：市财政局）

${city}人民政府办公厅
2099年1月5日
`;

describe('jurisdiction-aware department resolution (the deployment directory, issue 10)', () => {
  let t: TestApp;
  let admin: string;
  const units: Record<string, DepartmentDto> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await seedDepartments(t);
    admin = await loginAs(t, 'admin');
    for (const [city, name] of [
      ['杭州市', '杭州市发展和改革委员会'],
      ['宁波市', '宁波市发展和改革委员会'],
    ] as const) {
      const res = await t.request<DepartmentDto>('POST', '/api/departments', {
        token: admin,
        body: { name, aliases: ['市发展改革委', '市发改委'], kind: 'local', jurisdiction: city },
      });
      // Every city has its 市发展改革委: a prefixed short name is unique within its jurisdiction only.
      expect(res.status).toBe(201);
      units[city] = res.body;
    }
  });
  afterAll(() => t.close());

  const leadOf = async (docNumber: string): Promise<string[]> => {
    const rows = await t.dataSource.query<{ name: string }[]>(
      `SELECT d.name FROM tasks t JOIN policy_documents p ON p.id = t.document_id
         JOIN task_assignments a ON a.task_id = t.id AND a.role = 'lead' JOIN departments d ON d.id = a.department_id
        WHERE p.doc_number = $1`,
      [docNumber],
    );
    return rows.map((r) => r.name);
  };

  it('refuses the same prefixed short name twice in one jurisdiction', async () => {
    const res = await t.request<{ code: string }>('POST', '/api/departments', {
      token: admin,
      body: { name: '杭州市发展改革研究中心', aliases: ['市发改委'], kind: 'local', jurisdiction: '杭州市' },
    });
    expect([res.status, res.body.code]).toEqual([409, 'DEPARTMENT_NAME_TAKEN']);
  });

  it('市发展改革委 in a 杭州市 document is 杭州市发展和改革委员会, in a 宁波市 one 宁波市’s', async () => {
    await importFixture(t, cityDocument('杭州市', 11), 'hz.txt');
    await importFixture(t, cityDocument('宁波市', 12), 'nb.txt');
    expect(await leadOf('杭政办发〔2099〕11号')).toEqual(['杭州市发展和改革委员会']);
    expect(await leadOf('宁政办发〔2099〕12号')).toEqual(['宁波市发展和改革委员会']);
  });

  it('a city the directory does not know keeps the name as written, flagged, never a ministry', async () => {
    const text = cityDocument('温州市', 13);
    const preview = await t.app
      .get(ImportsService)
      .buildPreview(extractBuffer(Buffer.from(text), 'wz.txt'), 'wz.txt');
    expect(preview.measures[0]?.unknownDepartments).toContain('市发展改革委');
    const hz = await t.app
      .get(ImportsService)
      .buildPreview(extractBuffer(Buffer.from(cityDocument('杭州市', 14)), 'hz2.txt'), 'hz2.txt');
    expect(hz.measures[0]?.unknownDepartments).not.toContain('市发展改革委');
    await importFixture(t, text, 'wz.txt');
    const [lead] = await leadOf('温政办发〔2099〕13号');
    expect(lead).toBe('市发展改革委');
    expect(lead).not.toBe('国家发展和改革委员会');
  });
});
