import {
  DEFAULT_REMINDER_POLICY,
  expectedReminders,
  type NotificationDto,
  type PageDto,
} from '@duban/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../../../apps/api/src/infra/queue/clock';
import { QueueName } from '../../../apps/api/src/infra/queue/queue.catalogue';
import { QueueService } from '../../../apps/api/src/infra/queue/queue.service';
import { NotificationFanOutService } from '../../../apps/api/src/notifications/notification-fanout.service';
import { ReminderScheduler } from '../../../apps/api/src/reminders/reminder.scheduler';
import { ReminderTaskSource } from '../../../apps/api/src/reminders/reminder-task.source';
import { createTestApp, departmentByName, loginAs, seedDepartments, type TestApp } from '../support/harness';
import { deleteRedisPrefix } from '../support/reminder-env';

const NDRC = '国家发展和改革委员会';
const MOFCOM = '商务部';

describe('notifications API: inbox, preferences, webhooks, queue dashboard and health', () => {
  let t: TestApp;
  let officer: string;
  let otherOfficer: string;
  let supervisor: string;
  let admin: string;
  let taskId: string;

  /** Sends one due reminder of the task to a department, the way the worker does. */
  async function send(rule: string, departmentId: string): Promise<void> {
    const task = await t.app.get(ReminderTaskSource).load(taskId);
    const now = t.app.get(Clock).now();
    const reminder = expectedReminders(task!, DEFAULT_REMINDER_POLICY, new Date('2026-03-01T00:00:00Z')).find(
      (r) =>
        r.rule === rule && r.recipient.kind === 'department' && r.recipient.departmentId === departmentId,
    );
    expect(reminder, `${rule} for ${departmentId} at ${now.toISOString()}`).toBeDefined();
    await t.app.get(NotificationFanOutService).fanOut(reminder!, task!);
  }

  beforeAll(async () => {
    // E-mail on (deliveries are created; no worker runs here, so none is sent).
    t = await createTestApp({
      config: {
        mail: { smtpUrl: 'smtp://127.0.0.1:9', from: 'duban <d@test.local>' },
        // The test's webhook URL is on loopback, which only an allow-listed deployment may use.
        webhooks: { allowPrivate: ['127.0.0.1/32'] },
      },
    });
    await seedDepartments(t);
    officer = await loginAs(t, 'officer', NDRC);
    otherOfficer = await loginAs(t, 'officer', MOFCOM);
    supervisor = await loginAs(t, 'supervisor');
    admin = await loginAs(t, 'admin');
    const ndrc = await departmentByName(t, NDRC);
    const mofcom = await departmentByName(t, MOFCOM);
    const [doc]: { id: string }[] = await t.dataSource.query(
      `INSERT INTO policy_documents (title, title_key, source_file, source_checksum, start_line, end_line)
       VALUES ('关于通知接口测试的通知', 'it-notifications', 'n.txt', $1, 1, 2) RETURNING id`,
      ['1'.repeat(64)],
    );
    const [task]: { id: string }[] = await t.dataSource.query(
      `INSERT INTO tasks (document_id, measure_key, title, text, source_file, source_line, origin, deadline, deadline_kind, status)
       VALUES ($1, 'n1', '建立价格监测制度', '建立价格监测制度', 'n.txt', 1, 'inline', '2026-03-20', 'date', 'in_progress') RETURNING id`,
      [doc.id],
    );
    taskId = task.id;
    await t.dataSource.query(
      `INSERT INTO task_assignments (task_id, department_id, role, position) VALUES ($1, $2, 'lead', 0), ($1, $3, 'participant', 1)`,
      [taskId, ndrc.id, mofcom.id],
    );
    await send('deadline_approaching', ndrc.id);
    await send('deadline_today', ndrc.id);
    await send('deadline_today', mofcom.id);
  });

  afterAll(async () => {
    const prefix = t?.config.redis.prefix;
    await t?.close();
    if (prefix) await deleteRedisPrefix(prefix);
  });

  it('lists my notifications newest first, with the task, and counts unread ones', async () => {
    const list = await t.request<PageDto<NotificationDto>>('GET', '/api/notifications', { token: officer });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items.map((n) => n.rule).sort()).toEqual(['deadline_approaching', 'deadline_today']);
    expect(list.body.items[0].task).toEqual({ id: taskId, title: '建立价格监测制度' });
    expect(list.body.items.find((n) => n.rule === 'deadline_today')?.title).toBe(
      '【督办提醒】今天到期：建立价格监测制度',
    );
    const unread = await t.request<{ count: number }>('GET', '/api/notifications/unread-count', {
      token: officer,
    });
    expect(unread.body).toEqual({ count: 2 });
  });

  it("marks one read, refuses another user's, then marks all read", async () => {
    const mine = await t.request<PageDto<NotificationDto>>('GET', '/api/notifications', { token: officer });
    const theirs = await t.request<PageDto<NotificationDto>>('GET', '/api/notifications', {
      token: otherOfficer,
    });
    expect(theirs.body.total).toBe(1);
    expect(
      (await t.request('POST', `/api/notifications/${theirs.body.items[0].id}/read`, { token: officer }))
        .status,
    ).toBe(404);
    expect(
      (await t.request('POST', `/api/notifications/${mine.body.items[0].id}/read`, { token: officer }))
        .status,
    ).toBe(204);
    expect(
      (await t.request<{ count: number }>('GET', '/api/notifications/unread-count', { token: officer })).body
        .count,
    ).toBe(1);
    const unreadOnly = await t.request<PageDto<NotificationDto>>('GET', '/api/notifications?unread=true', {
      token: officer,
    });
    expect(unreadOnly.body.items.map((n) => n.id)).toEqual([mine.body.items[1].id]);
    expect(
      (await t.request<{ updated: number }>('POST', '/api/notifications/read-all', { token: officer })).body,
    ).toEqual({ updated: 1 });
    expect(
      (await t.request<{ count: number }>('GET', '/api/notifications/unread-count', { token: otherOfficer }))
        .body.count,
    ).toBe(1);
    expect((await t.request('GET', '/api/notifications')).status).toBe(401);
  });

  it('keeps per-user channel preferences and honours them when fanning out', async () => {
    expect((await t.request('GET', '/api/notifications/preferences', { token: supervisor })).body).toEqual({
      inbox: true,
      email: true,
    });
    const put = await t.request('PUT', '/api/notifications/preferences', {
      token: supervisor,
      body: { email: false },
    });
    expect(put.body).toEqual({ inbox: true, email: false });
    expect(
      (await t.request('PUT', '/api/notifications/preferences', { token: supervisor, body: { sms: true } }))
        .status,
    ).toBe(400);

    await t.dataSource.query(`UPDATE users SET email = username || '@test.local'`);
    const task = await t.app.get(ReminderTaskSource).load(taskId);
    const escalation = expectedReminders(
      task!,
      DEFAULT_REMINDER_POLICY,
      new Date('2026-03-25T00:00:00Z'),
    ).find((r) => r.rule === 'overdue_escalation');
    const result = await t.app.get(NotificationFanOutService).fanOut(escalation!, task!);
    // Supervisors: it-supervisor (e-mail off) gets the inbox only; the seeded admin is not a supervisor.
    expect(result).toMatchObject({ inbox: 1, email: 0 });
    expect(await t.app.get(NotificationFanOutService).fanOut(escalation!, task!)).toBeNull();
  });

  it('lets admins (only) register department webhooks', async () => {
    const mofcom = await departmentByName(t, MOFCOM);
    const body = {
      departmentId: mofcom.id,
      url: 'http://127.0.0.1:9/hook',
      secret: 'shared-secret-0123456789',
    };
    expect((await t.request('POST', '/api/admin/webhooks', { token: officer, body })).status).toBe(403);
    const created = await t.request<{ id: string; url: string }>('POST', '/api/admin/webhooks', {
      token: admin,
      body,
    });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('secret');
    expect((await t.request<unknown[]>('GET', '/api/admin/webhooks', { token: admin })).body).toHaveLength(1);
    expect(
      (await t.request('POST', '/api/admin/webhooks', { token: admin, body: { ...body, secret: 'short' } }))
        .status,
    ).toBe(400);
    expect(
      (await t.request('DELETE', `/api/admin/webhooks/${created.body.id}`, { token: admin })).status,
    ).toBe(204);
  });

  it('reports queue counts in /api/health', async () => {
    await t.app.get(ReminderScheduler).taskChanged(taskId);
    type Counts = { waiting: number; delayed: number; failed: number };
    const health = await t.request<{
      checks: Record<string, { status: string; details?: Record<string, Counts> }>;
    }>('GET', '/api/health');
    expect(health.body.checks['queue'].status).toBe('ok');
    const tracked = await t.app.get(ReminderScheduler).trackedJobIds(taskId);
    expect(tracked.length).toBeGreaterThan(0);
    const reminders = health.body.checks['queue'].details?.[QueueName.Reminders];
    // Overdue by now (real clock): the late 催办 waits to run, the next one is delayed.
    expect((reminders?.waiting ?? 0) + (reminders?.delayed ?? 0)).toBeGreaterThanOrEqual(tracked.length);
    expect(reminders?.failed).toBe(0);
  });

  it('serves Bull Board to admins only: bearer, or a short-lived dashboard cookie (never ?token=)', async () => {
    expect((await t.request('GET', '/api/admin/queues')).status).toBe(401);
    expect((await t.request('GET', '/api/admin/queues', { token: supervisor })).status).toBe(403);
    expect((await t.request('GET', `/api/admin/queues?token=${encodeURIComponent(admin)}`)).status).toBe(401);
    expect((await t.request('POST', '/api/admin/queues-session', { token: supervisor })).status).toBe(403);
    const grant = await t.request('POST', '/api/admin/queues-session', { token: admin });
    expect(grant.status).toBe(204);
    const cookie = grant.headers.get('set-cookie') ?? '';
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/api/admin/queues');
    expect(cookie).not.toContain(admin);
    const page = await t.request<string>('GET', '/api/admin/queues', {
      headers: { cookie: cookie.split(';')[0] ?? '' },
    });
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('<html');
    const api = await t.request<{ queues: { name: string }[] }>('GET', '/api/admin/queues/api/queues', {
      headers: { cookie: cookie.split(';')[0] ?? '' },
    });
    expect(api.status).toBe(200);
    expect(api.body.queues.map((q) => q.name).sort()).toEqual(
      [QueueName.Deliveries, QueueName.Events, QueueName.Maintenance, QueueName.Reminders].sort(),
    );
  });
  it('lists abandoned deliveries to admins and 重新发送 one: pending again, with a job', async () => {
    const [row]: { id: string }[] = await t.dataSource.query(
      `INSERT INTO notification_deliveries (notification_id, channel, dedupe_key, target, status, attempts, last_error)
       SELECT id, 'email', 'it-resend:' || id, 'gone@test.local', 'abandoned', 7, 'connect ECONNREFUSED'
       FROM notifications ORDER BY created_at LIMIT 1 RETURNING id`,
    );
    expect(row).toBeDefined();
    expect((await t.request('GET', '/api/admin/deliveries', { token: supervisor })).status).toBe(403);
    const list = await t.request<{
      items: { id: string; lastError: string }[];
      counts: Record<string, number>;
    }>('GET', '/api/admin/deliveries?status=abandoned', { token: admin });
    expect(list.status).toBe(200);
    expect(list.body.items.find((i) => i.id === row.id)?.lastError).toBe('connect ECONNREFUSED');
    expect(list.body.counts['abandoned']).toBeGreaterThanOrEqual(1);
    expect((await t.request('GET', '/api/admin/deliveries?status=sent', { token: admin })).status).toBe(400);

    const resend = await t.request('POST', `/api/admin/deliveries/${row.id}/resend`, { token: admin });
    expect(resend.status).toBe(202);
    const [after]: { status: string; resent_at: Date | null }[] = await t.dataSource.query(
      'SELECT status, resent_at FROM notification_deliveries WHERE id = $1',
      [row.id],
    );
    expect(after.status).toBe('pending');
    expect(after.resent_at).not.toBeNull();
    // No worker here: the job waits for one.
    expect(await t.app.get(QueueService).get(QueueName.Deliveries).getJobState(`delivery-${row.id}`)).toBe(
      'waiting',
    );
    const again = await t.request<{ code: string; message: string }>(
      'POST',
      `/api/admin/deliveries/${row.id}/resend`,
      { token: admin },
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('DELIVERY_NOT_RESENDABLE');
    expect(again.body.message).toMatch(/重新发送/);
    expect(
      (await t.request('POST', '/api/admin/deliveries/not-a-uuid/resend', { token: admin })).status,
    ).toBe(400);
  });
});
