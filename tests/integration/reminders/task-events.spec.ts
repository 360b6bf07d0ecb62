import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReminderScheduler } from '../../../apps/api/src/reminders/reminder.scheduler';
import { ExtensionService } from '../../../apps/api/src/tasks/extension.service';
import { TaskCommentService } from '../../../apps/api/src/tasks/task-comment.service';
import { TaskDeskService } from '../../../apps/api/src/tasks/task-desk.service';
import { TaskEditService } from '../../../apps/api/src/tasks/task-edit.service';
import { TaskWorkflowService } from '../../../apps/api/src/tasks/task-workflow.service';
import { TestSmtpServer } from '../support/smtp';
import {
  createReminderEnv,
  ROOT,
  seedBasics,
  workerScript,
  type ReminderEnv,
  type Seeded,
} from '../support/reminder-env';
import {
  addOfficer,
  authUser,
  count,
  eventDeliveries,
  settled,
  taskServices,
  type DeliveryRow,
} from '../support/task-events-env';

const LINK_BASE = 'http://duban.test/tasks/';

/** Expected rows: every listed user gets one inbox row and (unless e-mail is off) one e-mail, per rule. */
function expectedRows(rule: string, users: readonly string[], emailOff: ReadonlySet<string>): DeliveryRow[] {
  return users.flatMap((username) => [
    ...(emailOff.has(username) ? [] : [{ rule, username, channel: 'email', n: 1 }]),
    { rule, username, channel: 'inbox', n: 1 },
  ]);
}

