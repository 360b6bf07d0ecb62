import type { TaskDetailDto } from '@duban/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINIMAL_PDF, WorkflowEnv } from '../support/workflow-env';

describe('task workflow', () => {
  let env: WorkflowEnv;

  beforeAll(async () => {
    env = await WorkflowEnv.start();
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('runs a task from 未开始 to 已办结', async () => {
    const taskId = await env.newTask();
    const { leadOfficer, participantOfficer, supervisor } = env.users;

    const progress = await env.http<TaskDetailDto>('POST', `/api/tasks/${taskId}/progress`, {
      as: participantOfficer,
      body: { text: '已召开专题会议部署。' },
    });
    expect(progress.status).toBe(200);
    expect(progress.body.status).toBe('in_progress');

    const upload = await env.upload(taskId, '推进情况.pdf', MINIMAL_PDF, leadOfficer);
    expect(upload.status).toBe(201);

    const submit = await env.http<TaskDetailDto>('POST', `/api/tasks/${taskId}/submit`, {
      as: leadOfficer,
      body: { summary: '已完成全部工作。', version: progress.body.version },
    });
    expect(submit.status).toBe(200);
    expect(submit.body.status).toBe('submitted');

    const approve = await env.http<TaskDetailDto>('POST', `/api/tasks/${taskId}/approve`, {
      as: supervisor,
      body: {},
      headers: { 'if-match': `"${submit.body.version}"` },
    });
    expect(approve.status).toBe(200);
    expect(approve.body.status).toBe('done');
    expect(approve.body.completedOnTime).toBe(true);
    expect(approve.body.history.map((h) => h.action)).toEqual([
      'task.progress_reported',
      'evidence.uploaded',
      'task.submitted',
      'task.approved',
    ]);
  });

  it('documents every workflow route in OpenAPI', async () => {
    const response = await env.http<{ paths: Record<string, Record<string, unknown>> }>(
      'GET',
      '/api/docs/json',
    );
    expect(response.status).toBe(200);
    const routes = Object.entries(response.body.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /api/tasks',
        'GET /api/tasks/{id}',
        'POST /api/tasks/{id}/progress',
        'POST /api/tasks/{id}/evidence',
        'POST /api/tasks/{id}/submit',
        'POST /api/tasks/{id}/approve',
        'POST /api/tasks/{id}/return',
        'POST /api/tasks/{id}/extension',
        'POST /api/extensions/{id}/grant',
        'POST /api/extensions/{id}/refuse',
        'GET /api/evidence/{id}',
        'GET /api/stats/overdue',
        'GET /api/export/tasks.xlsx',
      ]),
    );
  });
});
