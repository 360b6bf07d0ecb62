import type { PageDto, TaskDetailDto, TaskStatus, TaskSummaryDto } from '@duban/domain';
import { shanghaiDate } from '@duban/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, WorkflowEnv, type SeededUser } from '../support/workflow-env';

/**
 * A list confined to one department (an officer's own, or anyone's `department=` filter) is read from
 * the assignment rows' copies of status and deadline. These tests hold it to the general query (forced
 * by a `document` filter, which every task here matches) and to the tasks table itself, also after the
 * tasks change through the workflow and behind the API's back.
 */
describe('GET /api/tasks for one department (read from assignment rows)', () => {
  let env: WorkflowEnv;
  let today: string;
  const ids: string[] = [];

  beforeAll(async () => {
    env = await WorkflowEnv.start();
    today = shanghaiDate(new Date());
    const { A, B, C } = env.departments;
    const statuses: TaskStatus[] = ['not_started', 'in_progress', 'submitted', 'done', 'returned'];
    const offsets = [-20, -1, -1, 0, 2, 2, 30, null];
    const teams: { lead: string[]; participants: string[] }[] = [
      { lead: [A], participants: [B] },
      { lead: [B], participants: [A, C] },
      { lead: [C], participants: [] },
      { lead: [A], participants: [] },
    ];
    let i = 0;
    for (const offset of offsets) {
      for (const status of statuses) {
        const team = teams[i % teams.length];
        i += 1;
        ids.push(
          await env.newTask({
            status,
            deadline: offset === null ? null : addDays(today, offset),
            title: `部门列表任务${String(i).padStart(2, '0')}`,
            ...team,
          }),
        );
      }
    }
  });

  afterAll(async () => {
    await env?.stop();
  });

  async function list(as: SeededUser, query: Record<string, string>): Promise<PageDto<TaskSummaryDto>> {
    const res = await env.http<PageDto<TaskSummaryDto>>('GET', '/api/tasks', { as, query });
    expect(res.status).toBe(200);
    return res.body;
  }

  /** Every page of `pageSize`, concatenated; the total must be the same on each page. */
  async function pages(as: SeededUser, query: Record<string, string>, pageSize: number) {
    const seen: string[] = [];
    const totals = new Set<number>();
    for (let page = 1; page <= 50; page += 1) {
      const body = await list(as, { ...query, page: String(page), pageSize: String(pageSize) });
      totals.add(body.total);
      if (body.items.length === 0) break;
      seen.push(...body.items.map((item) => item.id));
    }
    expect(totals.size).toBe(1);
    return { ids: seen, total: [...totals][0] };
  }

  /** The department's tasks as the tasks table has them, in the default order (overdue first). */
  async function fromTasksTable(department: string, where = 'TRUE', params: unknown[] = []) {
    const rows = await env.db.query<{ id: string }[]>(
      `SELECT t.id FROM tasks t JOIN task_assignments a ON a.task_id = t.id AND a.department_id = $1
        WHERE ${where}
        ORDER BY (t.status <> 'done' AND t.deadline IS NOT NULL AND t.deadline < $2::date) DESC,
                 t.deadline ASC NULLS LAST, t.id ASC`,
      [department, today, ...params],
    );
    return rows.map((row) => row.id);
  }

  const queries: Record<string, string>[] = [
    {},
    { status: 'in_progress' },
    { status: 'done' },
    { status: 'returned' },
    { overdue: 'true' },
    { overdue: 'false' },
    { role: 'lead' },
    { role: 'participant' },
    { role: 'lead', status: 'not_started' },
    { sort: 'deadline' },
    { sort: '-deadline' },
    { sort: 'status' },
    { sort: '-status', overdue: 'false' },
  ];

  it.each(queries)('an officer’s own list %j equals the general query, page by page', async (query) => {
    const dueBefore = addDays(today, 2);
    for (const as of [env.users.leadOfficer, env.users.participantOfficer, env.users.otherOfficer]) {
      for (const q of [query, { ...query, dueBefore }, { ...query, dueAfter: today }]) {
        const general = await list(as, { ...q, document: env.documentId, pageSize: '200' });
        expect(general.total).toBeGreaterThanOrEqual(0);
        const paged = await pages(as, q, 7);
        expect(paged.total).toBe(general.total);
        expect(paged.ids).toEqual(general.items.map((item) => item.id));
      }
    }
  });

  it.each(queries)('a supervisor’s department filter %j equals the general query', async (query) => {
    for (const department of Object.values(env.departments)) {
      const q = { ...query, department };
      const general = await list(env.users.supervisor, { ...q, document: env.documentId, pageSize: '200' });
      const paged = await pages(env.users.supervisor, q, 5);
      expect(paged.total).toBe(general.total);
      expect(paged.ids).toEqual(general.items.map((item) => item.id));
    }
  });

  it('lists exactly what the tasks table says, in the default order', async () => {
    const own = await list(env.users.leadOfficer, { pageSize: '200' });
    expect(own.items.map((item) => item.id)).toEqual(await fromTasksTable(env.departments.A));
    expect(own.total).toBe(30); // A leads teams 1 and 4 and takes part in team 2: 3 teams × 10 tasks
    const inProgress = await list(env.users.participantOfficer, { status: 'in_progress', pageSize: '200' });
    expect(inProgress.items.map((item) => item.id)).toEqual(
      await fromTasksTable(env.departments.B, `t.status = 'in_progress'`),
    );
    expect(inProgress.items.every((item) => item.status === 'in_progress')).toBe(true);
  });

  it('follows status and deadline changes made through the workflow and behind its back', async () => {
    const { leadOfficer, supervisor } = env.users;
    const notStarted = (await list(leadOfficer, { status: 'not_started', role: 'lead', pageSize: '200' }))
      .items;
    expect(notStarted.length).toBeGreaterThan(1);
    const [reported, extended] = notStarted;

    // 未开始 → 进行中 by a progress report.
    const progress = await env.http<TaskDetailDto>('POST', `/api/tasks/${reported.id}/progress`, {
      as: leadOfficer,
      body: { text: '已部署推进。' },
    });
    expect(progress.status).toBe(200);
    expect(
      (await list(leadOfficer, { status: 'not_started', pageSize: '200' })).items.map((t) => t.id),
    ).not.toContain(reported.id);
    expect(
      (await list(leadOfficer, { status: 'in_progress', pageSize: '200' })).items.map((t) => t.id),
    ).toContain(reported.id);

    // A granted extension moves the deadline in force: no longer overdue, now last among the dated.
    const later = addDays(today, 400);
    const asked = await env.http<TaskDetailDto>('POST', `/api/tasks/${extended.id}/extension`, {
      as: leadOfficer,
      body: { reason: '需要协调多部门，申请延期。', requestedDeadline: later },
    });
    expect(asked.status).toBe(201);
    const granted = await env.http('POST', `/api/extensions/${asked.body.extensions[0].id}/grant`, {
      as: supervisor,
      body: { reason: '同意' },
    });
    expect(granted.status).toBe(200);
    const byDeadline = await list(leadOfficer, { sort: '-deadline', pageSize: '1' });
    expect(byDeadline.items[0].id).toBe(extended.id);
    expect(byDeadline.items[0].deadline).toBe(later);
    const overdue = (await list(leadOfficer, { overdue: 'true', pageSize: '200' })).items.map((t) => t.id);
    expect(overdue).not.toContain(extended.id);

    // Straight SQL, as a re-import or an operator would: the copies follow in the same statement.
    await env.db.query(`UPDATE tasks SET status = 'done', deadline = $2 WHERE id = $1`, [
      reported.id,
      addDays(today, -3),
    ]);
    const done = await list(leadOfficer, { status: 'done', pageSize: '200' });
    expect(done.items.map((t) => t.id)).toContain(reported.id);
    expect(done.items.map((t) => t.id)).toEqual(await fromTasksTable(env.departments.A, `t.status = 'done'`));

    // A department added later takes the task's current values on insert.
    await env.db.query(
      `INSERT INTO task_assignments (task_id, department_id, role, position) VALUES ($1, $2, 'participant', 5)`,
      [extended.id, env.departments.C],
    );
    const forC = await list(env.users.otherOfficer, { sort: '-deadline', pageSize: '1' });
    expect(forC.items[0]).toMatchObject({ id: extended.id, deadline: later });

    const stale = await env.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM task_assignments a JOIN tasks t ON t.id = a.task_id
        WHERE a.task_status IS DISTINCT FROM t.status OR a.task_deadline IS DISTINCT FROM t.deadline`,
    );
    expect(stale[0].n).toBe(0);
    expect(ids.length).toBe(40);
  });

  it('refuses to let an assignment row carry values of its own', async () => {
    const [row] = await env.db.query<{ id: string; task_id: string }[]>(
      `SELECT a.id, a.task_id FROM task_assignments a JOIN tasks t ON t.id = a.task_id
        WHERE t.status <> 'done' AND t.deadline IS NOT NULL LIMIT 1`,
    );
    expect(row).toBeDefined();
    await env.db.query(
      `UPDATE task_assignments SET task_status = 'done', task_deadline = NULL WHERE id = $1`,
      [row.id],
    );
    const [check] = await env.db.query<{ same: boolean }[]>(
      `SELECT a.task_status = t.status AND a.task_deadline IS NOT DISTINCT FROM t.deadline AS same
         FROM task_assignments a JOIN tasks t ON t.id = a.task_id WHERE a.id = $1`,
      [row.id],
    );
    expect(check.same).toBe(true);
  });
});
