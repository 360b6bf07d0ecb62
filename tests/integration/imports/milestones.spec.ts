/**
 * Issue 10: what the extractor reads beyond the final date reaches the task. A measure with dated steps keeps
 * each earlier step as a milestone (the task page shows them), a recurring duty keeps its period, and a
 * re-import of a revised text rewrites both.
 */
import type { MilestoneDto } from '@duban/domain';
import type { TaskDetailDto } from '@duban/domain';
import { createTestApp, importFixture, loginAs, truncateAll, type TestApp } from '../support/harness';

const documentText = (steps: string): string => `国务院关于开展督办阶段测试工作的通知

国发〔2099〕9号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：

一、完善工作机制

（一）推进阶段试点工作。${steps}（国家发展改革委负责）

（二）定期报送阶段进展。每季度报送工作进展情况。（财政部负责）

（三）按期完成阶段总结。2099年6月底前完成。（审计署负责）

国务院
2098年1月5日
`;

const FIRST = documentText('2098年广泛开展试点，2099年12月底前全面完成。');
const REVISED = documentText('2098年6月底前制定方案，2098年底前开展试点，2099年12月底前全面完成。');

interface Row {
  title: string;
  deadline: string | null;
  deadline_kind: string | null;
  recurrence: string | null;
  milestones: MilestoneDto[];
}

const rows = (t: TestApp) =>
  t.dataSource.query<Row[]>(
    `SELECT title, to_char(deadline, 'YYYY-MM-DD') AS deadline, deadline_kind, recurrence, milestones
       FROM tasks ORDER BY source_line`,
  );

describe('import: milestones and recurring duties', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(() => truncateAll());
  afterAll(() => t.close());

  it('stores the earlier dated steps as milestones and a recurring duty with its period', async () => {
    await importFixture(t, FIRST, 'steps.txt');
    expect(await rows(t)).toEqual([
      {
        title: '推进阶段试点工作',
        deadline: '2099-12-31',
        deadline_kind: 'date',
        recurrence: null,
        milestones: [{ date: '2098-12-31', text: '2098年广泛开展试点' }],
      },
      {
        title: '定期报送阶段进展',
        deadline: null,
        deadline_kind: 'ongoing',
        recurrence: 'quarter',
        milestones: [],
      },
      {
        title: '按期完成阶段总结',
        deadline: '2099-06-30',
        deadline_kind: 'date',
        recurrence: null,
        milestones: [],
      },
    ]);
  });

  it('a revised text rewrites the milestones of the task in place', async () => {
    await importFixture(t, FIRST, 'steps.txt');
    const result = await importFixture(t, REVISED, 'steps.txt');
    expect(result).toMatchObject({ tasksCreated: 0, tasksUpdated: 1 });
    const [first, second] = await rows(t);
    expect(first?.milestones).toEqual([
      { date: '2098-06-30', text: '2098年6月底前制定方案' },
      { date: '2098-12-31', text: '2098年底前开展试点' },
    ]);
    expect(second?.recurrence).toBe('quarter');
  });

  it('the task page says when a recurring duty’s next report is due: the end of its quarter', async () => {
    await importFixture(t, FIRST, 'steps.txt');
    const tasks = await t.dataSource.query<{ id: string; title: string }[]>('SELECT id, title FROM tasks');
    const id = (title: string): string => tasks.find((task) => task.title === title)?.id ?? '';
    // Created on 10 February: the first quarterly report is due when the quarter ends.
    await t.dataSource.query(`UPDATE tasks SET created_at = '2098-02-10T02:00:00Z' WHERE id = $1`, [
      id('定期报送阶段进展'),
    ]);
    const supervisor = await loginAs(t, 'supervisor');
    const detail = (taskId: string) =>
      t.request<TaskDetailDto>('GET', `/api/tasks/${taskId}`, { token: supervisor });
    expect((await detail(id('定期报送阶段进展'))).body.nextReportDue).toBe('2098-03-31');
    // A dated task has a deadline instead.
    expect((await detail(id('按期完成阶段总结'))).body.nextReportDue).toBeNull();
  });
});
