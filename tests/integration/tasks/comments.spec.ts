import type { ApiErrorDto, TaskCommentDto, TaskDetailDto } from '@duban/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowEnv } from '../support/workflow-env';
import { inbox } from '../support/desk';

describe('comments (督办意见 and replies) with department mentions', () => {
  let env: WorkflowEnv;

  beforeAll(async () => {
    env = await WorkflowEnv.start();
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('a supervisor 督办意见 reaches the departments; an @mention is resolved and notified; replies reach the 督查室', async () => {
    const taskId = await env.newTask();
    const opinion = await env.http<TaskCommentDto[]>('POST', `/api/tasks/${taskId}/comments`, {
      as: env.users.supervisor,
      body: { text: '请@测试部门B 配合，本周内报送进展。' },
    });
    expect(opinion.status).toBe(201);
    expect(opinion.body).toHaveLength(1);
    expect(opinion.body[0]).toMatchObject({
      author: '督查室',
      supervisor: true,
      department: null,
      replyTo: null,
      mentions: [{ id: env.departments.B, name: '测试部门B' }],
    });
    const bNotices = (await inbox(env, env.users.participantOfficer)).filter((n) => n.task?.id === taskId);
    expect(bNotices.map((n) => n.rule)).toEqual(['comment.mention']);
    expect(bNotices[0].title).toContain('提到了本单位');
    const aNotices = (await inbox(env, env.users.leadOfficer)).filter((n) => n.task?.id === taskId);
    expect(aNotices.map((n) => n.rule)).toEqual(['comment.created']);
    expect(aNotices[0].title).toContain('督办意见');

    const reply = await env.http<TaskCommentDto[]>('POST', `/api/tasks/${taskId}/comments`, {
      as: env.users.leadOfficer,
      body: { text: '收到，已部署。', replyTo: opinion.body[0].id },
    });
    expect(reply.status).toBe(201);
    expect(reply.body[1]).toMatchObject({
      replyTo: opinion.body[0].id,
      supervisor: false,
      department: { id: env.departments.A, name: '测试部门A' },
    });
    const supervisorNotices = (await inbox(env, env.users.supervisor)).filter((n) => n.task?.id === taskId);
    expect(supervisorNotices.map((n) => n.rule)).toEqual(['comment.created']);

    // In the timeline, and in the detail's thread.
    const detail = await env.http<TaskDetailDto>('GET', `/api/tasks/${taskId}`, {
      as: env.users.participantOfficer,
    });
    expect(detail.body.comments.map((c) => c.text)).toEqual([
      '请@测试部门B 配合，本周内报送进展。',
      '收到，已部署。',
    ]);
    expect(detail.body.history.filter((h) => h.action === 'task.commented')).toHaveLength(2);
    const list = await env.http<TaskCommentDto[]>('GET', `/api/tasks/${taskId}/comments`, {
      as: env.users.leadOfficer,
    });
    expect(list.body).toHaveLength(2);
  });

  it('mentions by picker; a unit not on the task, NUL, oversized or empty text are 400 in zh-CN', async () => {
    const taskId = await env.newTask();
    const picked = await env.http<TaskCommentDto[]>('POST', `/api/tasks/${taskId}/comments`, {
      as: env.users.supervisor,
      body: { text: '请加快进度。', mentionDepartmentIds: [env.departments.A] },
    });
    expect(picked.status).toBe(201);
    expect(picked.body[0].mentions.map((m) => m.id)).toEqual([env.departments.A]);

    const outside = await env.http<ApiErrorDto>('POST', `/api/tasks/${taskId}/comments`, {
      as: env.users.supervisor,
      body: { text: '请@测试部门C 协助。' },
    });
    expect(outside.status).toBe(400);
    expect(outside.body.message).toContain('不是本任务的责任单位');
    for (const text of ['a\u0000b', '长'.repeat(5_001), '   ']) {
      const res = await env.http<ApiErrorDto>('POST', `/api/tasks/${taskId}/comments`, {
        as: env.users.leadOfficer,
        body: { text },
      });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const badReply = await env.http('POST', `/api/tasks/${taskId}/comments`, {
      as: env.users.leadOfficer,
      body: { text: '回复', replyTo: '00000000-0000-4000-8000-000000000000' },
    });
    expect(badReply.status).toBe(400);
    const rows = await env.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM task_comments WHERE task_id = $1`,
      [taskId],
    );
    expect(rows[0].n).toBe(1);
  });
});
