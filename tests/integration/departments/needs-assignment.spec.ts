import { ReminderScheduler } from '../../../apps/api/src/reminders/reminder.scheduler';
import { ReminderTaskSource } from '../../../apps/api/src/reminders/reminder-task.source';
import { createTestApp, departmentByName, importFixture, loginAs, type TestApp } from '../support/harness';

/**
 * 待明确责任单位: an imported measure whose only lead is a collective party keeps that party as its lead
 * and waits for the 督查室 (its own file: every file starts from empty tables).
 */
const QUEUE_FIXTURE = `国务院关于测试待明确责任单位的通知

国发〔2099〕41号

一、重点任务

（一）梳理存量政策。全面清理过时文件，2020年底前完成。（各有关部门负责）

（二）推进属地落实。结合实际细化措施，2020年6月底前完成。（各地区负责，审计署参与）

（三）完善统计口径。健全统计指标体系，2020年底前完成。（国家统计局负责）

国务院
2099年1月5日
`;

describe('待明确责任单位 queue', () => {
  let t: TestApp;
  let supervisor: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await importFixture(t, QUEUE_FIXTURE, 'queue.txt');
    supervisor = await loginAs(t, 'supervisor');
    const rows = await t.dataSource.query<{ id: string; measure_key: string }[]>(
      `SELECT id, measure_key FROM tasks ORDER BY source_line`,
    );
    expect(rows).toHaveLength(3);
    [ids['collective'], ids['regions'], ids['real']] = rows.map((r) => r.id);
  });
  afterAll(() => t.close());

  const queue = async (): Promise<string[]> => {
    const res = await t.request<{ items: { id: string }[]; total: number }>(
      'GET',
      '/api/tasks?needsAssignment=true',
      { token: supervisor },
    );
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(res.body.items.length);
    return res.body.items.map((i) => i.id).sort();
  };

  it('a measure whose only lead is collective lands in the queue (its party kept as the lead)', async () => {
    expect(await queue()).toEqual([ids['collective'], ids['regions']].sort());
    const [lead] = await t.dataSource.query<{ name: string }[]>(
      `SELECT d.name FROM task_assignments a JOIN departments d ON d.id = a.department_id
        WHERE a.task_id = $1 AND a.role = 'lead'`,
      [ids['collective']],
    );
    expect(lead.name).toBe('各有关部门');
    const rest = await t.request<{ items: { id: string }[] }>('GET', '/api/tasks?needsAssignment=false', {
      token: supervisor,
    });
    expect(rest.body.items.map((i) => i.id)).toEqual([ids['real']]);
  });

  it('sends no reminder to a collective party; participants and 督查室 still get theirs', async () => {
    const scheduler = t.app.get(ReminderScheduler);
    const source = t.app.get(ReminderTaskSource);
    const recipients = async (id: string) =>
      (await scheduler.pendingFor((await source.load(id))!)).map((r) =>
        r.recipient.kind === 'department' ? r.recipient.departmentId : 'supervisors',
      );
    const collective = (await departmentByName(t, '各有关部门')).id;
    const regions = (await departmentByName(t, '各地区')).id;
    const auditOffice = (await departmentByName(t, '审计署')).id;
    const first = await recipients(ids['collective']);
    expect(first).not.toContain(collective);
    expect(first).toContain('supervisors');
    const second = await recipients(ids['regions']);
    expect(second).not.toContain(regions);
    expect(second).toContain(auditOffice);
  });

  it('leaves the queue when the 督查室 names a real lead', async () => {
    const statistics = (await departmentByName(t, '国家统计局')).id;
    const res = await t.request('POST', `/api/tasks/${ids['collective']}/departments`, {
      token: supervisor,
      body: { leadDepartmentIds: [statistics], participantDepartmentIds: [], reason: '明确牵头单位' },
    });
    expect(res.status).toBe(200);
    expect(await queue()).toEqual([ids['regions']]);
    const scheduler = t.app.get(ReminderScheduler);
    const task = await t.app.get(ReminderTaskSource).load(ids['collective']);
    const pending = await scheduler.pendingFor(task!);
    expect(
      pending.some((r) => r.recipient.kind === 'department' && r.recipient.departmentId === statistics),
    ).toBe(true);
  });
});
