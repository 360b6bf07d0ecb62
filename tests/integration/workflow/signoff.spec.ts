import type { ApiErrorDto, PageDto, TaskDetailDto, TaskSummaryDto, UserRefDto } from '@duban/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReminderScheduler } from '../../../apps/api/src/reminders/reminder.scheduler';
import { drainEvents } from '../support/desk';
import { MINIMAL_PDF, WorkflowEnv, type SeededUser } from '../support/workflow-env';

type Detail = TaskDetailDto & ApiErrorDto;

describe('签收, 承办人 and the 主办 lead', () => {
  let env: WorkflowEnv;
  /** A second officer of A (the 主办 lead), a co-lead department D with its officer, an inactive A officer. */
  let colleague: SeededUser;
  let coLeadDepartment: string;
  let coLead: SeededUser;
  let inactive: SeededUser;

  beforeAll(async () => {
    env = await WorkflowEnv.start();
    colleague = await env.addUser('a2', 'officer', env.departments.A, '甲部门干部二');
    inactive = await env.addUser('a3', 'officer', env.departments.A, '甲部门离岗干部');
    await env.db.query(`UPDATE users SET active = false WHERE id = $1`, [inactive.id]);
    coLeadDepartment = await env.addDepartment('测试部门D', 'test-dept-d');
    coLead = await env.addUser('d1', 'officer', coLeadDepartment, '丁部门干部');
  });

  afterAll(async () => {
    await env?.stop();
  });

  const coLedTask = () =>
    env.newTask({
      status: 'in_progress',
      lead: [env.departments.A, coLeadDepartment],
      participants: [env.departments.B],
    });
  const detail = (taskId: string, as: SeededUser) => env.http<Detail>('GET', `/api/tasks/${taskId}`, { as });
  const acknowledge = (taskId: string, as: SeededUser, headers: Record<string, string> = {}) =>
    env.http<Detail>('POST', `/api/tasks/${taskId}/acknowledge`, { as, headers });
  const nameAssignee = (taskId: string, as: SeededUser, userId: string | null) =>
    env.http<Detail>('PUT', `/api/tasks/${taskId}/assignee`, { as, body: { userId } });

  describe('签收', () => {
    it('waits for the 主办 lead, which signs off once; audited, shown on the detail', async () => {
      const taskId = await env.newTask();
      const before = await detail(taskId, env.users.leadOfficer);
      expect(before.body.awaitingSignoff).toBe(true);
      expect(before.body.signoff.acknowledgedAt).toBeNull();
      expect(before.body.signoff.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(before.body.allowedActions).toContain('acknowledge');

      const signed = await acknowledge(taskId, env.users.leadOfficer, {
        'if-match': `"${before.body.version}"`,
      });
      expect(signed.status).toBe(200);
      expect(signed.body.awaitingSignoff).toBe(false);
      expect(signed.body.signoff.acknowledgedBy).toBe('甲部门干部');
      expect(signed.body.version).toBe(before.body.version + 1);
      expect(signed.body.allowedActions).not.toContain('acknowledge');
      expect(signed.body.history.map((h) => h.action)).toContain('task.acknowledged');

      // Twice (a retry with the same, now stale, If-Match too): the same answer, one audit entry.
      const again = await acknowledge(taskId, colleague, { 'if-match': `"${before.body.version}"` });
      expect(again.status).toBe(200);
      expect(again.body.version).toBe(signed.body.version);
      expect(again.body.signoff.acknowledgedBy).toBe('甲部门干部');
      expect((await env.auditActions(taskId)).filter((a) => a === 'task.acknowledged')).toHaveLength(1);
    });

    it('refuses participants, co-leads, the 督查室 and admins (403) and other departments (404)', async () => {
      const taskId = await coLedTask();
      for (const user of [env.users.participantOfficer, coLead, env.users.supervisor, env.users.admin]) {
        const refused = await acknowledge(taskId, user);
        expect(refused.status).toBe(403);
        expect(refused.body.message).toMatch(/无权/);
      }
      expect((await acknowledge(taskId, env.users.otherOfficer)).status).toBe(404);
      expect((await detail(taskId, env.users.leadOfficer)).body.awaitingSignoff).toBe(true);
    });

    it('checks If-Match while the task still waits (409 on a stale version)', async () => {
      const taskId = await env.newTask();
      const stale = await acknowledge(taskId, env.users.leadOfficer, { 'if-match': '"999"' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('TASK_VERSION_CONFLICT');
    });

    it('schedules the signoff reminder and escalation, and drops both after 签收', async () => {
      const scheduler = env.app.get(ReminderScheduler, { strict: false });
      const taskId = await env.newTask();
      await scheduler.taskChanged(taskId);
      const jobs = await scheduler.trackedJobIds(taskId);
      expect(jobs.some((id) => id.includes(`|dept-${env.departments.A}|task.signoff_due|`))).toBe(true);
      expect(jobs.some((id) => id.includes('|supervisors|task.signoff_overdue|'))).toBe(true);
      // Only the 主办 is asked: the participant gets no signoff reminder.
      expect(jobs.some((id) => id.includes(`dept-${env.departments.B}|task.signoff`))).toBe(false);

      expect((await acknowledge(taskId, env.users.leadOfficer)).status).toBe(200);
      // The 签收 reschedules through the outbox (a worker drains it on commit; this test runs none).
      await drainEvents(env);
      const after = await scheduler.trackedJobIds(taskId);
      expect(after.some((id) => id.includes('task.signoff'))).toBe(false);
      // The deadline reminders stay.
      expect(after.some((id) => id.includes('deadline_approaching'))).toBe(true);
    });

    it('lists 「待签收」: for an officer only the tasks its department signs as 主办', async () => {
      const mine = await env.newTask({ title: '待签收甲' });
      const signedOff = await env.newTask({ title: '已签收甲' });
      await acknowledge(signedOff, env.users.leadOfficer);
      const asCoLead = await env.newTask({ title: '丁为协办', lead: [env.departments.A, coLeadDepartment] });
      const list = (as: SeededUser) =>
        env.http<PageDto<TaskSummaryDto>>('GET', '/api/tasks', {
          as,
          query: { awaitingSignoff: 'true', pageSize: '200' },
        });
      const lead = (await list(env.users.leadOfficer)).body.items.map((t) => t.id);
      expect(lead).toContain(mine);
      expect(lead).toContain(asCoLead);
      expect(lead).not.toContain(signedOff);
      expect((await list(coLead)).body.items.map((t) => t.id)).not.toContain(asCoLead);
      const supervisor = (await list(env.users.supervisor)).body.items;
      expect(supervisor.map((t) => t.id)).toEqual(expect.arrayContaining([mine, asCoLead]));
      expect(supervisor.every((t) => t.awaitingSignoff)).toBe(true);
    });
  });

  describe('承办人', () => {
    it('is an active officer of the 主办 lead, named by one of its officers; audited', async () => {
      const taskId = await coLedTask();
      const candidates = await env.http<UserRefDto[]>('GET', `/api/tasks/${taskId}/assignee-candidates`, {
        as: env.users.leadOfficer,
      });
      expect(candidates.status).toBe(200);
      expect(candidates.body.map((c) => c.name).sort()).toEqual(['甲部门干部', '甲部门干部二'].sort());

      for (const wrong of [env.users.participantOfficer, coLead, env.users.supervisor, inactive]) {
        const refused = await nameAssignee(taskId, env.users.leadOfficer, wrong.id);
        expect(refused.status).toBe(400);
        expect(refused.body.code).toBe('TASK_ASSIGNEE_INVALID');
        expect(refused.body.message).toMatch(/承办人须为本单位/);
      }
      const unknown = await nameAssignee(
        taskId,
        env.users.leadOfficer,
        '00000000-0000-4000-8000-000000000000',
      );
      expect(unknown.status).toBe(400);
      expect(
        (
          await env.http<Detail>('PUT', `/api/tasks/${taskId}/assignee`, {
            as: env.users.leadOfficer,
            body: {},
          })
        ).status,
      ).toBe(400);

      const named = await nameAssignee(taskId, env.users.leadOfficer, colleague.id);
      expect(named.status).toBe(200);
      expect(named.body.assignee).toEqual({ id: colleague.id, name: '甲部门干部二' });
      const audit = named.body.history.find((h) => h.action === 'task.assignee_named');
      expect(audit?.detail).toMatchObject({ before: null, after: { id: colleague.id } });

      // Only the 主办 lead's officers name it.
      expect((await nameAssignee(taskId, coLead, coLead.id)).status).toBe(403);
      expect((await nameAssignee(taskId, env.users.participantOfficer, colleague.id)).status).toBe(403);
      expect((await nameAssignee(taskId, env.users.otherOfficer, colleague.id)).status).toBe(404);
      // Everyone of the departments still sees the task and its 承办人.
      expect((await detail(taskId, coLead)).body.assignee?.name).toBe('甲部门干部二');
    });

    it('「我承办的」 (mine=true) lists only the caller’s tasks', async () => {
      const forColleague = await env.newTask({ title: '承办甲二' });
      const forLead = await env.newTask({ title: '承办甲一' });
      await env.newTask({ title: '无承办人' });
      await nameAssignee(forColleague, env.users.leadOfficer, colleague.id);
      await nameAssignee(forLead, colleague, env.users.leadOfficer.id);
      const mine = async (as: SeededUser) =>
        (
          await env.http<PageDto<TaskSummaryDto>>('GET', '/api/tasks', {
            as,
            query: { mine: 'true', pageSize: '200' },
          })
        ).body.items.map((t) => t.id);
      expect(await mine(colleague)).toContain(forColleague);
      expect(await mine(colleague)).not.toContain(forLead);
      const leadOwn = await mine(env.users.leadOfficer);
      expect(leadOwn).toContain(forLead);
      expect(leadOwn).not.toContain(forColleague);
      const [{ n }] = await env.db.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM tasks WHERE assignee_id = $1',
        [env.users.leadOfficer.id],
      );
      expect(leadOwn).toHaveLength(n);
      expect(await mine(env.users.supervisor)).toEqual([]);
    });
  });

  describe('co-leads', () => {
    it('a co-lead reports its part (配合意见, in the 主办’s inbox) but cannot submit or ask for more time', async () => {
      const taskId = await coLedTask();
      const reported = await env.http<Detail>('POST', `/api/tasks/${taskId}/progress`, {
        as: coLead,
        body: { text: '丁部门已完成配套文件起草。' },
      });
      expect(reported.status).toBe(200);
      expect(reported.body.reports.at(-1)).toMatchObject({
        cooperation: true,
        department: { id: coLeadDepartment },
      });
      const own = await env.http<Detail>('POST', `/api/tasks/${taskId}/progress`, {
        as: env.users.leadOfficer,
        body: { text: '甲部门牵头推进。' },
      });
      expect(own.body.reports.at(-1)?.cooperation).toBe(false);
      await drainEvents(env);
      const inbox = await env.db.query<{ department_id: string; title: string }[]>(
        `SELECT department_id, title FROM notifications WHERE task_id = $1 AND rule = 'report.participant'`,
        [taskId],
      );
      expect(inbox).toEqual([
        { department_id: env.departments.A, title: expect.stringContaining('配合意见') },
      ]);

      await env.upload(taskId, '佐证.pdf', MINIMAL_PDF, coLead);
      const submit = await env.http<Detail>('POST', `/api/tasks/${taskId}/submit`, {
        as: coLead,
        body: { summary: '完成' },
      });
      expect(submit.status).toBe(403);
      expect(submit.body.message).toMatch(/无权/);
      const extension = await env.http<Detail>('POST', `/api/tasks/${taskId}/extension`, {
        as: coLead,
        body: { reason: '延期', requestedDeadline: '2100-06-30' },
      });
      expect(extension.status).toBe(403);
      expect((await detail(taskId, coLead)).body.allowedActions).toEqual([
        'report_progress',
        'upload_evidence',
      ]);
    });

    it('督查室 makes the co-lead 主办: it signs off anew and submits, the former 主办 no longer can', async () => {
      const taskId = await coLedTask();
      await acknowledge(taskId, env.users.leadOfficer);
      await nameAssignee(taskId, env.users.leadOfficer, colleague.id);
      const toParticipant = await env.http<Detail>('PUT', `/api/tasks/${taskId}/main-lead`, {
        as: env.users.supervisor,
        body: { departmentId: env.departments.B },
      });
      expect(toParticipant.status).toBe(400);
      expect(toParticipant.body.code).toBe('TASK_MAIN_LEAD_NOT_LEAD');
      expect(
        (
          await env.http('PUT', `/api/tasks/${taskId}/main-lead`, {
            as: env.users.leadOfficer,
            body: { departmentId: coLeadDepartment },
          })
        ).status,
      ).toBe(403);

      const changed = await env.http<Detail>('PUT', `/api/tasks/${taskId}/main-lead`, {
        as: env.users.supervisor,
        body: { departmentId: coLeadDepartment },
      });
      expect(changed.status).toBe(200);
      expect(changed.body.mainLeadId).toBe(coLeadDepartment);
      expect(changed.body.lead[0].id).toBe(coLeadDepartment);
      expect(changed.body.awaitingSignoff).toBe(true);
      expect(changed.body.assignee).toBeNull();
      const audit = changed.body.history.find((h) => h.action === 'task.main_lead_changed');
      expect(audit?.detail).toMatchObject({
        before: { id: env.departments.A },
        after: { id: coLeadDepartment },
      });
      // Naming the 主办 in force again changes nothing.
      const same = await env.http<Detail>('PUT', `/api/tasks/${taskId}/main-lead`, {
        as: env.users.supervisor,
        body: { departmentId: coLeadDepartment },
      });
      expect(same.body.version).toBe(changed.body.version);

      await env.upload(taskId, '佐证.pdf', MINIMAL_PDF, env.users.leadOfficer);
      const former = await env.http<Detail>('POST', `/api/tasks/${taskId}/submit`, {
        as: env.users.leadOfficer,
        body: { summary: '完成' },
      });
      expect(former.status).toBe(403);
      expect((await acknowledge(taskId, coLead)).status).toBe(200);
      const submitted = await env.http<Detail>('POST', `/api/tasks/${taskId}/submit`, {
        as: coLead,
        body: { summary: '丁部门主办完成' },
      });
      expect(submitted.status).toBe(200);
      expect(submitted.body.status).toBe('submitted');
    });

    it('passes 主办 to the next lead when the 督查室 removes it from the leads', async () => {
      const taskId = await coLedTask();
      await acknowledge(taskId, env.users.leadOfficer);
      const current = await detail(taskId, env.users.supervisor);
      const edited = await env.http<Detail>('POST', `/api/tasks/${taskId}/departments`, {
        as: env.users.supervisor,
        body: {
          leadDepartmentIds: [coLeadDepartment],
          participantDepartmentIds: [env.departments.A, env.departments.B],
          reason: '调整分工',
          version: current.body.version,
        },
      });
      expect(edited.status).toBe(200);
      expect(edited.body.mainLeadId).toBe(coLeadDepartment);
      expect(edited.body.awaitingSignoff).toBe(true);
      const [{ n }] = await env.db.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM task_assignments WHERE task_id = $1 AND is_main',
        [taskId],
      );
      expect(n).toBe(1);
    });
  });
});
