/**
 * Issue 10: a labelled-field block (行动内容： numbered items, then 时间节点 / 责任部门) is ONE task, and its numbered
 * items reach that task as its 工作清单. The departments that report its progress tick the items off; a re-import
 * of a revised text keeps the ticks of unchanged items; everyone else is refused in zh-CN.
 */
import type { ChecklistItemDto, TaskDetailDto } from '@duban/domain';
import { createTestApp, importFixture, loginAs, truncateAll, type TestApp } from '../support/harness';

const documentText = (third: string): string => `国务院办公厅关于印发工作清单测试行动计划的通知

国办发〔2099〕7号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：

二、重点任务

（一）网络设施提升行动。

行动内容：

1．加快工业设备联网改造。支持企业改造现场设备。

2．推进企业内网升级。建设园区网络。

3．${third}

时间节点：2099年12月底前

责任部门：工业和信息化部、国家发展改革委

国务院办公厅
2098年1月5日
`;

const FIRST = documentText('开展企业外网建设。推动高质量外网接入。');
const REVISED = documentText('开展企业外网建设。推动高质量外网接入，探索建设交换中心。');

interface ApiError {
  code: string;
  message: string;
}

describe('import: a labelled-field block keeps its numbered items as the task’s 工作清单', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(() => truncateAll());
  afterAll(() => t.close());

  async function theTask(): Promise<string> {
    const rows = await t.dataSource.query<{ id: string }[]>('SELECT id FROM tasks');
    expect(rows).toHaveLength(1);
    return rows[0].id;
  }

  const tick = (token: string, id: string, index: number | string, body: unknown) =>
    t.request<TaskDetailDto | ApiError>('PUT', `/api/tasks/${id}/checklist/${index}`, { token, body });

  it('imports one task with three open items and lets a lead officer tick one off', async () => {
    const result = await importFixture(t, FIRST, 'plan.txt');
    expect(result).toMatchObject({ tasksCreated: 1 });
    const id = await theTask();
    const officer = await loginAs(t, 'officer', '工业和信息化部');

    const detail = await t.request<TaskDetailDto>('GET', `/api/tasks/${id}`, { token: officer });
    expect(detail.status).toBe(200);
    expect(detail.body.checklist.map((item: ChecklistItemDto) => [item.text, item.done])).toEqual([
      ['加快工业设备联网改造。支持企业改造现场设备。', false],
      ['推进企业内网升级。建设园区网络。', false],
      ['开展企业外网建设。推动高质量外网接入。', false],
    ]);

    const ticked = await tick(officer, id, 1, { done: true, version: detail.body.version });
    expect(ticked.status).toBe(200);
    const after = ticked.body as TaskDetailDto;
    expect(after.version).toBe(detail.body.version + 1);
    expect(after.checklist[1]).toMatchObject({ done: true, doneBy: '工业和信息化部' });
    expect(Date.parse(after.checklist[1].doneAt ?? '')).not.toBeNaN();
    expect(after.checklist.filter((item) => item.done)).toHaveLength(1);
    expect(after.history.map((h) => h.action)).toContain('task.checklist_ticked');

    // The same tick again changes nothing (a retried request is not a second change).
    const again = await tick(officer, id, 1, { done: true });
    expect((again.body as TaskDetailDto).version).toBe(after.version);
    // A stale version is a conflict, in zh-CN.
    const stale = await tick(officer, id, 0, { done: true, version: detail.body.version });
    expect(stale.status).toBe(409);
    expect((stale.body as ApiError).message).toContain('请刷新后重试');
  });

  it('refuses, in zh-CN, another department, the 督查室, a missing item, a bad index and a bad body', async () => {
    await importFixture(t, FIRST, 'plan.txt');
    const id = await theTask();
    const lead = await loginAs(t, 'officer', '工业和信息化部');
    const other = await loginAs(t, 'officer', '商务部');
    const supervisor = await loginAs(t, 'supervisor');

    const hidden = await tick(other, id, 0, { done: true });
    expect(hidden.status).toBe(404);
    expect((hidden.body as ApiError).message).toContain('不属于本部门');
    const forbidden = await tick(supervisor, id, 0, { done: true });
    expect(forbidden.status).toBe(403);
    expect((forbidden.body as ApiError).message).toContain('无权');
    const missing = await tick(lead, id, 7, { done: true });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      code: 'TASK_CHECKLIST_ITEM_NOT_FOUND',
      message: '工作清单没有第 8 项（共 3 项）。',
    });
    for (const index of ['x', '-1', '1.5']) {
      const bad = await tick(lead, id, index, { done: true });
      expect(bad.status, index).toBe(400);
      expect((bad.body as ApiError).message).toContain('工作清单序号');
    }
    const badBody = await tick(lead, id, 0, { done: '是' });
    expect(badBody.status).toBe(400);
    expect(JSON.stringify(badBody.body)).toContain('done 须为 true');

    const unchanged = await t.dataSource.query<{ checklist: ChecklistItemDto[] }[]>(
      'SELECT checklist FROM tasks',
    );
    expect(unchanged[0].checklist.every((item) => !item.done)).toBe(true);
  });

  it('a re-import of a revised text keeps the ticks of unchanged items; the changed item starts open', async () => {
    await importFixture(t, FIRST, 'plan.txt');
    const id = await theTask();
    const officer = await loginAs(t, 'officer', '国家发展和改革委员会');
    expect((await tick(officer, id, 0, { done: true })).status).toBe(200);
    expect((await tick(officer, id, 2, { done: true })).status).toBe(200);

    const result = await importFixture(t, REVISED, 'plan.txt');
    expect(result).toMatchObject({ tasksCreated: 0, tasksUpdated: 1 });
    const [row] = await t.dataSource.query<{ checklist: ChecklistItemDto[] }[]>(
      'SELECT checklist FROM tasks',
    );
    expect(row.checklist.map((item) => [item.text, item.done, item.doneBy])).toEqual([
      ['加快工业设备联网改造。支持企业改造现场设备。', true, '国家发展和改革委员会'],
      ['推进企业内网升级。建设园区网络。', false, null],
      ['开展企业外网建设。推动高质量外网接入，探索建设交换中心。', false, null],
    ]);
  });

  it('a closed task’s list can no longer change', async () => {
    await importFixture(t, FIRST, 'plan.txt');
    const id = await theTask();
    await t.dataSource.query(`UPDATE tasks SET status = 'done' WHERE id = $1`, [id]);
    const officer = await loginAs(t, 'officer', '工业和信息化部');
    const closed = await tick(officer, id, 0, { done: true });
    expect(closed.status).toBe(409);
    expect((closed.body as ApiError).message).toContain('不能再修改');
  });
});
