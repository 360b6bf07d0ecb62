import { DEPARTMENTS, type DepartmentDto, type PolicyDocumentDto } from '@duban/domain';
import { DepartmentsService } from '../../../apps/api/src/departments/departments.service';
import {
  createTestApp,
  departmentByName,
  importFixture,
  loginAs,
  seedDepartments,
  type TestApp,
} from '../support/harness';
import { FIXTURE_A, FIXTURE_B } from '../imports/fixtures';

describe('departments and documents', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDepartments(t);
  });
  afterAll(() => t.close());

  it('seeds every registry unit once; a second sync inserts nothing', async () => {
    const [count] = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM departments`);
    expect(count?.n).toBe(new Set(DEPARTMENTS.map((d) => d.name)).size);
    expect(await t.app.get(DepartmentsService).syncRegistry()).toBe(0);
  });

  it('keeps aliases added at import across a registry sync', async () => {
    const unit = await departmentByName(t, '商务部');
    await t.app.get(DepartmentsService).addAlias(unit.id, '商务部门（测试别名）');
    await t.app.get(DepartmentsService).syncRegistry();
    expect((await departmentByName(t, '商务部')).aliases).toContain('商务部门（测试别名）');
  });

  it('GET /api/departments lists units with kind, aliases and reorganisation links', async () => {
    const token = await loginAs(t, 'supervisor');
    const res = await t.request<DepartmentDto[]>('GET', '/api/departments', { token });
    expect(res.status).toBe(200);
    const reorganised = DEPARTMENTS.find((d) => d.successors?.length);
    expect(reorganised).toBeDefined();
    const dto = res.body.find((d) => d.name === reorganised?.name);
    expect(dto?.successor?.name).toBe(reorganised?.successors?.[0]);
    const successor = res.body.find((d) => d.name === reorganised?.successors?.[0]);
    expect(successor?.predecessors.map((p) => p.name)).toContain(reorganised?.name);
    const commerce = res.body.find((d) => d.name === '商务部');
    expect(commerce).toMatchObject({ kind: 'ministry', createdFromImport: false });
  });

  it('GET /api/documents: supervisors see every document, officers only those with their tasks', async () => {
    await importFixture(t, FIXTURE_A, 'a.txt');
    await importFixture(t, FIXTURE_B, 'b.txt');
    const supervisor = await loginAs(t, 'supervisor');
    const all = await t.request<PolicyDocumentDto[]>('GET', '/api/documents', { token: supervisor });
    expect(all.body.map((d) => d.docNumber).sort()).toEqual(['国办发〔2099〕3号', '国发〔2099〕7号']);
    const officer = await loginAs(t, 'officer', '公安部');
    const mine = await t.request<PolicyDocumentDto[]>('GET', '/api/documents', { token: officer });
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual([expect.objectContaining({ docNumber: '国办发〔2099〕3号', taskCount: 1 })]);
    const auditor = await loginAs(t, 'officer', '审计署');
    const theirs = await t.request<PolicyDocumentDto[]>('GET', '/api/documents', { token: auditor });
    expect(theirs.body.map((d) => d.docNumber)).toEqual(['国发〔2099〕7号']);
  });
});
