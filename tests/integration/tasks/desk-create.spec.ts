import type { ApiErrorDto, PageDto, TaskDetailDto, TaskSummaryDto } from '@duban/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, WorkflowEnv } from '../support/workflow-env';
import { inbox, reminderJobs } from '../support/desk';

const today = new Date().toISOString().slice(0, 10);

describe('立项 by hand (POST /api/tasks)', () => {
  let env: WorkflowEnv;

  beforeAll(async () => {
    env = await WorkflowEnv.start();
  });

  afterAll(async () => {
    await env?.stop();
  });

  const body = (overrides: Record<string, unknown> = {}) => ({
    source: {
      kind: 'leader_instruction',
      title: '市长关于加快老旧小区改造的批示',
      reference: '批示〔2026〕88号',
      date: today,
    },
    text: '加快老旧小区改造，年内完成摸底并制定改造计划。',
    leadDepartmentIds: [env.departments.A],
    participantDepartmentIds: [env.departments.B],
    deadline: addDays(today, 45),
    milestones: [{ date: addDays(today, 20), text: '完成摸底' }],
    ...overrides,
  });

  it('creates the task with its source, departments, milestones; reminders start and departments are told', async () => {
    const res = await env.http<TaskDetailDto>('POST', '/api/tasks', {
      as: env.users.supervisor,
      body: body(),
    });
    expect(res.status).toBe(201);
    const task = res.body;
    expect(task).toMatchObject({
      status: 'not_started',
      origin: 'manual',
      title: '加快老旧小区改造，年内完成摸底并制定改造计划',
      deadline: addDays(today, 45),
      deadlineKind: 'date',
      source: {
        kind: 'leader_instruction',
        title: '市长关于加快老旧小区改造的批示',
        reference: '批示〔2026〕88号',
        date: today,
      },
      milestones: [{ date: addDays(today, 20), text: '完成摸底' }],
      recurrence: null,
      terminationReason: null,
      comments: [],
      version: 1,
    });
    expect(task.lead.map((d) => d.id)).toEqual([env.departments.A]);
    expect(task.participants.map((d) => d.id)).toEqual([env.departments.B]);
    expect(task.history).toHaveLength(1);
    expect(task.history[0]).toMatchObject({
      action: 'task.created',
      actor: '督查室',
      toStatus: 'not_started',
    });

    const jobs = await reminderJobs(env, task.id);
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.every((j) => j.startsWith(task.id))).toBe(true);
    expect(jobs.some((j) => j.includes(`dept-${env.departments.A}`) && j.includes(addDays(today, 45)))).toBe(
      true,
    );

    // task.assigned reaches the lead department's officers, with the APP_BASE_URL link.
    const notices = (await inbox(env, env.users.leadOfficer)).filter((n) => n.task?.id === task.id);
    expect(notices.map((n) => n.rule)).toEqual(['task.assigned']);
    expect(notices[0].title).toContain('【新任务】');
    expect(notices[0].body).toContain(`/tasks/${task.id}`);
    for (const officer of [env.users.participantOfficer, env.users.otherOfficer])
      expect((await inbox(env, officer)).filter((n) => n.task?.id === task.id)).toEqual([]);

    // The lead officer now sees it in their list; the other department does not.
    const own = await env.http<PageDto<TaskSummaryDto>>('GET', '/api/tasks', { as: env.users.leadOfficer });
    expect(own.body.items.map((t) => t.id)).toContain(task.id);
    expect((await env.http('GET', `/api/tasks/${task.id}`, { as: env.users.otherOfficer })).status).toBe(404);
  });

  it('reuses the source of an earlier task with the same reference', async () => {
    const a = await env.http<TaskDetailDto>('POST', '/api/tasks', {
      as: env.users.supervisor,
      body: body({
        source: { kind: 'meeting_minutes', title: '第5次常务会议纪要', reference: '纪要〔2026〕5号' },
      }),
    });
    const b = await env.http<TaskDetailDto>('POST', '/api/tasks', {
      as: env.users.supervisor,
      body: body({
        text: '另一项议定事项。',
        source: { kind: 'meeting_minutes', title: '第5次常务会议纪要', reference: '纪要〔2026〕5号' },
      }),
    });
    expect(a.status).toBe(201);
    expect(b.body.source.id).toBe(a.body.source.id);
    expect(b.body.source.kind).toBe('meeting_minutes');
  });

  it('takes a recurring reporting duty without a final date', async () => {
    const res = await env.http<TaskDetailDto>('POST', '/api/tasks', {
      as: env.users.supervisor,
      body: body({ deadline: null, milestones: [], recurrence: 'month', text: '每月报送项目推进情况。' }),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      deadline: null,
      deadlineKind: 'ongoing',
      recurrence: 'month',
      deadlineText: '每月报送',
    });
    // An undated task is reminded to report progress.
    expect((await reminderJobs(env, res.body.id)).some((j) => j.includes('report'))).toBe(true);
  });

  it('refuses bad input with zh-CN 400s and creates nothing', async () => {
    const before = await env.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM tasks`);
    const cases: [Record<string, unknown>, string][] = [
      [{ deadline: '2027-02-30' }, 'deadline'],
      [{ deadline: '2207-01-01' }, '10 年'],
      [{ text: '   ' }, 'text'],
      [{ leadDepartmentIds: [] }, '牵头单位'],
      [{ leadDepartmentIds: ['00000000-0000-4000-8000-000000000000'] }, '单位'],
      [{ source: { kind: 'rumour', title: 'x' } }, '来源类型'],
      [{ source: { kind: 'other', title: '' } }, '来源名称'],
      [{ milestones: [{ date: addDays(today, 400), text: '晚于时限' }] }, '晚于完成时限'],
      [{ recurrence: 'weekly' }, 'recurrence'],
      [{ text: 'a\u0000b' }, ''],
      [{ text: '长'.repeat(10_001) }, ''],
    ];
    for (const [overrides, word] of cases) {
      const res = await env.http<ApiErrorDto>('POST', '/api/tasks', {
        as: env.users.supervisor,
        body: body(overrides),
      });
      expect(res.status, JSON.stringify(overrides).slice(0, 80)).toBe(400);
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
      expect(JSON.stringify(res.body)).toContain(word);
    }
    const after = await env.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM tasks`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('is for supervisors only', async () => {
    expect((await env.http('POST', '/api/tasks', { as: env.users.leadOfficer, body: body() })).status).toBe(
      403,
    );
    expect((await env.http('POST', '/api/tasks', { as: env.users.admin, body: body() })).status).toBe(403);
    expect((await env.http('POST', '/api/tasks', { body: body() })).status).toBe(401);
  });
});
