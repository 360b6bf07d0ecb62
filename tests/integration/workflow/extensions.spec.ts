import type { ApiErrorDto, TaskDetailDto } from '@duban/domain';
import { shanghaiDate } from '@duban/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, WorkflowEnv } from '../support/workflow-env';

describe('deadline extensions', () => {
  let env: WorkflowEnv;
  let today: string;

  beforeAll(async () => {
    env = await WorkflowEnv.start();
    today = shanghaiDate(new Date());
  });

  afterAll(async () => {
    await env?.stop();
  });

  async function request(taskId: string, requestedDeadline: string, as = env.users.leadOfficer) {
    return env.http<TaskDetailDto & ApiErrorDto>('POST', `/api/tasks/${taskId}/extension`, {
      as,
      body: { reason: '受疫情影响，需延期。', requestedDeadline },
    });
  }

  it('moves the deadline in force on grant and keeps the original', async () => {
    const deadline = addDays(today, 3);
    const taskId = await env.newTask({ status: 'in_progress', deadline });
    const asked = await request(taskId, addDays(today, 60));
    expect(asked.status).toBe(201);
    const [extension] = asked.body.extensions;
    expect(extension).toMatchObject({
      status: 'pending',
      currentDeadline: deadline,
      requestedDeadline: addDays(today, 60),
    });
    expect(asked.body.deadline).toBe(deadline);

    const supervisorView = await env.http<TaskDetailDto>('GET', `/api/tasks/${taskId}`, {
      as: env.users.supervisor,
    });
    expect(supervisorView.body.allowedActions).toEqual(['grant_extension', 'refuse_extension']);

    const granted = await env.http<TaskDetailDto>('POST', `/api/extensions/${extension.id}/grant`, {
      as: env.users.supervisor,
      body: { reason: '同意' },
    });
    expect(granted.status).toBe(200);
    expect(granted.body.deadline).toBe(addDays(today, 60));
    expect(granted.body.originalDeadline).toBe(deadline);
    expect(granted.body.light).toBe('green');
    expect(granted.body.extensions[0]).toMatchObject({
      status: 'granted',
      decidedBy: '督查室',
      decisionReason: '同意',
    });
    expect(granted.body.history.map((h) => h.action)).toEqual(['extension.requested', 'extension.granted']);

    // A second extension keeps the first imported deadline as the original.
    const again = await request(taskId, addDays(today, 90));
    await env.http('POST', `/api/extensions/${again.body.extensions[1].id}/grant`, {
      as: env.users.supervisor,
      body: {},
    });
    expect(await env.taskRow(taskId)).toMatchObject({
      deadline: addDays(today, 90),
      original_deadline: deadline,
    });

    // The list (and so the ledger) shows the original deadline next to the one in force.
    const list = await env.http<{ items: TaskDetailDto[] }>('GET', '/api/tasks', {
      as: env.users.leadOfficer,
      query: {
        q: (await env.http<TaskDetailDto>('GET', `/api/tasks/${taskId}`, { as: env.users.leadOfficer })).body
          .title,
      },
    });
    expect(list.body.items[0]).toMatchObject({ deadline: addDays(today, 90), originalDeadline: deadline });
  });

  it('judges completion against the deadline in force and the original', async () => {
    const original = addDays(today, -10);
    const taskId = await env.newTask({
      status: 'submitted',
      deadline: addDays(today, 30),
      originalDeadline: original,
    });
    const approved = await env.http<TaskDetailDto>('POST', `/api/tasks/${taskId}/approve`, {
      as: env.users.supervisor,
      body: {},
    });
    expect(approved.body).toMatchObject({
      status: 'done',
      completedOnTime: true,
      completedOnTimeOriginal: false,
    });
    const late = await env.newTask({ status: 'submitted', deadline: addDays(today, -1) });
    const lateApproved = await env.http<TaskDetailDto>('POST', `/api/tasks/${late}/approve`, {
      as: env.users.supervisor,
      body: {},
    });
    expect(lateApproved.body).toMatchObject({
      completedOnTime: false,
      completedOnTimeOriginal: null,
      overdue: false,
    });
  });

  it('records a refusal with its reason and leaves the deadline alone', async () => {
    const deadline = addDays(today, 5);
    const taskId = await env.newTask({ status: 'not_started', deadline });
    const asked = await request(taskId, addDays(today, 40));
    const noReason = await env.http<ApiErrorDto>(
      'POST',
      `/api/extensions/${asked.body.extensions[0].id}/refuse`,
      {
        as: env.users.supervisor,
        body: {},
      },
    );
    expect(noReason.status).toBe(400);
    const refused = await env.http<TaskDetailDto>(
      'POST',
      `/api/extensions/${asked.body.extensions[0].id}/refuse`,
      {
        as: env.users.supervisor,
        body: { reason: '理由不充分' },
      },
    );
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ deadline, originalDeadline: null });
    expect(refused.body.extensions[0]).toMatchObject({ status: 'refused', decisionReason: '理由不充分' });
    const twice = await env.http<ApiErrorDto>(
      'POST',
      `/api/extensions/${asked.body.extensions[0].id}/grant`,
      {
        as: env.users.supervisor,
        body: {},
      },
    );
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('EXTENSION_ALREADY_DECIDED');
    expect((await env.taskRow(taskId)).deadline).toBe(deadline);
  });

  it('allows one pending request at a time', async () => {
    const taskId = await env.newTask({ status: 'in_progress', deadline: addDays(today, 5) });
    expect((await request(taskId, addDays(today, 20))).status).toBe(201);
    const second = await request(taskId, addDays(today, 30));
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('EXTENSION_ALREADY_PENDING');
  });

  it('lets only the lead department ask, and only a supervisor decide', async () => {
    const taskId = await env.newTask({ status: 'in_progress', deadline: addDays(today, 5) });
    expect((await request(taskId, addDays(today, 20), env.users.participantOfficer)).status).toBe(403);
    expect((await request(taskId, addDays(today, 20), env.users.otherOfficer)).status).toBe(404);
    expect((await request(taskId, addDays(today, 20), env.users.supervisor)).status).toBe(403);
    const asked = await request(taskId, addDays(today, 20));
    const id = asked.body.extensions[0].id;
    for (const user of [
      env.users.leadOfficer,
      env.users.participantOfficer,
      env.users.otherOfficer,
      env.users.admin,
    ]) {
      const response = await env.http('POST', `/api/extensions/${id}/grant`, { as: user, body: {} });
      expect(response.status).toBe(403);
    }
    expect((await env.http('POST', `/api/extensions/${id}/grant`, { body: {} })).status).toBe(401);
    const missing = await env.http<ApiErrorDto>(
      'POST',
      '/api/extensions/7d0f5c1e-4f57-4b7e-9c55-6f6d3c7a1b20/grant',
      {
        as: env.users.supervisor,
        body: {},
      },
    );
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('EXTENSION_NOT_FOUND');
  });

  it.each([
    ['an impossible date', '2026-02-30'],
    ['a malformed date', '2026/12/31'],
    ['a date in the past', '2001-01-01'],
  ])('refuses %s with 400 on requestedDeadline', async (_name, requestedDeadline) => {
    const taskId = await env.newTask({ status: 'in_progress', deadline: addDays(today, 5) });
    const response = await request(taskId, requestedDeadline);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.details)).toContain('requestedDeadline');
  });

  it('refuses a new date that is not later than the current deadline', async () => {
    const taskId = await env.newTask({ status: 'in_progress', deadline: addDays(today, 50) });
    const response = await request(taskId, addDays(today, 20));
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('EXTENSION_INVALID_DEADLINE');
  });

  it('cannot grant a request once the task is done, and keeps the deadline', async () => {
    const deadline = addDays(today, 5);
    const taskId = await env.newTask({ status: 'in_progress', deadline });
    const asked = await request(taskId, addDays(today, 40));
    await env.db.query(`UPDATE tasks SET status = 'done' WHERE id = $1`, [taskId]);
    const grant = await env.http<ApiErrorDto>(
      'POST',
      `/api/extensions/${asked.body.extensions[0].id}/grant`,
      {
        as: env.users.supervisor,
        body: {},
      },
    );
    expect(grant.status).toBe(409);
    expect(grant.body.code).toBe('TASK_FORBIDDEN_TRANSITION');
    expect(await env.taskRow(taskId)).toMatchObject({ deadline, original_deadline: null });
  });

  it('refuses extensions on submitted or done tasks', async () => {
    for (const status of ['submitted', 'done'] as const) {
      const taskId = await env.newTask({ status, deadline: addDays(today, 5) });
      const response = await request(taskId, addDays(today, 20));
      expect(response.status).toBe(409);
    }
  });
});
