import {
  categoryOfRule,
  DEFAULT_REMINDER_POLICY,
  deadlineFact,
  expectedReminders,
  shanghaiDate,
  type DigestPreferenceDto,
  type InboxTaskCardDto,
  type InboxUnreadCountsDto,
  type NotificationDto,
  type PageDto,
} from '@duban/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BulletinsService } from '../../../apps/api/src/bulletins/bulletins.service';
import { TaskEventRelay } from '../../../apps/api/src/events/task-event-relay';
import { Clock } from '../../../apps/api/src/infra/queue/clock';
import { categorySql } from '../../../apps/api/src/notifications/inbox-category.sql';
import { NotificationFanOutService } from '../../../apps/api/src/notifications/notification-fanout.service';
import { TaskEventNotifier } from '../../../apps/api/src/notifications/task-event-notifier';
import { ReminderTaskSource } from '../../../apps/api/src/reminders/reminder-task.source';
import { createTestApp, departmentByName, loginAs, seedDepartments, type TestApp } from '../support/harness';
import { deleteRedisPrefix } from '../support/reminder-env';

const NDRC = '国家发展和改革委员会';
const MOFCOM = '商务部';
const HOUR = 3_600_000;

describe('inbox: task cards, tabs and their unread counts, marking read, digest preference', () => {
  let t: TestApp;
  let officer: string;
  let otherOfficer: string;
  let supervisor: string;
  let ndrcId: string;
  const task: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };

  async function newTask(title: string, deadline: string, status = 'in_progress'): Promise<string> {
    const [row]: { id: string }[] = await t.dataSource.query(
      `INSERT INTO tasks (document_id, measure_key, title, text, source_file, source_line, origin, deadline, deadline_kind, status)
       SELECT id, $1, $1, $1, 'n.txt', 1, 'inline', $2, 'date', $3 FROM policy_documents LIMIT 1 RETURNING id`,
      [title, deadline, status],
    );
    await t.dataSource.query(
      `INSERT INTO task_assignments (task_id, department_id, role, position) VALUES ($1, $2, 'lead', 0)`,
      [row.id, ndrcId],
    );
    return row.id;
  }

  /** A reminder fanned out the worker's way, then dated `hoursAgo` back so the order is fixed. */
  async function remind(taskId: string, rule: string, hoursAgo: number): Promise<void> {
    const source = await t.app.get(ReminderTaskSource).load(taskId);
    const reminder = expectedReminders(
      source!,
      DEFAULT_REMINDER_POLICY,
      new Date('2026-03-01T00:00:00Z'),
    ).find((r) => r.rule === rule && r.recipient.kind === 'department');
    const sent = await t.app.get(NotificationFanOutService).fanOut(reminder!, source!);
    await backdate(sent!.notificationId, hoursAgo);
  }

  /** A task event through the inbox notifier the workflow uses. */
  async function event(
    taskId: string,
    rule: string,
    title: string,
    body: string,
    hoursAgo: number,
  ): Promise<void> {
    await t.app
      .get(TaskEventNotifier)
      .notify(t.dataSource.manager, { taskId, rule, title, body, departmentIds: [ndrcId] });
    // The notice is an outbox event: drain it as a worker would (this app runs none).
    await t.app.get(TaskEventRelay, { strict: false }).drainAll();
    const [row]: { id: string }[] = await t.dataSource.query(
      'SELECT id FROM notifications WHERE task_id = $1 AND rule = $2 ORDER BY created_at DESC LIMIT 1',
      [taskId, rule],
    );
    await backdate(row.id, hoursAgo);
  }

  async function backdate(notificationId: string, hoursAgo: number): Promise<void> {
    await t.dataSource.query('UPDATE notifications SET sent_at = $2 WHERE id = $1', [
      notificationId,
      new Date(Date.now() - hoursAgo * HOUR),
    ]);
  }

  const get = <T>(url: string, token = officer) => t.request<T>('GET', url, { token });

  beforeAll(async () => {
    t = await createTestApp();
    await seedDepartments(t);
    officer = await loginAs(t, 'officer', NDRC);
    otherOfficer = await loginAs(t, 'officer', MOFCOM);
    supervisor = await loginAs(t, 'supervisor');
    ndrcId = (await departmentByName(t, NDRC)).id;
    await t.dataSource.query(
      `INSERT INTO policy_documents (title, title_key, source_file, source_checksum, start_line, end_line)
       VALUES ('关于收件箱测试的通知', 'it-inbox', 'n.txt', $1, 1, 2)`,
      ['2'.repeat(64)],
    );
    task.A = await newTask('建立价格监测制度', '2026-03-20');
    task.B = await newTask('完善政务数据共享', '2026-03-22', 'returned');
    task.C = await newTask('推进药品集中采购', '2026-03-25', 'done');
    await remind(task.A, 'deadline_approaching', 6);
    await remind(task.A, 'deadline_today', 5);
    await event(task.A, 'comment.created', '新评论：建立价格监测制度', '督查室：请补充数据来源。', 4.5);
    await event(
      task.B,
      'extension.granted',
      '延期已批准：完善政务数据共享',
      '新的完成时限为2026年3月22日。',
      3,
    );
    await event(
      task.B,
      'task.returned',
      '任务被退回：完善政务数据共享',
      // The facts only: the notifier writes the salutation, the link (APP_BASE_URL) and the footer around them.
      '退回原因：佐证材料不全。',
      2,
    );
    await event(task.C, 'task.approved', '审核通过：推进药品集中采购', '任务已审核通过并办结。', 1);
  });

  afterAll(async () => {
    const prefix = t?.config.redis.prefix;
    await t?.close();
    if (prefix) await deleteRedisPrefix(prefix);
  });

  it('answers one card per task, newest activity first, paged by card, with the task’s facts', async () => {
    const first = await get<PageDto<InboxTaskCardDto>>('/api/notifications?groupBy=task&pageSize=2');
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(3);
    expect(first.body.items.map((c) => c.key)).toEqual([task.C, task.B]);
    const second = await get<PageDto<InboxTaskCardDto>>('/api/notifications?groupBy=task&pageSize=2&page=2');
    expect(second.body.items.map((c) => c.key)).toEqual([task.A]);
    expect(
      (await get<PageDto<InboxTaskCardDto>>('/api/notifications?groupBy=task&page=9')).body,
    ).toMatchObject({
      items: [],
      total: 3,
    });

    const a = second.body.items[0];
    const today = shanghaiDate(t.app.get(Clock).now());
    expect(a).toMatchObject({ count: 3, unread: 3, categories: ['reminder', 'other'] });
    expect(a.task).toEqual({
      id: task.A,
      title: '建立价格监测制度',
      document: { id: expect.any(String), title: '关于收件箱测试的通知' },
      deadline: '2026-03-20',
      deadlineText: null,
      status: 'in_progress',
      light: 'red',
      overdue: true,
      deadlineFact: deadlineFact('2026-03-20', 'in_progress', today)!.label,
    });
    expect(a.task?.deadlineFact).toMatch(/^逾期\d+天$/);
    expect(a.latest).toMatchObject({
      rule: 'comment.created',
      category: 'other',
      appPath: `/tasks/${task.A}`,
    });

    const b = first.body.items[1];
    expect(b).toMatchObject({ count: 2, unread: 2, categories: ['extension', 'returned'] });
    expect(b.latest.title).toBe('任务被退回：完善政务数据共享');
    // The inbox text has neither the salutation nor the raw link; the card routes in the app instead.
    expect(b.latest.text).toBe('退回原因：佐证材料不全。');
    expect(b.latest.body).toContain(`/tasks/${task.B}`);
    // A closed task states no days.
    expect(first.body.items[0].task).toMatchObject({ status: 'done', deadlineFact: null });
  });

  it('filters by tab, counts unread per tab, and lists one card’s history', async () => {
    const reminders = await get<PageDto<InboxTaskCardDto>>(
      '/api/notifications?groupBy=task&category=reminder',
    );
    expect(reminders.body.items.map((c) => [c.key, c.count, c.latest.rule])).toEqual([
      [task.A, 2, 'deadline_today'],
    ]);
    const counts = await get<InboxUnreadCountsDto>('/api/notifications/unread-counts');
    expect(counts.body).toEqual({
      total: 6,
      byCategory: { reminder: 2, review: 1, extension: 1, returned: 1, other: 1 },
    });
    const history = await get<PageDto<NotificationDto>>(`/api/notifications?taskId=${task.A}`);
    expect(history.body.items.map((n) => n.rule)).toEqual([
      'comment.created',
      'deadline_today',
      'deadline_approaching',
    ]);
    expect(history.body.items[1].text).not.toMatch(/https?:|请勿直接回复|：$/m);
    const returned = await get<PageDto<NotificationDto>>('/api/notifications?category=returned');
    expect(returned.body.items.map((n) => n.task?.id)).toEqual([task.B]);
    const bad = await get<{ code: string; message: string }>('/api/notifications?category=urgent');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.message).toContain('催办');
    expect((await get('/api/notifications?groupBy=department')).status).toBe(400);
    // Another department's officer sees none of it.
    expect(
      (await get<PageDto<InboxTaskCardDto>>('/api/notifications?groupBy=task', otherOfficer)).body.total,
    ).toBe(0);
  });

  it('marks a whole task card read, one tab read, and refuses cards that are not mine', async () => {
    const marked = await t.request<{ updated: number }>('POST', `/api/notifications/tasks/${task.B}/read`, {
      token: officer,
    });
    expect(marked.status).toBe(200);
    expect(marked.body).toEqual({ updated: 2 });
    expect(
      (
        await t.request<{ updated: number }>('POST', `/api/notifications/tasks/${task.B}/read`, {
          token: officer,
        })
      ).body,
    ).toEqual({ updated: 0 });
    const cards = await get<PageDto<InboxTaskCardDto>>('/api/notifications?groupBy=task');
    expect(cards.body.items.find((c) => c.key === task.B)?.unread).toBe(0);
    expect(
      (await get<InboxUnreadCountsDto>('/api/notifications/unread-counts')).body.byCategory,
    ).toMatchObject({
      extension: 0,
      returned: 0,
      reminder: 2,
    });
    expect(
      (await t.request('POST', `/api/notifications/tasks/${task.B}/read`, { token: otherOfficer })).status,
    ).toBe(404);
    expect(
      (await t.request('POST', '/api/notifications/tasks/not-a-uuid/read', { token: officer })).status,
    ).toBe(400);
    // Within a tab, a card's 标为已读 reads that tab's messages only.
    expect(
      (
        await t.request<{ updated: number }>(
          'POST',
          `/api/notifications/tasks/${task.A}/read?category=other`,
          {
            token: officer,
          },
        )
      ).body,
    ).toEqual({ updated: 1 });
    expect(
      (await get<InboxUnreadCountsDto>('/api/notifications/unread-counts')).body.byCategory,
    ).toMatchObject({
      other: 0,
      reminder: 2,
    });
    expect(
      (
        await t.request<{ updated: number }>('POST', '/api/notifications/read-all?category=reminder', {
          token: officer,
        })
      ).body,
    ).toEqual({ updated: 2 });
    // Left: the 审核 message of task C.
    expect((await get<InboxUnreadCountsDto>('/api/notifications/unread-counts')).body).toMatchObject({
      total: 1,
      byCategory: { review: 1 },
    });
    const unreadCards = await get<PageDto<InboxTaskCardDto>>('/api/notifications?groupBy=task&unread=true');
    expect(unreadCards.body.items.map((c) => c.key)).toEqual([task.C]);
  });

  it('gives a message without a task its own card that routes inside the app', async () => {
    await t.app.get(BulletinsService).deliverMonthly();
    const cards = await get<PageDto<InboxTaskCardDto>>('/api/notifications?groupBy=task', supervisor);
    const bulletin = cards.body.items.find((c) => c.task === null);
    expect(bulletin?.key).toBe(bulletin?.latest.id);
    expect(bulletin?.latest.appPath).toMatch(/^\/bulletins\?period=\d{4}-\d{2}$/);
    expect(bulletin?.latest.text).not.toContain('http');
  });

  it('agrees with categoryOfRule in SQL, for listed rules, prefixes and unknown ones', async () => {
    const rules = [
      'overdue_urge',
      'report_requested',
      'task.signoff_due',
      'task.signoff_overdue',
      'task.signoffXdue',
      'task.submitted',
      'task.approved',
      'extension.requested',
      'extension_x',
      'task.returned',
      'task.assigned',
      'comment.mention',
      'digest.daily',
    ];
    const rows: { rule: string; category: string }[] = await t.dataSource.query(
      `SELECT rule, ${categorySql('rule')} AS category FROM unnest($1::text[]) AS r(rule)`,
      [rules],
    );
    expect(rows.map((r) => [r.rule, r.category])).toEqual(rules.map((r) => [r, categoryOfRule(r)]));
  });

  it('keeps each user’s digest choice at /api/me/digest', async () => {
    expect((await get<DigestPreferenceDto>('/api/me/digest')).body).toEqual({ digest: 'none' });
    const put = await t.request<DigestPreferenceDto>('PUT', '/api/me/digest', {
      token: officer,
      body: { digest: 'daily' },
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ digest: 'daily' });
    expect((await get<DigestPreferenceDto>('/api/me/digest')).body).toEqual({ digest: 'daily' });
    expect((await get<DigestPreferenceDto>('/api/me/digest', otherOfficer)).body).toEqual({ digest: 'none' });
    // The channel preferences are untouched by it, and it survives a change of them.
    await t.request('PUT', '/api/notifications/preferences', { token: officer, body: { email: false } });
    expect((await get<DigestPreferenceDto>('/api/me/digest')).body).toEqual({ digest: 'daily' });
    const bad = await t.request<{ code: string; message: string }>('PUT', '/api/me/digest', {
      token: officer,
      body: { digest: 'weekly' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('每日汇总');
    expect((await t.request('GET', '/api/me/digest')).status).toBe(401);
  });
});
