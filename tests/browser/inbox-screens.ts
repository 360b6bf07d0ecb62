/**
 * The inbox against the real stack, with messages of every category (written as the producers write
 * them: a notification row and one inbox delivery per user), at 1280 px and at phone width:
 * `npx tsx tests/browser/inbox-screens.ts` after `npx nx build web && npx nx build api`.
 * Checks what a person would notice (cards per task, tab badges, the expanded history, no raw address
 * on screen, 查看任务 routing inside the app) and writes tests/browser/screenshots/inbox-*.png.
 */
import bcrypt from 'bcryptjs';
import { launch, newPage, PHONE, screenshot, DESKTOP } from './support/browser';
import { CORPUS_FILE } from './support/data';
import { startStack, type Stack } from './support/stack';

interface Message {
  rule: string;
  title: string;
  body: string;
  hoursAgo: number;
  read?: boolean;
}

async function notify(
  stack: Stack,
  userId: string,
  departmentId: string,
  taskId: string | null,
  m: Message,
): Promise<void> {
  await stack.sql(
    `WITH n AS (
       INSERT INTO notifications (key, task_id, rule, recipient_kind, department_id, due_at, sent_at, title, body)
       VALUES ('screens:' || gen_random_uuid(), $1, $2, 'department', $3, now(), now() - make_interval(hours => $6), $4, $5)
       RETURNING id
     )
     INSERT INTO notification_deliveries (notification_id, channel, dedupe_key, user_id, status, sent_at, read_at)
     SELECT n.id, 'inbox', 'screens:' || n.id, $7, 'sent', now(), CASE WHEN $8 THEN now() END FROM n`,
    [taskId, m.rule, departmentId, m.title, m.body, m.hoursAgo, userId, m.read ?? false],
  );
}

