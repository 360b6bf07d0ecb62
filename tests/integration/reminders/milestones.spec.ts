import { reminderKey, type ReminderRule } from '@duban/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationFanOutService } from '../../../apps/api/src/notifications/notification-fanout.service';
import { ReminderPolicyService } from '../../../apps/api/src/reminders/reminder-policy.service';
import { reminderJobId, ReminderScheduler } from '../../../apps/api/src/reminders/reminder.scheduler';
import { ReminderTaskSource } from '../../../apps/api/src/reminders/reminder-task.source';
import { expectedReminders } from '@duban/domain';
import { Clock } from '../../../apps/api/src/infra/queue/clock';
import {
  createReminderEnv,
  insertTask,
  pendingJobsOfTask,
  seedBasics,
  type ReminderEnv,
  type Seeded,
} from '../support/reminder-env';

/**
 * 阶段节点 and recurring duties reach the queue and the inbox. The test environment sends on calendar days
 * (no shifting off weekends: that is pinned by the domain's unit tests).
 */
describe('milestone and recurring-duty reminders against real Redis and PostgreSQL', () => {
  let env: ReminderEnv;
  let seeded: Seeded;
  let scheduler: ReminderScheduler;

  beforeAll(async () => {
    env = await createReminderEnv({ virtualNow: Date.parse('2026-03-01T00:00:00Z') });
    seeded = await seedBasics(env.db);
    scheduler = env.app.get(ReminderScheduler);
  }, 300_000);

  afterAll(async () => {
    await env?.teardown();
  });

  const jobOf = (taskId: string, code: string, rule: ReminderRule, dueDate: string): string =>
    reminderJobId(
      reminderKey(taskId, { kind: 'department', departmentId: seeded.departments[code] }, rule, dueDate),
    );

  const pendingOf = (taskId: string): Promise<string[]> => pendingJobsOfTask(env.queues, taskId);

  it('queues a reminder 3 days before each 阶段节点 and one on its day, for lead and participant', async () => {
    const taskId = await insertTask(env.db, seeded, {
      title: '推进试点扩面',
      deadline: '2026-12-31',
      lead: ['A'],
      participants: ['B'],
      milestones: [
        { date: '2026-06-30', text: '6月底前完成试点' },
        { date: '2026-09-30', text: '9月底前全面推开' },
      ],
    });
    await scheduler.taskChanged(taskId);
    const pending = await pendingOf(taskId);
    for (const code of ['A', 'B']) {
      expect(pending).toContain(jobOf(taskId, code, 'milestone_approaching', '2026-06-27'));
      expect(pending).toContain(jobOf(taskId, code, 'milestone_today', '2026-06-30'));
      expect(pending).toContain(jobOf(taskId, code, 'milestone_approaching', '2026-09-27'));
      expect(pending).toContain(jobOf(taskId, code, 'milestone_today', '2026-09-30'));
    }
    expect(pending.filter((id) => id.includes('|milestone_'))).toHaveLength(8);
    // The deadline's own series is still there.
    expect(pending).toContain(jobOf(taskId, 'A', 'deadline_today', '2026-12-31'));
  });

  it('moves the jobs when a step is re-dated and drops them when the steps are cleared', async () => {
    const taskId = await insertTask(env.db, seeded, {
      title: '完善配套制度',
      deadline: '2026-12-31',
      lead: ['A'],
      milestones: [{ date: '2026-06-30', text: '形成初稿' }],
    });
    await scheduler.taskChanged(taskId);
    expect(await pendingOf(taskId)).toContain(jobOf(taskId, 'A', 'milestone_today', '2026-06-30'));

    await env.db.query(`UPDATE tasks SET milestones = $2::jsonb WHERE id = $1`, [
      taskId,
      JSON.stringify([{ date: '2026-07-15', text: '形成初稿' }]),
    ]);
    await scheduler.taskChanged(taskId);
    const moved = await pendingOf(taskId);
    expect(moved).toContain(jobOf(taskId, 'A', 'milestone_today', '2026-07-15'));
    expect(moved).not.toContain(jobOf(taskId, 'A', 'milestone_today', '2026-06-30'));

    await env.db.query(`UPDATE tasks SET milestones = '[]'::jsonb WHERE id = $1`, [taskId]);
    await scheduler.taskChanged(taskId);
    expect((await pendingOf(taskId)).filter((id) => id.includes('|milestone_'))).toEqual([]);
  });

  it('a quarterly duty is asked for its report a week before the quarter ends, and the inbox says 每季度', async () => {
    const taskId = await insertTask(env.db, seeded, {
      title: '报送稳岗工作进展',
      deadline: null,
      lead: ['A'],
      recurrence: 'quarter',
      createdAt: '2026-02-10T02:00:00.000Z',
    });
    await scheduler.taskChanged(taskId);
    const pending = await pendingOf(taskId);
    expect(pending).toContain(jobOf(taskId, 'A', 'report_requested', '2026-03-24'));
    expect(pending).toContain(jobOf(taskId, 'A', 'report_overdue_urge', '2026-04-01'));

    const [task] = await env.app.get(ReminderTaskSource).loadMany([taskId]);
    const policy = await env.app.get(ReminderPolicyService).current({ fresh: true });
    const request = expectedReminders(task, policy, env.app.get(Clock).now()).find(
      (r) => r.rule === 'report_requested',
    );
    expect(request?.deadline).toBe('2026-03-31');
    await env.app.get(NotificationFanOutService).fanOut(request!, task);
    const [row]: { title: string; body: string }[] = await env.db.query(
      `SELECT title, body FROM notifications WHERE key = $1`,
      [request!.key],
    );
    expect(row.title).toBe('【进展报送提醒】请于2026年3月31日前报送进展：报送稳岗工作进展');
    expect(row.body).toContain('须每季度报送进展，请于2026年3月31日前报送本期工作进展');
  });

  it('a milestone reminder reaches the inbox naming the step and its date', async () => {
    const taskId = await insertTask(env.db, seeded, {
      title: '建设统一平台',
      deadline: '2026-12-31',
      lead: ['A'],
      participants: ['B'],
      milestones: [{ date: '2026-03-31', text: '一季度完成平台选型' }],
    });
    const [task] = await env.app.get(ReminderTaskSource).loadMany([taskId]);
    expect(task.milestones).toEqual([{ date: '2026-03-31', text: '一季度完成平台选型' }]);
    const policy = await env.app.get(ReminderPolicyService).current({ fresh: true });
    const today = expectedReminders(task, policy, env.app.get(Clock).now()).find(
      (r) =>
        r.rule === 'milestone_today' &&
        r.recipient.kind === 'department' &&
        r.recipient.departmentId === seeded.departments['B'],
    );
    expect(today?.milestone).toBe('一季度完成平台选型');
    await env.app.get(NotificationFanOutService).fanOut(today!, task);
    const [row]: { rule: string; title: string; body: string }[] = await env.db.query(
      `SELECT rule, title, body FROM notifications WHERE key = $1`,
      [today!.key],
    );
    expect(row.rule).toBe('milestone_today');
    expect(row.title).toBe('【阶段节点提醒】今天到达阶段节点：建设统一平台');
    expect(row.body).toContain('阶段节点“一季度完成平台选型”时间为今天（2026年3月31日）');
    expect(row.body).toMatch(/^商务部/);
  });
});
