import type { TaskDetailDto } from '@duban/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINIMAL_PDF, WorkflowEnv } from './support/workflow-fixture';

describe('task workflow', () => {
  let env: WorkflowEnv;

  beforeAll(async () => {
    env = await WorkflowEnv.start();
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('runs a task from 未启动 to 已办结', async () => {
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
});
