import type { ApiErrorDto, OverdueStatsDto, StatsMatrixDto, StatsTrendDto } from '@duban/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowEnv } from '../support/workflow-env';

const NOW = new Date('2026-06-30T04:00:00Z');

describe('GET /api/stats/overdue', () => {
  let env: WorkflowEnv;
  let secondDocument: string;

  beforeAll(async () => {
    const anchorMs = Date.now();
    env = await WorkflowEnv.start({ clock: { anchorMs, scale: 1, offsetMs: NOW.getTime() - anchorMs } });
    secondDocument = await env.newDocument('第二份文件', null);
    const { A, B, C } = env.departments;
    // A leads: 2 overdue, 1 done, 1 submitted (not overdue), 1 fine. C leads: 1 overdue (second document).
    await env.newTask({ lead: [A], participants: [B], deadline: '2026-06-01', status: 'in_progress' });
    await env.newTask({ lead: [A], participants: [], deadline: '2026-06-29', status: 'not_started' });
    await env.newTask({ lead: [A], participants: [], deadline: '2026-01-01', status: 'done' });
    await env.newTask({ lead: [A], participants: [C], deadline: '2026-07-01', status: 'submitted' });
    await env.newTask({ lead: [A], participants: [], deadline: null, status: 'in_progress' });
    await env.newTask({
      lead: [C],
      participants: [B],
      deadline: '2026-03-31',
      status: 'returned',
      documentId: secondDocument,
    });
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('gives supervisors the totals, by lead department and by document', async () => {
    const response = await env.http<OverdueStatsDto>('GET', '/api/stats/overdue', {
      as: env.users.supervisor,
    });
    expect(response.status).toBe(200);
    expect(response.body.totals).toEqual({
      tasks: 6,
      done: 1,
      overdue: 3,
      submitted: 1,
      completionRate: 0.1667,
      onTime: 1,
      open: 5,
      terminated: 0,
      // 2026-07-01 is within 7 days of 06-30; the undated task was created just now (not stale).
      yellow: 1,
      dueSoon: 1,
      stale: 0,
      undated: 1,
      overdueRate: 0.5,
      onTimeRate: 0.25,
    });
    expect(response.body.rules).toEqual({ yellowWithinDays: 7, staleAfterDays: 30 });
    expect(response.body.asOf).toBe('2026-06-30');
    expect(response.body.byDepartment).toEqual([
      {
        id: env.departments.A,
        name: '测试部门A',
        total: 5,
        done: 1,
        overdue: 2,
        onTime: 1,
        dueSoon: 1,
        undated: 1,
        overdueRate: 0.4,
        onTimeRate: 0.3333,
      },
      expect.objectContaining({ id: env.departments.C, name: '测试部门C', total: 1, done: 0, overdue: 1 }),
    ]);
    expect(response.body.byDocument).toEqual([
      expect.objectContaining({
        id: env.documentId,
        name: '关于测试督办工作的通知',
        total: 5,
        done: 1,
        overdue: 2,
      }),
      expect.objectContaining({ id: secondDocument, name: '第二份文件', total: 1, done: 0, overdue: 1 }),
    ]);
  });

  it('counts participating departments on request', async () => {
    const response = await env.http<OverdueStatsDto>('GET', '/api/stats/overdue', {
      as: env.users.admin,
      query: { role: 'participant' },
    });
    expect(response.body.byDepartment).toEqual([
      expect.objectContaining({ id: env.departments.B, name: '测试部门B', total: 2, done: 0, overdue: 2 }),
      expect.objectContaining({ id: env.departments.C, name: '测试部门C', total: 1, done: 0, overdue: 0 }),
    ]);
    const bad = await env.http<ApiErrorDto>('GET', '/api/stats/overdue', {
      as: env.users.admin,
      query: { role: 'x' },
    });
    expect(bad.status).toBe(400);
  });

  it("limits an officer to its own department's tasks", async () => {
    const response = await env.http<OverdueStatsDto>('GET', '/api/stats/overdue', {
      as: env.users.participantOfficer,
    });
    expect(response.body.totals).toMatchObject({ tasks: 2, overdue: 2 });
    expect(response.body.byDepartment).toEqual([]);
    const asParticipant = await env.http<OverdueStatsDto>('GET', '/api/stats/overdue', {
      as: env.users.participantOfficer,
      query: { role: 'participant' },
    });
    expect(asParticipant.body.byDepartment).toEqual([
      expect.objectContaining({ id: env.departments.B, name: '测试部门B', total: 2, done: 0, overdue: 2 }),
    ]);
  });

  it("gives the department × document matrix, confined to an officer's own department", async () => {
    const all = await env.http<StatsMatrixDto>('GET', '/api/stats/matrix', { as: env.users.supervisor });
    expect(all.status).toBe(200);
    const cell = (m: StatsMatrixDto, dep: string, doc: string) =>
      m.cells.find((c) => c.departmentId === dep && c.documentId === doc);
    expect(cell(all.body, env.departments.A, env.documentId)).toEqual({
      departmentId: env.departments.A,
      documentId: env.documentId,
      total: 5,
      overdue: 2,
      done: 1,
    });
    expect(cell(all.body, env.departments.C, secondDocument)).toMatchObject({ total: 1, overdue: 1 });
    expect(all.body.departments.map((d) => d.name)).toEqual(['测试部门A', '测试部门C']);
    expect(all.body.documents).toHaveLength(2);
    const officer = await env.http<StatsMatrixDto>('GET', '/api/stats/matrix', {
      as: env.users.participantOfficer,
      query: { role: 'participant' },
    });
    expect(officer.body.cells.every((c) => c.departmentId === env.departments.B)).toBe(true);
    expect(officer.body.cells.reduce((sum, c) => sum + c.total, 0)).toBe(2);
  });

  it('gives a weekly trend of open and overdue tasks', async () => {
    await env.db.query(`UPDATE tasks SET created_at = '2026-06-01T00:00:00Z'`);
    await env.db.query(`UPDATE tasks SET completed_at = '2026-05-01T00:00:00Z' WHERE status = 'done'`);
    const response = await env.http<StatsTrendDto>('GET', '/api/stats/trend', {
      as: env.users.supervisor,
      query: { weeks: '4' },
    });
    expect(response.status).toBe(200);
    // Three Sundays, then today: open = the five not done; overdue = deadlines passed by then.
    expect(response.body.weeks).toEqual([
      { weekEnd: '2026-06-14', open: 5, overdue: 2 },
      { weekEnd: '2026-06-21', open: 5, overdue: 2 },
      { weekEnd: '2026-06-28', open: 5, overdue: 2 },
      { weekEnd: '2026-06-30', open: 5, overdue: 3 },
    ]);
    const bad = await env.http('GET', '/api/stats/trend', {
      as: env.users.supervisor,
      query: { weeks: '0' },
    });
    expect(bad.status).toBe(400);
  });
});
