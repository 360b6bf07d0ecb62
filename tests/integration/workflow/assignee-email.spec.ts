import { expectedReminders } from '@duban/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationFanOutService } from '../../../apps/api/src/notifications/notification-fanout.service';
import { ReminderPolicyService } from '../../../apps/api/src/reminders/reminder-policy.service';
import { ReminderTaskSource } from '../../../apps/api/src/reminders/reminder-task.source';
import { WorkflowEnv, type SeededUser } from '../support/workflow-env';

/**
 * The 承办人 gets the 主办 lead's e-mail reminders; the rest of the department keeps them in the inbox.
 * The fan-out statement is run for real (no worker: the e-mail rows stay `pending`, nothing is sent).
 */
describe('reminders to the 主办 lead with a 承办人', () => {
  let env: WorkflowEnv;
  let first: SeededUser;
  let second: SeededUser;
  let participant: SeededUser;

  beforeAll(async () => {
    // An SMTP URL turns the e-mail channel on; no worker runs, so nothing is delivered.
    env = await WorkflowEnv.start({ mail: { smtpUrl: 'smtp://127.0.0.1:9' } });
    first = await env.addUser('a-mail-1', 'officer', env.departments.A, '甲一', 'a1@example.test');
    second = await env.addUser('a-mail-2', 'officer', env.departments.A, '甲二', 'a2@example.test');
    participant = await env.addUser('b-mail-1', 'officer', env.departments.B, '乙一', 'b1@example.test');
  });

  afterAll(async () => {
    await env?.stop();
  });

  async function fanOutDueSoon(taskId: string): Promise<Map<string, string[]>> {
    const task = (await env.app.get(ReminderTaskSource, { strict: false }).load(taskId))!;
    const policy = await env.app.get(ReminderPolicyService, { strict: false }).current();
    // The deadline is 7 days away: its 7-day reminder to the lead and the participant, sent now.
    const due = expectedReminders(task, policy, new Date()).filter(
      (r) => r.rule === 'deadline_approaching' && r.dayOffset === -7,
    );
    await env.app
      .get(NotificationFanOutService, { strict: false })
      .fanOutMany(due.map((reminder) => ({ reminder, task })));
    const rows = await env.db.query<{ channel: string; user_id: string }[]>(
      `SELECT d.channel, d.user_id FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
        WHERE n.task_id = $1 AND d.user_id IS NOT NULL`,
      [taskId],
    );
    const byChannel = new Map<string, string[]>();
    for (const row of rows)
      byChannel.set(row.channel, [...(byChannel.get(row.channel) ?? []), row.user_id].sort());
    return byChannel;
  }

  const inAWeek = () => new Date(Date.now() + 7 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

  it('sends the 主办’s e-mail to the 承办人 alone, the inbox to everyone', async () => {
    const taskId = await env.newTask({
      deadline: inAWeek(),
      createdAt: new Date(Date.now() - 30 * 86_400_000),
    });
    await env.db.query(`UPDATE tasks SET assignee_id = $2 WHERE id = $1`, [taskId, second.id]);
    const got = await fanOutDueSoon(taskId);
    expect(got.get('email')).toEqual([second.id, participant.id].sort());
    expect(got.get('inbox')).toEqual(
      [first.id, second.id, participant.id, env.users.leadOfficer.id, env.users.participantOfficer.id].sort(),
    );
  });

  it('falls back to every officer when the 承办人 cannot receive e-mail (no address, inactive)', async () => {
    const taskId = await env.newTask({
      deadline: inAWeek(),
      createdAt: new Date(Date.now() - 30 * 86_400_000),
    });
    // The fixture's lead officer has no e-mail address.
    await env.db.query(`UPDATE tasks SET assignee_id = $2 WHERE id = $1`, [taskId, env.users.leadOfficer.id]);
    expect((await fanOutDueSoon(taskId)).get('email')).toEqual([first.id, second.id, participant.id].sort());
  });

  it('sends to every officer without a 承办人', async () => {
    const taskId = await env.newTask({
      deadline: inAWeek(),
      createdAt: new Date(Date.now() - 30 * 86_400_000),
    });
    expect((await fanOutDueSoon(taskId)).get('email')).toEqual([first.id, second.id, participant.id].sort());
  });
});
