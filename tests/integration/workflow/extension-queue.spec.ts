import type { ApiErrorDto, ExtensionQueueItemDto, PageDto, TaskDetailDto } from '@duban/domain';
import { shanghaiDate } from '@duban/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, WorkflowEnv } from '../support/workflow-env';

describe('GET /api/extensions (review queue)', () => {
  let env: WorkflowEnv;
  let today: string;
  /** Task led by A (B participates) with a pending request; task led by C with a pending request. */
  let sharedTask: string;
  let otherTask: string;
  let decidedTask: string;
  let sharedExtension: string;
  let otherExtension: string;
  let decidedExtension: string;

  async function ask(taskId: string, as: WorkflowEnv['users'][keyof WorkflowEnv['users']]): Promise<string> {
    const res = await env.http<TaskDetailDto>('POST', `/api/tasks/${taskId}/extension`, {
      as,
      body: { reason: '需协调多方，申请延期。', requestedDeadline: addDays(today, 45) },
    });
    expect(res.status).toBe(201);
    const pending = res.body.extensions.find((e) => e.status === 'pending');
    if (!pending) throw new Error('no pending extension');
    return pending.id;
  }

  function queue(as: WorkflowEnv['users'][keyof WorkflowEnv['users']], query: Record<string, string> = {}) {
    return env.http<PageDto<ExtensionQueueItemDto> & ApiErrorDto>('GET', '/api/extensions', { as, query });
  }

  beforeAll(async () => {
    env = await WorkflowEnv.start();
    today = shanghaiDate(new Date());
    sharedTask = await env.newTask({
      status: 'in_progress',
      deadline: addDays(today, 5),
      title: '甲乙共办事项',
    });
    otherTask = await env.newTask({
      status: 'in_progress',
      deadline: addDays(today, 6),
      title: '丙部门事项',
      lead: [env.departments.C],
      participants: [],
    });
    decidedTask = await env.newTask({
      status: 'in_progress',
      deadline: addDays(today, 7),
      title: '已审批事项',
    });
    sharedExtension = await ask(sharedTask, env.users.leadOfficer);
    otherExtension = await ask(otherTask, env.users.otherOfficer);
    decidedExtension = await ask(decidedTask, env.users.leadOfficer);
    const refused = await env.http('POST', `/api/extensions/${decidedExtension}/refuse`, {
      as: env.users.supervisor,
      body: { reason: '理由不充分' },
    });
    expect(refused.status).toBe(200);
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('gives supervisors every pending request, oldest first, with its task', async () => {
    const res = await queue(env.users.supervisor, { status: 'pending' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    expect(res.body.items.map((e) => e.id)).toEqual([sharedExtension, otherExtension]);
    expect(res.body.items[0]).toMatchObject({
      status: 'pending',
      department: { id: env.departments.A, name: '测试部门A' },
      requestedBy: '甲部门干部',
      reason: '需协调多方，申请延期。',
      currentDeadline: addDays(today, 5),
      requestedDeadline: addDays(today, 45),
      decidedBy: null,
      decidedAt: null,
      task: { id: sharedTask, title: '甲乙共办事项', deadline: addDays(today, 5) },
    });
  });

  it('filters by status and lists every request without one', async () => {
    const refused = await queue(env.users.supervisor, { status: 'refused' });
    expect(refused.body.items.map((e) => e.id)).toEqual([decidedExtension]);
    expect(refused.body.items[0]).toMatchObject({ decidedBy: '督查室', decisionReason: '理由不充分' });
    expect((await queue(env.users.supervisor, { status: 'granted' })).body).toMatchObject({
      total: 0,
      items: [],
    });
    const all = await queue(env.users.admin);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
  });

  it("scopes an officer to the tasks of the officer's department, lead or participant", async () => {
    const lead = await queue(env.users.leadOfficer, { status: 'pending' });
    expect(lead.status).toBe(200);
    expect(lead.body.items.map((e) => e.id)).toEqual([sharedExtension]);
    expect(lead.body.total).toBe(1);
    const participant = await queue(env.users.participantOfficer, { status: 'pending' });
    expect(participant.body.items.map((e) => e.task.id)).toEqual([sharedTask]);
    const other = await queue(env.users.otherOfficer);
    expect(other.body.items.map((e) => e.id)).toEqual([otherExtension]);
    expect(other.body.total).toBe(1);
  });

  it('pages with a stable total, also past the last page', async () => {
    const first = await queue(env.users.supervisor, { status: 'pending', pageSize: '1' });
    const second = await queue(env.users.supervisor, { status: 'pending', pageSize: '1', page: '2' });
    const beyond = await queue(env.users.supervisor, { status: 'pending', pageSize: '1', page: '5' });
    expect([first.body.items[0]?.id, second.body.items[0]?.id]).toEqual([sharedExtension, otherExtension]);
    expect([first.body.total, second.body.total, beyond.body.total]).toEqual([2, 2, 2]);
    expect(beyond.body.items).toEqual([]);
  });

  it('rejects an unknown status, and anonymous callers', async () => {
    expect((await queue(env.users.supervisor, { status: 'approved' })).status).toBe(400);
    expect((await env.http('GET', '/api/extensions', { query: { status: 'pending' } })).status).toBe(401);
  });

  it('still keeps the decisions to supervisors', async () => {
    for (const as of [env.users.leadOfficer, env.users.admin]) {
      const res = await env.http<ApiErrorDto>('POST', `/api/extensions/${sharedExtension}/grant`, {
        as,
        body: { reason: '同意' },
      });
      expect(res.status).toBe(403);
    }
  });
});
