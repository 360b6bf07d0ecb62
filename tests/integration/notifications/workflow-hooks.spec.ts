import type { TaskDetailDto } from '@duban/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskEventRelay } from '../../../apps/api/src/events/task-event-relay';
import { ReminderScheduler } from '../../../apps/api/src/reminders/reminder.scheduler';
import { createTestApp, departmentByName, loginAs, seedDepartments, type TestApp } from '../support/harness';
import { deleteRedisPrefix } from '../support/reminder-env';

const LEAD = '商务部';
const PARTICIPANT = '财政部';

/** Each workflow change records a task event; draining the outbox reschedules the task's reminders. */
describe('reminders follow the task workflow (HTTP)', () => {
  let t: TestApp;
  let officer: string;
  let supervisor: string;
  let taskId: string;
  let leadId: string;

  // No worker here: drain the outbox as one would on commit, then look at the jobs.
  const tracked = async (): Promise<string[]> => {
    await t.app.get(TaskEventRelay).drainAll();
    return t.app.get(ReminderScheduler).trackedJobIds(taskId);
  };

  beforeAll(async () => {
    // Application clock at 2026-03-01 (the workflow and the reminders share it).
    t = await createTestApp({
      config: {
        clock: { anchorMs: Date.now(), scale: 1, offsetMs: Date.parse('2026-03-01T02:00:00Z') - Date.now() },
      },
    });
    await seedDepartments(t);
    officer = await loginAs(t, 'officer', LEAD);
    supervisor = await loginAs(t, 'supervisor');
    leadId = (await departmentByName(t, LEAD)).id;
    const participantId = (await departmentByName(t, PARTICIPANT)).id;
    const [doc]: { id: string }[] = await t.dataSource.query(
      `INSERT INTO policy_documents (title, title_key, source_file, source_checksum, start_line, end_line)
       VALUES ('流程测试', 'it-hooks', 'h.txt', $1, 1, 2) RETURNING id`,
      ['3'.repeat(64)],
    );
    const [task]: { id: string }[] = await t.dataSource.query(
      // Signed off (签收) already: these cases are about the deadline and report reminders.
      `INSERT INTO tasks (document_id, measure_key, title, text, source_file, source_line, origin, deadline, deadline_kind, acknowledged_at)
       VALUES ($1, 'h1', '推进流程', '推进流程', 'h.txt', 1, 'inline', '2026-03-20', 'date', now()) RETURNING id`,
      [doc.id],
    );
    taskId = task.id;
    await t.dataSource.query(
      `INSERT INTO task_assignments (task_id, department_id, role, position) VALUES ($1, $2, 'lead', 0), ($1, $3, 'participant', 1)`,
      [taskId, leadId, participantId],
    );
    await t.app.get(ReminderScheduler).taskChanged(taskId);
  });

  afterAll(async () => {
    const prefix = t?.config.redis.prefix;
    await t?.close();
    if (prefix) await deleteRedisPrefix(prefix);
  });

  it('moves every reminder to the new deadline when an extension is granted', async () => {
    expect((await tracked()).filter((id) => id.endsWith('|2026-03-20'))).toHaveLength(2);
    expect(
      (
        await t.request('POST', `/api/tasks/${taskId}/progress`, {
          token: officer,
          body: { text: '已完成初稿' },
        })
      ).status,
    ).toBeLessThan(300);
    const requested = await t.request<TaskDetailDto>('POST', `/api/tasks/${taskId}/extension`, {
      token: officer,
      body: { reason: '需征求意见', requestedDeadline: '2026-04-30' },
    });
    expect(requested.status).toBe(201);
    const extensionId = requested.body.extensions[0].id;
    expect(
      (await t.request('POST', `/api/extensions/${extensionId}/grant`, { token: supervisor, body: {} }))
        .status,
    ).toBeLessThan(300);
    const after = await tracked();
    expect(after.some((id) => id.includes('2026-03-'))).toBe(false);
    expect(after).toContain(`${taskId}|dept-${leadId}|deadline_today|2026-04-30`);
    expect(after).toContain(`${taskId}|supervisors|overdue_escalation|2026-05-07`);
  });

  it('leaves only the escalation once submitted, and nothing once approved (done)', async () => {
    await t.dataSource.query(
      `INSERT INTO evidence_files (task_id, department_id, uploaded_by_id, file_name, mime_type, size, sha256, storage_key)
       SELECT $1, department_id, id, 'report.pdf', 'application/pdf', 10, $2, 'k1' FROM users WHERE username LIKE 'it-officer-%' LIMIT 1`,
      [taskId, 'a'.repeat(64)],
    );
    const submitted = await t.request('POST', `/api/tasks/${taskId}/submit`, {
      token: officer,
      body: { summary: '已完成' },
    });
    expect(submitted.status).toBeLessThan(300);
    expect(await tracked()).toEqual([`${taskId}|supervisors|overdue_escalation|2026-05-07`]);
    const approved = await t.request('POST', `/api/tasks/${taskId}/approve`, { token: supervisor, body: {} });
    expect(approved.status).toBeLessThan(300);
    expect(await tracked()).toEqual([]);
  });

  it('moves the progress-report reminders of a task without a date when a report comes in', async () => {
    const [doc]: { id: string }[] = await t.dataSource.query(
      `SELECT document_id AS id FROM tasks WHERE id = $1`,
      [taskId],
    );
    const [ongoing]: { id: string }[] = await t.dataSource.query(
      `INSERT INTO tasks (document_id, measure_key, title, text, source_file, source_line, origin, deadline_kind, created_at, acknowledged_at)
       VALUES ($1, 'h2', '长期推进', '长期推进', 'h.txt', 2, 'inline', 'ongoing', '2026-02-01T02:00:00Z', '2026-02-01T02:00:00Z') RETURNING id`,
      [doc.id],
    );
    await t.dataSource.query(
      `INSERT INTO task_assignments (task_id, department_id, role, position) VALUES ($1, $2, 'lead', 0)`,
      [ongoing.id, leadId],
    );
    const scheduler = t.app.get(ReminderScheduler);
    await scheduler.taskChanged(ongoing.id);
    // Report due 03-03 (30 days after creation): 催办 from 03-04, escalation on 03-10.
    expect(await scheduler.trackedJobIds(ongoing.id)).toEqual([
      `${ongoing.id}|dept-${leadId}|report_overdue_urge|2026-03-04`,
      `${ongoing.id}|supervisors|report_overdue_escalation|2026-03-10`,
    ]);
    const reported = await t.request('POST', `/api/tasks/${ongoing.id}/progress`, {
      token: officer,
      body: { text: '本月进展' },
    });
    expect(reported.status).toBeLessThan(300);
    // Reported on 03-01: the next report falls due 03-31 (once the outbox is drained, as a worker would).
    await t.app.get(TaskEventRelay).drainAll();
    expect(await scheduler.trackedJobIds(ongoing.id)).toEqual([
      `${ongoing.id}|dept-${leadId}|report_overdue_urge|2026-04-01`,
      `${ongoing.id}|dept-${leadId}|report_requested|2026-03-24`,
      `${ongoing.id}|supervisors|report_overdue_escalation|2026-04-07`,
    ]);
  });
});
