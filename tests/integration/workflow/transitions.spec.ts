import type { ApiErrorDto, TaskDetailDto, TaskStatus } from '@duban/domain';
import { nextStatuses } from '@duban/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINIMAL_PDF, WorkflowEnv, type SeededUser } from '../support/workflow-env';

type Route = 'progress' | 'submit' | 'approve' | 'return';

const STATUSES: TaskStatus[] = ['not_started', 'in_progress', 'submitted', 'done', 'returned'];

/** Where each route takes a task from each status; absent = forbidden (409). */
const EXPECTED: Record<Route, Partial<Record<TaskStatus, TaskStatus>>> = {
  progress: { not_started: 'in_progress', in_progress: 'in_progress', returned: 'in_progress' },
  submit: { in_progress: 'submitted' },
  approve: { submitted: 'done' },
  return: { submitted: 'returned' },
};

const BODIES: Record<Route, Record<string, string>> = {
  progress: { text: '本周完成调研。' },
  submit: { summary: '全部完成，附佐证。' },
  approve: {},
  return: { reason: '佐证材料不完整。' },
};

describe('every transition, allowed and forbidden', () => {
  let env: WorkflowEnv;
  let actors: Record<Route, SeededUser>;

  beforeAll(async () => {
    env = await WorkflowEnv.start();
    actors = {
      progress: env.users.participantOfficer,
      submit: env.users.leadOfficer,
      approve: env.users.supervisor,
      return: env.users.supervisor,
    };
  });

  afterAll(async () => {
    await env?.stop();
  });

  const cases = (Object.keys(EXPECTED) as Route[]).flatMap((route) =>
    STATUSES.map((from) => [route, from, EXPECTED[route][from] ?? null] as const),
  );

  it.each(cases)('POST %s on a %s task → %s', async (route, from, to) => {
    const taskId = await env.newTask({ status: from });
    // Evidence exists, so that only the status decides whether submitting is allowed.
    await env.db.query(
      `INSERT INTO evidence_files (task_id, department_id, uploaded_by_id, file_name, mime_type, size, sha256, storage_key)
       VALUES ($1, $2, $3, 'a.pdf', 'application/pdf', 1, repeat('a', 64), 'aa/' || repeat('a', 64))`,
      [taskId, env.departments.A, env.users.leadOfficer.id],
    );
    const before = await env.taskRow(taskId);
    const response = await env.http<TaskDetailDto & ApiErrorDto>('POST', `/api/tasks/${taskId}/${route}`, {
      as: actors[route],
      body: BODIES[route],
    });
    const after = await env.taskRow(taskId);
    if (to === null) {
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('TASK_FORBIDDEN_TRANSITION');
      expect(response.body.details?.['allowed']).toEqual(nextStatuses(from));
      expect(after).toEqual(before);
    } else {
      expect(response.status).toBe(200);
      expect(response.body.status).toBe(to);
      expect(after.status).toBe(to);
      expect(after.version).toBe(before.version + 1);
    }
  });
});

