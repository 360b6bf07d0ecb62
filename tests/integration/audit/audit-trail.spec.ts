import type { AuditEntryDto, TaskDetailDto } from '@duban/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINIMAL_PDF, WorkflowEnv } from '../support/workflow-env';

interface AuditRow {
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  from_status: string | null;
  to_status: string | null;
  detail: Record<string, unknown> | null;
}

describe('audit trail', () => {
  let env: WorkflowEnv;

  beforeAll(async () => {
    env = await WorkflowEnv.start();
  });

  afterAll(async () => {
    await env?.stop();
  });

  const rows = (taskId: string) =>
    env.db.query<AuditRow[]>(
      `SELECT action, actor_id, actor_name, from_status, to_status, detail FROM audit_log WHERE task_id = $1 ORDER BY at, id`,
      [taskId],
    );

  it('records every state change with actor, from/to status and detail', async () => {
    const taskId = await env.newTask({ deadline: '2099-06-30' });
    const { leadOfficer, participantOfficer, supervisor } = env.users;
    await env.http('POST', `/api/tasks/${taskId}/progress`, {
      as: participantOfficer,
      body: { text: '已启动' },
    });
    const upload = await env.upload<{ id: string }>(taskId, '材料.pdf', MINIMAL_PDF, leadOfficer);
    await env.http('POST', `/api/tasks/${taskId}/submit`, { as: leadOfficer, body: { summary: '完成' } });
    await env.http('POST', `/api/tasks/${taskId}/return`, { as: supervisor, body: { reason: '不完整' } });
    await env.http('POST', `/api/tasks/${taskId}/progress`, { as: leadOfficer, body: { text: '已补充' } });
    const ext = await env.http<TaskDetailDto>('POST', `/api/tasks/${taskId}/extension`, {
      as: leadOfficer,
      body: { reason: '需延期', requestedDeadline: '2099-09-30' },
    });
    await env.http('POST', `/api/extensions/${ext.body.extensions[0].id}/grant`, {
      as: supervisor,
      body: {},
    });
    await env.http('POST', `/api/tasks/${taskId}/submit`, {
      as: leadOfficer,
      body: { summary: '再次报办结' },
    });
    await env.http('POST', `/api/tasks/${taskId}/approve`, { as: supervisor, body: { comment: '同意办结' } });

    const trail = await rows(taskId);
    expect(trail.map((r) => [r.action, r.from_status, r.to_status])).toEqual([
      ['task.progress_reported', 'not_started', 'in_progress'],
      ['evidence.uploaded', null, null],
      ['task.submitted', 'in_progress', 'submitted'],
      ['task.returned', 'submitted', 'returned'],
      ['task.progress_reported', 'returned', 'in_progress'],
      ['extension.requested', null, null],
      ['extension.granted', null, null],
      ['task.submitted', 'in_progress', 'submitted'],
      ['task.approved', 'submitted', 'done'],
    ]);
    expect(trail.map((r) => r.actor_name)).toEqual([
      '乙部门干部',
      '甲部门干部',
      '甲部门干部',
      '督查室',
      '甲部门干部',
      '甲部门干部',
      '督查室',
      '甲部门干部',
      '督查室',
    ]);
    expect(trail.every((r) => r.actor_id !== null)).toBe(true);
    expect(trail[1].detail).toMatchObject({ evidenceId: upload.body.id, fileName: '材料.pdf' });
    expect(trail[3].detail).toEqual({ reason: '不完整' });
    expect(trail[6].detail).toMatchObject({
      previousDeadline: '2099-06-30',
      requestedDeadline: '2099-09-30',
    });
    expect(trail[8].detail).toMatchObject({
      comment: '同意办结',
      completedOnTime: true,
      completedOnTimeOriginal: true,
    });

    const detail = await env.http<TaskDetailDto>('GET', `/api/tasks/${taskId}`, { as: participantOfficer });
    expect(detail.body.history).toHaveLength(9);
    const last: AuditEntryDto = detail.body.history[8];
    expect(last).toMatchObject({
      action: 'task.approved',
      actor: '督查室',
      fromStatus: 'submitted',
      toStatus: 'done',
    });
    expect(Date.parse(last.at)).not.toBeNaN();
  });

  it('writes nothing for a refused or failed change', async () => {
    const taskId = await env.newTask({ status: 'in_progress' });
    await env.http('POST', `/api/tasks/${taskId}/approve`, { as: env.users.supervisor, body: {} });
    await env.http('POST', `/api/tasks/${taskId}/submit`, {
      as: env.users.leadOfficer,
      body: { summary: '无佐证' },
    });
    await env.http('POST', `/api/tasks/${taskId}/progress`, {
      as: env.users.otherOfficer,
      body: { text: '越权' },
    });
    await env.http('POST', `/api/tasks/${taskId}/progress`, {
      as: env.users.leadOfficer,
      body: { text: '过期版本' },
      headers: { 'if-match': '"7"' },
    });
    await env.upload(taskId, 'bad.exe', Buffer.from('MZ\0\0\0'), env.users.leadOfficer);
    expect(await rows(taskId)).toEqual([]);
    const [{ n }] = await env.db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM progress_reports WHERE task_id = $1',
      [taskId],
    );
    expect(n).toBe(0);
  });

  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    const taskId = await env.newTask({ status: 'in_progress' });
    await env.http('POST', `/api/tasks/${taskId}/progress`, {
      as: env.users.leadOfficer,
      body: { text: '进展' },
    });
    await expect(
      env.db.query(`UPDATE audit_log SET action = 'tampered' WHERE task_id = $1`, [taskId]),
    ).rejects.toThrow();
    await expect(env.db.query(`DELETE FROM audit_log WHERE task_id = $1`, [taskId])).rejects.toThrow();
    expect((await rows(taskId)).map((r) => r.action)).toEqual(['task.progress_reported']);
  });
});
