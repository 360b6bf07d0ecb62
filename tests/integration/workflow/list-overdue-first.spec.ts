import type { PageDto, TaskStatus, TaskSummaryDto } from '@duban/domain';
import { shanghaiDate } from '@duban/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, WorkflowEnv } from '../support/workflow-env';

/**
 * Unscoped lists in the default order are read as two branches (overdue, then the rest) that each
 * stop after page × size rows; every page must still be the slice of the one total order.
 */
describe('GET /api/tasks default order for supervisors (overdue-first branches)', () => {
  let env: WorkflowEnv;

  beforeAll(async () => {
    env = await WorkflowEnv.start();
    const today = shanghaiDate(new Date());
    const statuses: TaskStatus[] = ['not_started', 'in_progress', 'submitted', 'done', 'returned'];
    // Ties on deadlines, done tasks with past deadlines (not overdue), undated tasks, today (not overdue).
    const offsets = [-30, -30, -5, -1, -1, 0, 0, 3, 3, 40, null, null];
    let i = 0;
    for (const offset of offsets) {
      for (const status of statuses) {
        i += 1;
        await env.newTask({
          status,
          deadline: offset === null ? null : addDays(today, offset),
          title: `排序任务${String(i).padStart(2, '0')}`,
        });
      }
    }
  });

  afterAll(async () => {
    await env?.stop();
  });

  async function list(query: Record<string, string>, as = env.users.supervisor) {
    const res = await env.http<PageDto<TaskSummaryDto>>('GET', '/api/tasks', { as, query });
    expect(res.status).toBe(200);
    return res.body;
  }

  function expectedOrder(items: TaskSummaryDto[]): string[] {
    return [...items]
      .sort(
        (a, b) =>
          Number(b.overdue) - Number(a.overdue) ||
          (a.deadline === b.deadline
            ? 0
            : a.deadline === null
              ? 1
              : b.deadline === null
                ? -1
                : a.deadline < b.deadline
                  ? -1
                  : 1) ||
          (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      )
      .map((item) => item.id);
  }

  async function allPages(query: Record<string, string>, pageSize: number) {
    const ids: string[] = [];
    let total = -1;
    for (let page = 1; page <= 100; page += 1) {
      const body = await list({ ...query, page: String(page), pageSize: String(pageSize) });
      total = body.total;
      if (body.items.length === 0) break;
      ids.push(...body.items.map((item) => item.id));
    }
    return { ids, total };
  }

  it.each([
    [{}, 60],
    [{ status: 'done' }, 12],
    [{ overdue: 'true' }, 20],
    [{ overdue: 'false' }, 40],
  ] as [Record<string, string>, number][])('pages %j in the one total order', async (query, expected) => {
    const whole = await list({ ...query, pageSize: '200' });
    expect(whole.total).toBe(expected);
    expect(whole.items.map((item) => item.id)).toEqual(expectedOrder(whole.items));
    for (const pageSize of [1, 4, 7]) {
      const paged = await allPages(query, pageSize);
      expect(paged.total).toBe(expected);
      expect(paged.ids).toEqual(whole.items.map((item) => item.id));
    }
  });

  it('agrees with the sorted path that officers use', async () => {
    const supervisor = await list({ pageSize: '200' });
    const officer = await list({ pageSize: '200' }, env.users.leadOfficer);
    expect(officer.items.map((item) => item.id)).toEqual(supervisor.items.map((item) => item.id));
  });
});