async function main(): Promise<void> {
  const stack = await startStack({ worker: false });
  const browser = await launch();
  try {
    await stack.cli(['seed'], 300_000);
    await stack.cli(['import', CORPUS_FILE], 300_000);
    // Dated tasks, the first led by the officer's department (the cards read any task the user was told of).
    const tasks = await stack.sql<{ id: string; title: string; department_id: string; department: string }>(
      `SELECT DISTINCT ON (t.source_line) t.id, t.title, a.department_id, d.name AS department
         FROM tasks t JOIN task_assignments a ON a.task_id = t.id AND a.role = 'lead' JOIN departments d ON d.id = a.department_id
        WHERE t.deadline IS NOT NULL
        ORDER BY t.source_line, a.position LIMIT 4`,
    );
    if (tasks.length < 4) throw new Error('the corpus file has too few dated tasks');
    const department = tasks[0].department_id;
    const password = 'Inbox-screens-1';
    const [user] = await stack.sql<{ id: string }>(
      `INSERT INTO users (username, display_name, password_hash, role, department_id) VALUES ('screens.officer', '王经办', $1, 'officer', $2) RETURNING id`,
      [await bcrypt.hash(password, 8), department],
    );
    await stack.sql(`UPDATE tasks SET status = 'returned' WHERE id = $1`, [tasks[1].id]);
    await stack.sql(`UPDATE tasks SET status = 'done', completed_at = now() WHERE id = $1`, [tasks[2].id]);
    await stack.sql(`UPDATE tasks SET deadline = current_date + 5 WHERE id = $1`, [tasks[3].id]);
    const link = (id: string): string =>
      `\n\n查看任务：${stack.baseUrl}/tasks/${id}\n\n（本消息由督办系统自动发送，请勿直接回复。）`;
    const say = (taskIndex: number, m: Message): Promise<void> =>
      notify(stack, user.id, department, tasks[taskIndex].id, m);
    const t = (i: number): string => tasks[i].title;
    await say(0, {
      rule: 'deadline_today',
      title: `【督办提醒】今天到期：${t(0)}`,
      body: `${tasks[0].department}：\n\n任务“${t(0)}”的完成时限为今天，请于今日内完成并提交。${link(tasks[0].id)}`,
      hoursAgo: 80,
      read: true,
    });
    await say(0, {
      rule: 'overdue_urge',
      title: `【催办】已逾期1天：${t(0)}`,
      body: `${tasks[0].department}：\n\n任务“${t(0)}”现已逾期1天，请立即办理并说明情况。${link(tasks[0].id)}`,
      hoursAgo: 56,
    });
    await say(0, {
      rule: 'comment.created',
      title: `督查室评论：${t(0)}`,
      body: '请补充今年一季度的落实数据。',
      hoursAgo: 30,
    });
    await say(0, {
      rule: 'overdue_urge',
      title: `【催办】已逾期4天：${t(0)}`,
      body: `${tasks[0].department}：\n\n任务“${t(0)}”现已逾期4天，请立即办理并说明情况。${link(tasks[0].id)}`,
      hoursAgo: 1,
    });
    await say(1, {
      rule: 'task.returned',
      title: `任务被退回：${t(1)}`,
      body: `${tasks[1].department}：\n\n退回原因：佐证材料未体现办结情况，请补充后重新提交。${link(tasks[1].id)}`,
      hoursAgo: 2,
    });
    await say(2, {
      rule: 'extension.granted',
      title: `延期已批准：${t(2)}`,
      body: '督查室已同意延期，新的完成时限见任务页。',
      hoursAgo: 5,
    });
    await say(2, {
      rule: 'task.approved',
      title: `审核通过：${t(2)}`,
      body: '督查室已审核通过，任务办结。',
      hoursAgo: 3,
      read: true,
    });
    await say(3, {
      rule: 'deadline_approaching',
      title: `【督办提醒】5天后到期：${t(3)}`,
      body: `${tasks[3].department}：\n\n距到期还有5天，请抓紧推进并及时报送进展。${link(tasks[3].id)}`,
      hoursAgo: 8,
    });

    for (const [label, viewport] of [
      ['1280', DESKTOP],
      ['390', PHONE],
    ] as const) {
      const { context, page } = await newPage(browser, stack.baseUrl, viewport);
      await page.goto('/login');
      await page.getByLabel('用户名').fill('screens.officer');
      await page.getByLabel('密码').fill(password);
      await page.getByRole('button', { name: '登录' }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await page.goto('/inbox');
      await page.locator('db-inbox-card').first().waitFor();
      const cards = await page.locator('db-inbox-card').count();
      if (cards !== 4) throw new Error(`expected 4 task cards, saw ${cards}`);
      await page.getByRole('button', { name: /历史消息（4条）/ }).click();
      await page.getByRole('list', { name: '这项任务的历史消息' }).waitFor();
      await page.waitForTimeout(300);
      const text = (await page.locator('main').textContent()) ?? '';
      if (/https?:\/\//.test(text)) throw new Error('a raw address is on screen');
      if (text.includes('请勿直接回复')) throw new Error('the e-mail footer is on screen');
      await screenshot(page, `inbox-${label}-all-expanded`);
      await page.screenshot({
        path: `tests/browser/screenshots/inbox-${label}-all-full.png`,
        fullPage: true,
      });
      await page.getByRole('button', { name: /^催办/ }).click();
      await page.waitForTimeout(500);
      const reminderCards = await page.locator('db-inbox-card').count();
      if (reminderCards !== 2) throw new Error(`expected 2 催办 cards, saw ${reminderCards}`);
      await screenshot(page, `inbox-${label}-reminders`);
      await page.getByRole('button', { name: /^退回/ }).click();
      await page.waitForTimeout(500);
      await page.getByRole('link', { name: '查看任务' }).first().click();
      await page.waitForURL(`**/tasks/${tasks[1].id}`);
      await context.close();
    }
    console.log('screenshots written to tests/browser/screenshots/inbox-*.png');
  } finally {
    await browser.close();
    await stack.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
