import type { ApiErrorDto, PageDto, TaskDetailDto, TaskStatus, TaskSummaryDto } from '@duban/domain';
import { isOverdue, trafficLight } from '@duban/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowEnv } from '../support/workflow-env';

/** Virtual now of the app clock: one minute before 24:00 of 2026-06-30 in Shanghai. */
const NOW = new Date('2026-06-30T15:59:00Z');
const DAY = 86_400_000;

describe('GET /api/tasks: filters, paging, sorting, derived state', () => {
  let env: WorkflowEnv;
  let otherDocument: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const anchorMs = Date.now();
    env = await WorkflowEnv.start({ clock: { anchorMs, scale: 1, offsetMs: NOW.getTime() - anchorMs } });
    otherDocument = await env.newDocument('关于进一步优化营商环境的意见', '国办发〔2026〕9号');
    const { A, B, C } = env.departments;
    const seeds: [string, Parameters<WorkflowEnv['newTask']>[0]][] = [
      ['dueToday', { deadline: '2026-06-30', status: 'in_progress', title: '推进数字政府建设' }],
      ['overdue', { deadline: '2026-06-29', status: 'in_progress', title: '完善社会信用体系' }],
      ['overdueSubmitted', { deadline: '2026-05-01', status: 'submitted', title: '加强知识产权保护' }],
      ['doneLate', { deadline: '2026-01-01', status: 'done', title: '深化放管服改革' }],
      ['yellow7', { deadline: '2026-07-07', status: 'not_started', title: '优化政务服务流程' }],
      ['green8', { deadline: '2026-07-08', status: 'not_started', title: '发展普惠金融 100% 覆盖' }],
      [
        'undatedFresh',
        {
          deadline: null,
          status: 'in_progress',
          lastReportAt: new Date(NOW.getTime() - 5 * DAY),
          title: '长期坚持党建引领',
        },
      ],
      [
        'undatedStale',
        {
          deadline: null,
          status: 'in_progress',
          lastReportAt: new Date(NOW.getTime() - 31 * DAY),
          title: '持续改善生态环境',
        },
      ],
      [
        'undatedNever',
        {
          deadline: null,
          status: 'not_started',
          createdAt: new Date(NOW.getTime() - 40 * DAY),
          title: '健全基层治理体系',
        },
      ],
      [
        'otherDoc',
        { deadline: '2026-12-31', documentId: '', lead: [C], participants: [A], title: '降低企业物流成本' },
      ],
      ['notMine', { deadline: '2026-12-31', lead: [C], participants: [], title: '丙部门独立任务' }],
      ['bLeads', { deadline: '2026-09-30', lead: [B], participants: [A], title: '乙部门牵头任务' }],
    ];
    for (const [key, seed] of seeds) {
      ids[key] = await env.newTask({
        ...seed,
        documentId: key === 'otherDoc' ? otherDocument : seed?.documentId || undefined,
      });
    }
  });

  afterAll(async () => {
    await env?.stop();
  });

  async function list(query: Record<string, string>, as = env.users.supervisor) {
    const response = await env.http<PageDto<TaskSummaryDto>>('GET', '/api/tasks', {
      as,
      query: { pageSize: '100', ...query },
    });
    expect(response.status).toBe(200);
    return response.body;
  }

  const keysOf = (page: PageDto<TaskSummaryDto>) =>
    page.items.map((item) => Object.keys(ids).find((key) => ids[key] === item.id)).filter(Boolean);

  it('computes overdue and the light in SQL exactly as the domain rules do', async () => {
    const page = await list({});
    expect(page.total).toBe(Object.keys(ids).length);
    const rows = await env.db.query<
      {
        id: string;
        status: TaskStatus;
        deadline: string | null;
        created_at: Date;
        last_report_at: Date | null;
      }[]
    >(`SELECT id, status, deadline::text, created_at, last_report_at FROM tasks`);
    for (const row of rows) {
      const item = page.items.find((i) => i.id === row.id)!;
      const input = {
        status: row.status,
        deadline: row.deadline,
        createdAt: row.created_at,
        lastReportAt: row.last_report_at,
      };
      expect({ id: row.id, overdue: item.overdue, light: item.light }).toEqual({
        id: row.id,
        overdue: isOverdue(input, NOW),
        light: trafficLight(input, NOW),
      });
    }
    const byKey = Object.fromEntries(page.items.map((i) => [keysOf({ ...page, items: [i] })[0], i]));
    expect(byKey['dueToday']).toMatchObject({ overdue: false, light: 'yellow' });
    expect(byKey['overdue']).toMatchObject({ overdue: true, light: 'red' });
    expect(byKey['overdueSubmitted']).toMatchObject({ overdue: true, light: 'red' });
    expect(byKey['doneLate']).toMatchObject({ overdue: false, light: 'green' });
    expect(byKey['yellow7']).toMatchObject({ light: 'yellow' });
    expect(byKey['green8']).toMatchObject({ light: 'green' });
    expect(byKey['undatedFresh']).toMatchObject({ light: 'green' });
    expect(byKey['undatedStale']).toMatchObject({ light: 'yellow' });
    expect(byKey['undatedNever']).toMatchObject({ light: 'yellow' });
  });

  it('sorts overdue first, then by deadline, undated last', async () => {
    const keys = keysOf(await list({}));
    expect(keys.slice(0, 2)).toEqual(['overdueSubmitted', 'overdue']);
    expect(keys.slice(-3).sort()).toEqual(['undatedFresh', 'undatedNever', 'undatedStale']);
    const dated = (await list({})).items.filter((i) => !i.overdue && i.deadline).map((i) => i.deadline!);
    expect(dated).toEqual([...dated].sort());
  });

  it('sorts by other keys on request', async () => {
    const byDeadlineDesc = (await list({ sort: '-deadline' })).items.map((i) => i.deadline);
    const dated = byDeadlineDesc.filter((d): d is string => d !== null);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(byDeadlineDesc.slice(-3)).toEqual([null, null, null]);
    const titles = (await list({ sort: 'title' })).items.map((i) => i.title);
    expect(titles).toHaveLength(Object.keys(ids).length);
  });

  it.each([
    [{ overdue: 'true' }, ['overdue', 'overdueSubmitted']],
    [{ light: 'red' }, ['overdue', 'overdueSubmitted']],
    [{ light: 'yellow' }, ['dueToday', 'undatedNever', 'undatedStale', 'yellow7']],
    [{ status: 'done' }, ['doneLate']],
    [{ status: 'in_progress', overdue: 'false' }, ['dueToday', 'undatedFresh', 'undatedStale']],
    [{ dueBefore: '2026-06-30', dueAfter: '2026-06-01' }, ['dueToday', 'overdue']],
    [{ q: '营商' }, []],
    [{ q: '物流' }, ['otherDoc']],
    [{ q: '100%' }, ['green8']],
    [{ q: '%' }, ['green8']],
  ])('filters %j', async (query, expected) => {
    expect(keysOf(await list(query)).sort()).toEqual([...expected].sort());
  });

  it('filters by document and by department with a role', async () => {
    const page = await list({ document: otherDocument });
    expect(keysOf(page)).toEqual(['otherDoc']);
    expect(page.items[0].document).toEqual({
      id: otherDocument,
      title: '关于进一步优化营商环境的意见',
      docNumber: '国办发〔2026〕9号',
    });
    expect(keysOf(await list({ department: env.departments.C, role: 'lead' })).sort()).toEqual([
      'notMine',
      'otherDoc',
    ]);
    expect(keysOf(await list({ department: env.departments.B, role: 'lead' }))).toEqual(['bLeads']);
  });

  it('lets an officer narrow to tasks it leads or takes part in', async () => {
    const officer = env.users.leadOfficer;
    const participating = keysOf(await list({ role: 'participant' }, officer)).sort();
    expect(participating).toEqual(['bLeads', 'otherDoc']);
    const leading = keysOf(await list({ role: 'lead' }, officer));
    expect(leading).not.toContain('bLeads');
    expect(leading).not.toContain('notMine');
    expect(leading).toHaveLength(Object.keys(ids).length - 3);
  });

  it('pages with a stable order and a total', async () => {
    const all = (await list({})).items.map((i) => i.id);
    const first = await list({ page: '1', pageSize: '5' });
    const second = await list({ page: '2', pageSize: '5' });
    const beyond = await list({ page: '9', pageSize: '5' });
    expect(first).toMatchObject({ total: all.length, page: 1, pageSize: 5 });
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(all.slice(0, 10));
    expect(beyond).toMatchObject({ items: [], total: all.length, page: 9 });
  });

  it('includes lead and participant departments in document order', async () => {
    const page = await list({ q: '乙部门牵头任务' });
    expect(page.items[0].lead).toEqual([{ id: env.departments.B, name: '测试部门B' }]);
    expect(page.items[0].participants).toEqual([{ id: env.departments.A, name: '测试部门A' }]);
  });

  it.each([
    [{ overdue: 'maybe' }, 'overdue'],
    [{ light: 'blue' }, 'light'],
    [{ dueBefore: '2026/06/30' }, 'dueBefore'],
    [{ pageSize: '1000' }, 'pageSize'],
    [{ page: '0' }, 'page'],
    [{ sort: 'password' }, 'sort'],
    [{ department: 'x' }, 'department'],
    [{ unknown: '1' }, 'unknown'],
  ])('rejects %j with 400 naming the field', async (query, field) => {
    const response = await env.http<ApiErrorDto>('GET', '/api/tasks', { as: env.users.supervisor, query });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.details)).toContain(field);
  });

  it('returns the detail with its document, text and allowed actions', async () => {
    const detail = await env.http<TaskDetailDto>('GET', `/api/tasks/${ids['dueToday']}`, {
      as: env.users.leadOfficer,
    });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      id: ids['dueToday'],
      title: '推进数字政府建设',
      origin: 'inline',
      sourceFile: 'test.txt',
      light: 'yellow',
      reports: [],
      evidence: [],
      extensions: [],
      history: [],
      allowedActions: [
        'report_progress',
        'upload_evidence',
        'submit',
        'request_extension',
        'acknowledge',
        'name_assignee',
      ],
    });
  });
});
