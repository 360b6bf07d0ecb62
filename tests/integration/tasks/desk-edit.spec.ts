import type { ApiErrorDto, PageDto, SplitTaskResultDto, TaskDetailDto, TaskSummaryDto } from '@duban/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReminderScheduler } from '../../../apps/api/src/reminders/reminder.scheduler';
import { addDays, WorkflowEnv } from '../support/workflow-env';
import { inbox, reminderJobs } from '../support/desk';

const today = new Date().toISOString().slice(0, 10);

interface AuditRow {
  action: string;
  actor_name: string;
  from_status: string | null;
  to_status: string | null;
  detail: Record<string, unknown>;
}

describe('supervisor edits with audit (deadline, departments, split, 终止)', () => {
  let env: WorkflowEnv;

  beforeAll(async () => {
    env = await WorkflowEnv.start();
  });

  afterAll(async () => {
    await env?.stop();
  });

  async function lastAudit(taskId: string): Promise<AuditRow> {
    const rows = await env.db.query<AuditRow[]>(
      `SELECT action, actor_name, from_status, to_status, detail FROM audit_log WHERE task_id = $1 ORDER BY at DESC, id DESC LIMIT 1`,
      [taskId],
    );
    return rows[0];
  }

  /** A task with its reminders scheduled, as after 立项. */
  async function scheduledTask(deadline: string | null = addDays(today, 30)): Promise<string> {
    const taskId = await env.newTask({ deadline });
    await env.app.get(ReminderScheduler, { strict: false }).taskChanged(taskId);
    return taskId;
  }

  it('edits the deadline with a reason: audit before/after, reminders move, departments told, no extension', async () => {
    const taskId = await scheduledTask(addDays(today, 30));
    const oldDeadline = addDays(today, 30);
    const newDeadline = addDays(today, 90);
    expect((await reminderJobs(env, taskId)).some((j) => j.includes(oldDeadline))).toBe(true);

    const noReason = await env.http<ApiErrorDto>('POST', `/api/tasks/${taskId}/deadline`, {
      as: env.users.supervisor,
      body: { deadline: newDeadline, reason: ' ' },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toContain('reason');
    const impossible = await env.http('POST', `/api/tasks/${taskId}/deadline`, {
      as: env.users.supervisor,
      body: { deadline: '2027-13-01', reason: '更正' },
    });
    expect(impossible.status).toBe(400);
    const stale = await env.http<ApiErrorDto>('POST', `/api/tasks/${taskId}/deadline`, {
      as: env.users.supervisor,
      body: { deadline: newDeadline, reason: '更正' },
      headers: { 'if-match': '"7"' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('TASK_VERSION_CONFLICT');

    const res = await env.http<TaskDetailDto>('POST', `/api/tasks/${taskId}/deadline`, {
      as: env.users.supervisor,
      body: { deadline: newDeadline, reason: '原时限录入有误' },
      headers: { 'if-match': '"1"' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      deadline: newDeadline,
      originalDeadline: null,
      version: 2,
      extensions: [],
    });
    expect(await lastAudit(taskId)).toMatchObject({
      action: 'task.deadline_edited',
      actor_name: '督查室',
      detail: { before: oldDeadline, after: newDeadline, reason: '原时限录入有误' },
    });
    const jobs = await reminderJobs(env, taskId);
    expect(jobs.some((j) => j.includes(newDeadline))).toBe(true);
    expect(jobs.some((j) => j.includes(oldDeadline))).toBe(false);
    for (const officer of [env.users.leadOfficer, env.users.participantOfficer]) {
      const notice = (await inbox(env, officer)).find((n) => n.task?.id === taskId);
      expect(notice?.rule).toBe('task.deadline_edited');
      expect(notice?.body).toContain(newDeadline);
    }
  });

  it('reassigns departments: access and reminders follow, added/removed are told, audit has before/after', async () => {
    const taskId = await scheduledTask();
    const { A, B, C } = env.departments;
    expect((await reminderJobs(env, taskId)).some((j) => j.includes(`dept-${A}`))).toBe(true);

    const noLead = await env.http('POST', `/api/tasks/${taskId}/departments`, {
      as: env.users.supervisor,
      body: { leadDepartmentIds: [], participantDepartmentIds: [B], reason: '调整' },
    });
    expect(noLead.status).toBe(400);

    const res = await env.http<TaskDetailDto>('POST', `/api/tasks/${taskId}/departments`, {
      as: env.users.supervisor,
      body: { leadDepartmentIds: [C], participantDepartmentIds: [B], reason: '职能划转至丙部门' },
      headers: { 'if-match': '"1"' },
    });
    expect(res.status).toBe(200);
    expect(res.body.lead.map((d) => d.id)).toEqual([C]);
    expect(res.body.participants.map((d) => d.id)).toEqual([B]);
    const audit = await lastAudit(taskId);
    expect(audit.action).toBe('task.departments_changed');
    expect(audit.detail).toMatchObject({
      reason: '职能划转至丙部门',
      before: { lead: [{ id: A, name: '测试部门A' }], participants: [{ id: B, name: '测试部门B' }] },
      after: { lead: [{ id: C, name: '测试部门C' }], participants: [{ id: B, name: '测试部门B' }] },
      added: [{ id: C, name: '测试部门C' }],
      removed: [{ id: A, name: '测试部门A' }],
    });
    // Access follows: A no longer sees it, C does (and may now submit as lead).
    expect((await env.http('GET', `/api/tasks/${taskId}`, { as: env.users.leadOfficer })).status).toBe(404);
    const asC = await env.http<TaskDetailDto>('GET', `/api/tasks/${taskId}`, { as: env.users.otherOfficer });
    expect(asC.status).toBe(200);
    expect(asC.body.allowedActions).toContain('request_extension');
    const cList = await env.http<PageDto<TaskSummaryDto>>('GET', '/api/tasks', {
      as: env.users.otherOfficer,
      query: { department: C },
    });
    expect(cList.body.items.map((t) => t.id)).toContain(taskId);
    // Reminders follow.
    const jobs = await reminderJobs(env, taskId);
    expect(jobs.some((j) => j.includes(`dept-${A}`))).toBe(false);
    expect(jobs.some((j) => j.includes(`dept-${C}`))).toBe(true);
    // The added and the removed departments are told; the unchanged participant is not.
    expect((await inbox(env, env.users.otherOfficer)).find((n) => n.task?.id === taskId)?.title).toContain(
      '新增督办任务',
    );
    expect((await inbox(env, env.users.leadOfficer)).find((n) => n.task?.id === taskId)?.body).toContain(
      '移除',
    );
    expect((await inbox(env, env.users.participantOfficer)).filter((n) => n.task?.id === taskId)).toEqual([]);
  });

  it('splits a task: children keep the source, the parent is closed as 已终止 and linked', async () => {
    const taskId = await scheduledTask();
    const { A, B, C } = env.departments;
    const tooFew = await env.http('POST', `/api/tasks/${taskId}/split`, {
      as: env.users.supervisor,
      body: { reason: '分解', parts: [{ text: '一', leadDepartmentIds: [A] }] },
    });
    expect(tooFew.status).toBe(400);
    const res = await env.http<SplitTaskResultDto>('POST', `/api/tasks/${taskId}/split`, {
      as: env.users.supervisor,
      body: {
        reason: '按职责分解',
        parts: [
          { text: '甲部门负责的部分。', leadDepartmentIds: [A] },
          {
            text: '丙部门负责的部分。',
            leadDepartmentIds: [C],
            participantDepartmentIds: [B],
            deadline: addDays(today, 60),
          },
        ],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.childIds).toHaveLength(2);
    const parent = await env.http<TaskDetailDto>('GET', `/api/tasks/${taskId}`, { as: env.users.supervisor });
    expect(parent.body).toMatchObject({ status: 'terminated', overdue: false, light: 'green' });
    expect(parent.body.terminationReason).toContain('已拆分为 2 项');
    expect(await lastAudit(taskId)).toMatchObject({ action: 'task.split', to_status: 'terminated' });
    expect(await reminderJobs(env, taskId)).toEqual([]);
    const [first, second] = await Promise.all(
      res.body.childIds.map((id) =>
        env.http<TaskDetailDto>('GET', `/api/tasks/${id}`, { as: env.users.supervisor }),
      ),
    );
    expect(first.body).toMatchObject({
      parentId: taskId,
      deadline: addDays(today, 30),
      source: { id: env.documentId },
    });
    expect(second.body).toMatchObject({
      parentId: taskId,
      deadline: addDays(today, 60),
      source: { id: env.documentId },
    });
    expect(second.body.history.map((h) => h.action)).toEqual(['task.split_from']);
    expect(await reminderJobs(env, second.body.id)).not.toEqual([]);
  });

  it('terminates with a reason: final, never overdue, reminders gone, no more workflow', async () => {
    const taskId = await env.newTask({ deadline: addDays(today, -10), status: 'in_progress' });
    const asked = await env.http('POST', `/api/tasks/${taskId}/extension`, {
      as: env.users.leadOfficer,
      body: { reason: '需要更多时间', requestedDeadline: addDays(today, 30) },
    });
    expect(asked.status).toBe(201);
    await env.app.get(ReminderScheduler, { strict: false }).taskChanged(taskId);
    expect(await reminderJobs(env, taskId)).not.toEqual([]);
    const before = await env.http<TaskDetailDto>('GET', `/api/tasks/${taskId}`, { as: env.users.supervisor });
    expect(before.body.overdue).toBe(true);

    const res = await env.http<TaskDetailDto>('POST', `/api/tasks/${taskId}/terminate`, {
      as: env.users.supervisor,
      body: { reason: '已被新的文件取代', version: before.body.version },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'terminated',
      overdue: false,
      light: 'green',
      terminationReason: '已被新的文件取代',
    });
    expect(await lastAudit(taskId)).toMatchObject({
      action: 'task.terminated',
      from_status: 'in_progress',
      to_status: 'terminated',
      detail: { reason: '已被新的文件取代' },
    });
    expect(await reminderJobs(env, taskId)).toEqual([]);
    // Its pending extension request is answered, so it leaves the review queue.
    const [extension] = await env.db.query<{ status: string; decision_reason: string }[]>(
      `SELECT status, decision_reason FROM extension_requests WHERE task_id = $1`,
      [taskId],
    );
    expect(extension).toEqual({ status: 'refused', decision_reason: '任务已终止：已被新的文件取代' });
    const overdue = await env.http<PageDto<TaskSummaryDto>>('GET', '/api/tasks', {
      as: env.users.supervisor,
      query: { overdue: 'true' },
    });
    expect(overdue.body.items.map((t) => t.id)).not.toContain(taskId);
    const terminated = await env.http<PageDto<TaskSummaryDto>>('GET', '/api/tasks', {
      as: env.users.supervisor,
      query: { status: 'terminated' },
    });
    expect(terminated.body.items.map((t) => t.id)).toContain(taskId);
    // Closed: neither the workflow nor another edit applies.
    const progress = await env.http('POST', `/api/tasks/${taskId}/progress`, {
      as: env.users.leadOfficer,
      body: { text: '继续推进' },
    });
    expect(progress.status).toBe(409);
    const again = await env.http<ApiErrorDto>('POST', `/api/tasks/${taskId}/terminate`, {
      as: env.users.supervisor,
      body: { reason: '再次' },
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('已终止');
    const notice = (await inbox(env, env.users.leadOfficer)).find((n) => n.task?.id === taskId);
    expect(notice?.rule).toBe('task.terminated');
  });
});