describe('transition preconditions', () => {
  let env: WorkflowEnv;

  beforeAll(async () => {
    env = await WorkflowEnv.start();
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('needs a summary to submit (400 naming the field)', async () => {
    const taskId = await env.newTask({ status: 'in_progress' });
    await env.upload(taskId, 'a.pdf', MINIMAL_PDF, env.users.leadOfficer);
    const response = await env.http<ApiErrorDto>('POST', `/api/tasks/${taskId}/submit`, {
      as: env.users.leadOfficer,
      body: { summary: '   ' },
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.details)).toContain('summary');
    expect((await env.taskRow(taskId)).status).toBe('in_progress');
  });

  it('needs at least one evidence file to submit', async () => {
    const taskId = await env.newTask({ status: 'in_progress' });
    const response = await env.http<ApiErrorDto>('POST', `/api/tasks/${taskId}/submit`, {
      as: env.users.leadOfficer,
      body: { summary: '完成' },
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('TASK_EVIDENCE_REQUIRED');
    expect((await env.taskRow(taskId)).status).toBe('in_progress');
  });

  it('needs a reason to return', async () => {
    const taskId = await env.newTask({ status: 'submitted' });
    const response = await env.http<ApiErrorDto>('POST', `/api/tasks/${taskId}/return`, {
      as: env.users.supervisor,
      body: {},
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.details)).toContain('reason');
  });

  it('rejects unknown fields and bad ids with 400', async () => {
    const taskId = await env.newTask({ status: 'in_progress' });
    const extra = await env.http<ApiErrorDto>('POST', `/api/tasks/${taskId}/progress`, {
      as: env.users.leadOfficer,
      body: { text: 'x', status: 'done' },
    });
    expect(extra.status).toBe(400);
    const badId = await env.http('GET', '/api/tasks/not-a-uuid', { as: env.users.supervisor });
    expect(badId.status).toBe(400);
  });

  it('goes round again after a return: report progress, then submit', async () => {
    const taskId = await env.newTask({ status: 'submitted' });
    await env.db.query(
      `INSERT INTO evidence_files (task_id, department_id, uploaded_by_id, file_name, mime_type, size, sha256, storage_key)
       VALUES ($1, $2, $3, 'a.pdf', 'application/pdf', 1, repeat('b', 64), 'bb/' || repeat('b', 64))`,
      [taskId, env.departments.A, env.users.leadOfficer.id],
    );
    const returned = await env.http<TaskDetailDto>('POST', `/api/tasks/${taskId}/return`, {
      as: env.users.supervisor,
      body: { reason: '请补充数据' },
    });
    expect(returned.body.returnReason).toBe('请补充数据');
    expect(returned.body.allowedActions).toEqual([]);
    const lead = await env.http<TaskDetailDto>('GET', `/api/tasks/${taskId}`, { as: env.users.leadOfficer });
    expect(lead.body.allowedActions).toEqual([
      'report_progress',
      'upload_evidence',
      'request_extension',
      'acknowledge',
      'name_assignee',
    ]);
    const early = await env.http<ApiErrorDto>('POST', `/api/tasks/${taskId}/submit`, {
      as: env.users.leadOfficer,
      body: { summary: '已补充' },
    });
    expect(early.status).toBe(409);
    expect(early.body.details?.['allowed']).toEqual(['in_progress']);
    await env.http('POST', `/api/tasks/${taskId}/progress`, {
      as: env.users.leadOfficer,
      body: { text: '已补充数据' },
    });
    const again = await env.http<TaskDetailDto>('POST', `/api/tasks/${taskId}/submit`, {
      as: env.users.leadOfficer,
      body: { summary: '已补充' },
    });
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('submitted');
  });
});

describe('optimistic concurrency', () => {
  let env: WorkflowEnv;

  beforeAll(async () => {
    env = await WorkflowEnv.start();
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('answers a stale If-Match with 409 and changes nothing', async () => {
    const taskId = await env.newTask({ status: 'submitted' });
    const { version } = await env.taskRow(taskId);
    const first = await env.http<TaskDetailDto>('POST', `/api/tasks/${taskId}/return`, {
      as: env.users.supervisor,
      body: { reason: '第一次' },
      headers: { 'if-match': `"${version}"` },
    });
    expect(first.status).toBe(200);
    const stale = await env.http<ApiErrorDto>('POST', `/api/tasks/${taskId}/approve`, {
      as: env.users.supervisor,
      body: {},
      headers: { 'if-match': `"${version}"` },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('TASK_VERSION_CONFLICT');
    expect(stale.body.details).toMatchObject({ expected: version, current: version + 1 });
    expect(await env.taskRow(taskId)).toMatchObject({ status: 'returned', version: version + 1 });
  });

  it('accepts the version in the body too', async () => {
    const taskId = await env.newTask({ status: 'in_progress' });
    const stale = await env.http<ApiErrorDto>('POST', `/api/tasks/${taskId}/progress`, {
      as: env.users.leadOfficer,
      body: { text: '进展', version: 99 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('TASK_VERSION_CONFLICT');
    const fresh = await env.http<TaskDetailDto>('POST', `/api/tasks/${taskId}/progress`, {
      as: env.users.leadOfficer,
      body: { text: '进展', version: 1 },
    });
    expect(fresh.status).toBe(200);
    expect(fresh.body.version).toBe(2);
  });

  it('sends the version as ETag on the detail', async () => {
    const taskId = await env.newTask();
    const detail = await env.http<TaskDetailDto>('GET', `/api/tasks/${taskId}`, {
      as: env.users.leadOfficer,
    });
    expect(detail.headers['etag']).toBe('"1"');
  });

  it('lets exactly one of two concurrent writers with the same version win', async () => {
    const taskId = await env.newTask({ status: 'submitted' });
    const results = await Promise.all([
      env.http('POST', `/api/tasks/${taskId}/approve`, { as: env.users.supervisor, body: { version: 1 } }),
      env.http('POST', `/api/tasks/${taskId}/return`, {
        as: env.users.supervisor,
        body: { version: 1, reason: '退回' },
      }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const row = await env.taskRow(taskId);
    expect(row.version).toBe(2);
    expect(await env.auditActions(taskId)).toHaveLength(1);
  });

  it('rejects a malformed If-Match', async () => {
    const taskId = await env.newTask({ status: 'in_progress' });
    const response = await env.http('POST', `/api/tasks/${taskId}/progress`, {
      as: env.users.leadOfficer,
      body: { text: 'x' },
      headers: { 'if-match': 'abc' },
    });
    expect(response.status).toBe(400);
  });
});
