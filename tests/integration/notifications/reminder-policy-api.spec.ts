import type { ReminderPolicy } from '@duban/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobName, QueueName } from '../../../apps/api/src/infra/queue/queue.catalogue';
import { QueueService } from '../../../apps/api/src/infra/queue/queue.service';
import { ReminderPolicyService } from '../../../apps/api/src/reminders/reminder-policy.service';
import { ReminderScheduler } from '../../../apps/api/src/reminders/reminder.scheduler';
import { createTestApp, departmentByName, loginAs, seedDepartments, type TestApp } from '../support/harness';
import { deleteRedisPrefix } from '../support/reminder-env';

describe('reminder policy API (admins)', () => {
  let t: TestApp;
  let admin: string;
  let officer: string;

  beforeAll(async () => {
    t = await createTestApp({
      config: {
        clock: { anchorMs: Date.now(), scale: 1, offsetMs: Date.parse('2026-03-01T00:00:00Z') - Date.now() },
      },
    });
    await seedDepartments(t);
    admin = await loginAs(t, 'admin');
    officer = await loginAs(t, 'officer', '商务部');
  });

  afterAll(async () => {
    const prefix = t?.config.redis.prefix;
    await t?.close();
    if (prefix) await deleteRedisPrefix(prefix);
  });

  it('shows the policy in force to admins only', async () => {
    expect((await t.request('GET', '/api/admin/reminder-policy', { token: officer })).status).toBe(403);
    const res = await t.request<ReminderPolicy>('GET', '/api/admin/reminder-policy', { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      sendAtLocalTime: '09:00',
      beforeDays: [7, 1, 0],
      milestoneBeforeDays: [3, 0],
      overdueEveryDays: 3,
      escalateAfterDays: 7,
    });
  });

  it('lets admins change the 阶段节点 reminder days, refusing a negative or out-of-range day', async () => {
    for (const bad of [[-1], [91], ['三']]) {
      const res = await t.request('PUT', '/api/admin/reminder-policy', {
        token: admin,
        body: { milestoneBeforeDays: bad },
      });
      expect(res.status).toBe(400);
      // The refusal names the field in zh-CN (the one validation filter's wording), never a bare 400.
      expect(JSON.stringify(res.body)).toMatch(/[\u4e00-\u9fff]/u);
    }
    const off = await t.request<ReminderPolicy>('PUT', '/api/admin/reminder-policy', {
      token: admin,
      body: { milestoneBeforeDays: [] },
    });
    expect(off.status).toBe(200);
    expect(off.body.milestoneBeforeDays).toEqual([]);
    const back = await t.request<ReminderPolicy>('PUT', '/api/admin/reminder-policy', {
      token: admin,
      body: { milestoneBeforeDays: [5, 1, 0] },
    });
    expect(back.body.milestoneBeforeDays).toEqual([5, 1, 0]);
  });

  it('validates and stores a change, then has the worker reconcile every open task', async () => {
    const bad = await t.request('PUT', '/api/admin/reminder-policy', {
      token: admin,
      body: { sendAtLocalTime: '25:00' },
    });
    expect(bad.status).toBe(400);
    expect(
      (await t.request('PUT', '/api/admin/reminder-policy', { token: admin, body: { overdueEveryDays: 0 } }))
        .status,
    ).toBe(400);
    expect(
      (
        await t.request('PUT', '/api/admin/reminder-policy', {
          token: officer,
          body: { overdueEveryDays: 5 },
        })
      ).status,
    ).toBe(403);

    const res = await t.request<ReminderPolicy>('PUT', '/api/admin/reminder-policy', {
      token: admin,
      body: { beforeDays: [3, 0], sendAtLocalTime: '08:30' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ beforeDays: [3, 0], sendAtLocalTime: '08:30', overdueEveryDays: 3 });
    expect(
      (await t.request<ReminderPolicy>('GET', '/api/admin/reminder-policy', { token: admin })).body
        .beforeDays,
    ).toEqual([3, 0]);
    const queued = await t.app.get(QueueService).get(QueueName.Maintenance).getJobs(['waiting'], 0, -1);
    expect(queued.map((j) => j.name)).toContain(JobName.Reconcile);
  });

  it('schedules under the new policy', async () => {
    const department = await departmentByName(t, '商务部');
    const [doc]: { id: string }[] = await t.dataSource.query(
      `INSERT INTO policy_documents (title, title_key, source_file, source_checksum, start_line, end_line)
       VALUES ('策略测试', 'it-policy', 'p.txt', $1, 1, 2) RETURNING id`,
      ['2'.repeat(64)],
    );
    const [task]: { id: string }[] = await t.dataSource.query(
      `INSERT INTO tasks (document_id, measure_key, title, text, source_file, source_line, origin, deadline, deadline_kind, status)
       VALUES ($1, 'p1', '策略任务', '策略任务', 'p.txt', 1, 'inline', '2026-03-20', 'date', 'in_progress') RETURNING id`,
      [doc.id],
    );
    await t.dataSource.query(
      `INSERT INTO task_assignments (task_id, department_id, role, position) VALUES ($1, $2, 'lead', 0)`,
      [task.id, department.id],
    );
    await t.app.get(ReminderScheduler).taskChanged(task.id);
    const tracked = await t.app.get(ReminderScheduler).trackedJobIds(task.id);
    expect(tracked.filter((id) => id.includes('deadline_approaching'))).toEqual([
      `${task.id}|dept-${department.id}|deadline_approaching|2026-03-17`,
    ]);
    const job = await t.app
      .get(QueueService)
      .get(QueueName.Reminders)
      .getJob(`${task.id}|dept-${department.id}|deadline_today|2026-03-20`);
    expect(job?.data).toMatchObject({ dueAt: '2026-03-20T00:30:00.000Z' });
    expect((await t.app.get(ReminderPolicyService).current()).sendAtLocalTime).toBe('08:30');
  });
});