// Services in this process write the outbox; worker child processes drain it (real PostgreSQL, Redis, SMTP).
describe('task events reach the right people (outbox → worker)', { timeout: 240_000 }, () => {
  let env: ReminderEnv;
  let smtp: TestSmtpServer;
  let services: INestApplicationContext;
  let seeded: Seeded;
  const emailOff = new Set(['officer-a2']);

  beforeAll(async () => {
    smtp = await new TestSmtpServer().start();
    env = await createReminderEnv({ virtualNow: Date.parse('2026-03-10T02:00:00Z'), smtpUrl: smtp.url });
    seeded = await seedBasics(env.db);
    await addOfficer(env, seeded, 'officer-a2', 'A', { email: false });
    services = await taskServices();
    // The poll is an hour away: whatever arrives within seconds was woken by the commit's NOTIFY.
    await env.startWorker({ EVENTS_POLL_EVERY_MS: '3600000' });
  });

  afterAll(async () => {
    await services?.close();
    await env?.teardown();
    await smtp?.stop();
  });

  const settle = (what: string): Promise<void> => env.waitFor(() => settled(env), 60_000, what);

  it('sends each event once per recipient and channel, by their preferences, with the facts and the link', async () => {
    const desk = services.get(TaskDeskService, { strict: false });
    const workflow = services.get(TaskWorkflowService, { strict: false });
    const extensions = services.get(ExtensionService, { strict: false });
    const comments = services.get(TaskCommentService, { strict: false });
    const supervisor = await authUser(env, seeded, 'sup-1');
    const officerA = await authUser(env, seeded, 'officer-a');
    const officerC = await authUser(env, seeded, 'officer-c');

    const task = await desk.create(
      {
        source: { kind: 'leader_instruction', title: '关于加快推进重点工作的批示' },
        title: '推进重点工作',
        text: '推进重点工作，按期完成。',
        leadDepartmentIds: [seeded.departments['A']],
        participantDepartmentIds: [seeded.departments['C']],
        deadline: '2026-04-30',
      },
      supervisor,
    );
    const taskId = task.id;
    await workflow.reportProgress(taskId, officerC, '配套资金已下达');
    await env.db.query(
      `INSERT INTO evidence_files (task_id, department_id, uploaded_by_id, file_name, mime_type, size, sha256, storage_key)
       VALUES ($1, $2, $3, 'report.pdf', 'application/pdf', 10, $4, 'k1')`,
      [taskId, seeded.departments['A'], seeded.users['officer-a'], 'a'.repeat(64)],
    );
    await workflow.submit(taskId, officerA, '已完成全部工作');
    await workflow.returnTask(taskId, supervisor, '佐证材料缺少盖章页');
    const asked = await extensions.request(taskId, officerA, {
      reason: '需征求意见',
      requestedDeadline: '2026-05-31',
    });
    await extensions.grant(asked.extensions[0].id, supervisor, '同意');
    const again = await extensions.request(taskId, officerA, {
      reason: '仍需时间',
      requestedDeadline: '2026-06-30',
    });
    await extensions.refuse(
      again.extensions.find((x) => x.status === 'pending')!.id,
      supervisor,
      '理由不充分',
    );
    await comments.create(taskId, supervisor, { text: '请加快进度' });
    // The lead's own report reopens the returned task and notifies nobody (it only moves reminders).
    await workflow.reportProgress(taskId, officerA, '已补充盖章页');
    await workflow.submit(taskId, officerA, '已补充盖章页');
    await workflow.approve(taskId, supervisor, '同意办结');
    await settle('every event drained and every e-mail sent');

    const lead = ['officer-a', 'officer-a2'];
    const expected = [
      ...expectedRows('comment.created', [...lead, 'officer-c'], emailOff),
      ...expectedRows('extension.granted', lead, emailOff),
      ...expectedRows('extension.refused', lead, emailOff),
      ...expectedRows('extension.requested', ['sup-1', 'sup-2'], emailOff),
      ...expectedRows('extension.requested', ['sup-1', 'sup-2'], emailOff),
      ...expectedRows('report.participant', lead, emailOff),
      ...expectedRows('task.approved', [...lead, 'officer-c'], emailOff),
      ...expectedRows('task.assigned', lead, emailOff),
      ...expectedRows('task.returned', lead, emailOff),
      ...expectedRows('task.submitted', ['sup-1', 'sup-2'], emailOff),
      ...expectedRows('task.submitted', ['sup-1', 'sup-2'], emailOff),
    ];
    // Two requests and two submissions: the same rule twice, so twice per person (one per event).
    const merged = new Map<string, DeliveryRow>();
    for (const row of expected) {
      const key = `${row.rule}|${row.username}|${row.channel}`;
      const seen = merged.get(key);
      merged.set(key, seen ? { ...seen, n: seen.n + 1 } : row);
    }
    const sortKey = (r: DeliveryRow): string => `${r.rule}|${r.username}|${r.channel}`;
    expect((await eventDeliveries(env, taskId)).map(sortKey).sort()).toEqual(
      [...merged.values()].map(sortKey).sort(),
    );
    expect(new Map((await eventDeliveries(env, taskId)).map((r) => [sortKey(r), r.n]))).toEqual(
      new Map([...merged.values()].map((r) => [sortKey(r), r.n])),
    );
    // Nobody else heard of it: the participant's own report and 督查室's own actions go to the other side only.
    expect(
      await count(
        env,
        `SELECT count(*) AS n FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
          WHERE n.task_id = $1 AND d.user_id = $2`,
        [taskId, seeded.users['officer-b']],
      ),
    ).toBe(0);

    // Exactly one e-mail per e-mail delivery row, none for the officer who switched e-mail off.
    const emailKeys: { dedupe_key: string }[] = await env.db.query(
      `SELECT d.dedupe_key FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
        WHERE n.task_id = $1 AND d.channel = 'email'`,
      [taskId],
    );
    const received = smtp.messages.filter((m) => m.text.includes(`${LINK_BASE}${taskId}`));
    expect(received).toHaveLength(emailKeys.length);
    expect(new Set(received.map((m) => m.messageId)).size).toBe(emailKeys.length);
    expect(received.some((m) => m.to.includes('officer-a2@test.local'))).toBe(false);

    // The 退回 states its reason and links the task with APP_BASE_URL, in the inbox and in the e-mail.
    const [returned]: { title: string; body: string }[] = await env.db.query(
      `SELECT title, body FROM notifications WHERE task_id = $1 AND rule = 'task.returned'`,
      [taskId],
    );
    expect(returned.title).toBe('【退回】办结申请被退回：推进重点工作');
    expect(returned.body).toContain('退回理由：佐证材料缺少盖章页');
    expect(returned.body).toContain(`查看任务：${LINK_BASE}${taskId}`);
    expect(returned.body).not.toContain('localhost');
    const mail = received.find(
      (m) => m.subject.startsWith('【退回】') && m.to.includes('officer-a@test.local'),
    );
    expect(mail?.text).toContain('佐证材料缺少盖章页');
    expect(mail?.text).toContain(`${LINK_BASE}${taskId}`);
    // The grant names both deadlines.
    const [granted]: { body: string }[] = await env.db.query(
      `SELECT body FROM notifications WHERE task_id = $1 AND rule = 'extension.granted' LIMIT 1`,
      [taskId],
    );
    expect(granted.body).toContain('由2026年4月30日延至2026年5月31日');
  });

  it('reschedules reminders on a deadline edit without the caller calling the scheduler', async () => {
    const desk = services.get(TaskDeskService, { strict: false });
    const edit = services.get(TaskEditService, { strict: false });
    const supervisor = await authUser(env, seeded, 'sup-1');
    const task = await desk.create(
      {
        source: { kind: 'leader_instruction', title: '关于时限调整的批示' },
        title: '调整时限的任务',
        text: '调整时限的任务。',
        leadDepartmentIds: [seeded.departments['B']],
        deadline: '2026-04-30',
      },
      supervisor,
    );
    const scheduler = env.app.get(ReminderScheduler);
    const tracked = (): Promise<string[]> => scheduler.trackedJobIds(task.id);
    await env.waitFor(
      async () => (await tracked()).some((id) => id.endsWith('|deadline_today|2026-04-30')),
      15_000,
      'the new task scheduled from its task.assigned event',
    );
    await edit.editDeadline(task.id, supervisor, {
      deadline: '2026-06-30',
      reason: '工作量调整',
      version: task.version,
    });
    await env.waitFor(
      async () => {
        const ids = await tracked();
        return (
          ids.some((id) => id.endsWith('|deadline_today|2026-06-30')) &&
          !ids.some((id) => id.includes('2026-04-30'))
        );
      },
      15_000,
      'the reminders moved to the new deadline',
    );
    await settle('the edit notice sent');
    const [notice]: { body: string }[] = await env.db.query(
      `SELECT body FROM notifications WHERE task_id = $1 AND rule = 'task.deadline_edited'`,
      [task.id],
    );
    expect(notice.body).toContain('工作量调整');
    expect(notice.body).toContain(`${LINK_BASE}${task.id}`);
  });

  it('schedules a CLI import at once (no reconciler pass, no caller)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-events-'));
    const file = join(dir, 'cli-import.txt');
    writeFileSync(
      file,
      [
        '国务院办公厅关于推进测试工作的通知',
        '国办发〔2026〕99号',
        '',
        '各省、自治区、直辖市人民政府，国务院各部委：',
        '　　（一）加快推进测试平台建设。2026年6月底前完成平台建设。（商务部牵头，财政部按职责分工负责）',
        '　　（二）完善测试配套制度。2026年9月底前出台配套制度。（国家发展改革委负责）',
        '',
      ].join('\n'),
    );
    const before = await count(env, 'SELECT count(*) AS n FROM tasks');
    const cli = spawnSync(process.execPath, [join(workerScript(), '../cli.js'), 'import', file], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', TZ: 'UTC', NODE_ENV: 'test', DATABASE_URL: env.dbUrl },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(cli.status, `${cli.stdout}\n${cli.stderr}`).toBe(0);
    const imported: { id: string; deadline: string | null }[] = await env.db.query(
      `SELECT id, to_char(deadline, 'YYYY-MM-DD') AS deadline FROM tasks WHERE source_file LIKE '%cli-import.txt' ORDER BY id`,
    );
    expect(imported.length).toBeGreaterThan(0);
    expect(await count(env, 'SELECT count(*) AS n FROM tasks')).toBe(before + imported.length);
    const scheduler = env.app.get(ReminderScheduler);
    const dated = imported.filter((t) => t.deadline !== null);
    expect(dated.length).toBeGreaterThan(0);
    await env.waitFor(
      async () => {
        for (const t of dated)
          if (
            !(await scheduler.trackedJobIds(t.id)).some((id) => id.endsWith(`|deadline_today|${t.deadline}`))
          )
            return false;
        return true;
      },
      15_000,
      'reminder jobs of every imported task with a deadline',
    );
    await settle('the import events drained');
    // Their lead departments heard of them too.
    expect(
      await count(
        env,
        `SELECT count(*) AS n FROM notifications WHERE rule = 'task.assigned' AND task_id = ANY($1::uuid[])`,
        [imported.map((t) => t.id)],
      ),
    ).toBeGreaterThan(0);
  });
});
