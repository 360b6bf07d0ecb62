/** Puts the data the browser flows need into a running stack: corpus tasks, users of known departments, 2,000 synthetic tasks. */
import bcrypt from 'bcryptjs';
import type { Stack } from './stack';

export const CORPUS_FILE = 'corpus/000_b2e2599482101c52.txt';
export const PERF_TASKS = 2000;

export interface E2eUser {
  username: string;
  password: string;
  displayName: string;
  department: string | null;
}

export interface E2eData {
  baseUrl: string;
  officer: E2eUser;
  otherOfficer: E2eUser;
  supervisor: E2eUser;
  admin: E2eUser;
  perfOfficer: E2eUser;
  /** An officer of a department that participates in tasks but leads none. */
  participantOfficer: E2eUser;
  /** An officer whose password was set by someone else (seed, reset): must change it first. */
  newcomer: E2eUser;
  task: { id: string; title: string; department: string };
  /** A second overdue task of the officer's department, for the extension flow. */
  extensionTask: { id: string; title: string; deadline: string };
  /** A third untouched task of the officer's department, for the feedback / fresh-list checks. */
  uxTask: { id: string; title: string };
  /** A labelled-field task of otherOfficer's department with a three-item 工作清单 (none ticked), reported quarterly. */
  checklistTask: { id: string; title: string };
  importFile: string;
}

async function tryCli(stack: Stack, args: string[]): Promise<boolean> {
  try {
    await stack.cli(args, 300_000);
    return true;
  } catch (err) {
    console.warn(String(err));
    return false;
  }
}

async function createUser(
  stack: Stack,
  username: string,
  displayName: string,
  role: 'officer' | 'supervisor' | 'admin',
  departmentId: string | null,
  password: string,
  mustChangePassword = false,
): Promise<void> {
  const hash = await bcrypt.hash(password, 8);
  await stack.sql(
    `INSERT INTO users (username, display_name, password_hash, role, department_id, must_change_password)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role,
       department_id = EXCLUDED.department_id, must_change_password = EXCLUDED.must_change_password`,
    [username, displayName, hash, role, departmentId, mustChangePassword],
  );
}

export async function prepareData(stack: Stack): Promise<E2eData> {
  const t0 = Date.now();
  // Departments (and the seeded users) first, so the import resolves names to them.
  if (!(await tryCli(stack, ['seed'])))
    throw new Error('"node dist/apps/api/cli.js seed" failed; see the output above.');
  if (!(await tryCli(stack, ['import', CORPUS_FILE])))
    throw new Error(`"node dist/apps/api/cli.js import ${CORPUS_FILE}" failed.`);
  console.log(`[e2e] seeded and imported ${CORPUS_FILE} in ${Date.now() - t0} ms`);

  // An overdue, untouched task led by a single department: the officer's flow works on it. The other two are tasks
  // the officer's department leads as 主办 (only the 主办 submits and asks for extensions).
  const [target] = await stack.sql<{ id: string; title: string; department_id: string; department: string }>(
    `SELECT t.id, t.title, d.id AS department_id, d.name AS department
       FROM tasks t
       JOIN task_assignments a ON a.task_id = t.id AND a.role = 'lead'
       JOIN departments d ON d.id = a.department_id
      WHERE t.deadline < current_date AND t.status = 'not_started'
        AND (SELECT count(*) FROM task_assignments a2 WHERE a2.task_id = t.id AND a2.role = 'lead') = 1
      ORDER BY t.source_line
      LIMIT 1`,
  );
  if (!target)
    throw new Error('No overdue task with a single lead department after importing the corpus file.');
  const [extensionTask] = await stack.sql<{ id: string; title: string; deadline: string }>(
    `SELECT t.id, t.title, to_char(t.deadline, 'YYYY-MM-DD') AS deadline
       FROM tasks t JOIN task_assignments a ON a.task_id = t.id AND a.role = 'lead' AND a.is_main
      WHERE a.department_id = $1 AND t.id <> $2 AND t.deadline < current_date AND t.status = 'not_started'
      ORDER BY t.source_line LIMIT 1`,
    [target.department_id, target.id],
  );
  if (!extensionTask) throw new Error(`No second overdue task for ${target.department}.`);
  const [uxTask] = await stack.sql<{ id: string; title: string }>(
    `SELECT t.id, t.title FROM tasks t JOIN task_assignments a ON a.task_id = t.id AND a.role = 'lead' AND a.is_main
      WHERE a.department_id = $1 AND t.id NOT IN ($2, $3) AND t.status = 'not_started'
      -- Overdue first: the review queue lists the most overdue submissions, so the supervisor sees this one.
      ORDER BY (t.deadline < current_date) DESC NULLS LAST, t.deadline NULLS LAST, t.source_line LIMIT 1`,
    [target.department_id, target.id, extensionTask.id],
  );
  if (!uxTask) throw new Error(`No third task for ${target.department}.`);
  // The review queue shows the 20 most overdue submissions (the 2,000 synthetic tasks below include 500 submitted
  // ones up to 60 days overdue): a department's third 主办 task may be undated, so make it clearly overdue.
  await stack.sql(
    `UPDATE tasks SET deadline = current_date - 800 WHERE id = $1 AND (deadline IS NULL OR deadline >= current_date - 800)`,
    [uxTask.id],
  );
  const [participantDept] = await stack.sql<{ id: string; name: string }>(
    `SELECT d.id, d.name FROM departments d
      WHERE EXISTS (SELECT 1 FROM task_assignments a WHERE a.department_id = d.id AND a.role = 'participant')
        AND NOT EXISTS (SELECT 1 FROM task_assignments a WHERE a.department_id = d.id AND a.role = 'lead')
      ORDER BY d.name LIMIT 1`,
  );
  if (!participantDept) throw new Error('No participant-only department after importing the corpus file.');
  const [other] = await stack.sql<{ id: string; name: string }>(
    `SELECT d.id, d.name FROM departments d
      WHERE NOT EXISTS (SELECT 1 FROM task_assignments a WHERE a.task_id = $1 AND a.department_id = d.id)
        AND d.kind = 'ministry'
      ORDER BY d.name LIMIT 1`,
    [target.id],
  );

  const password = stack.seedPassword;
  const officer: E2eUser = {
    username: 'e2e.officer',
    password,
    displayName: '王经办',
    department: target.department,
  };
  const otherOfficer: E2eUser = {
    username: 'e2e.other',
    password,
    displayName: '赵其他',
    department: other.name,
  };
  const supervisor: E2eUser = {
    username: 'e2e.supervisor',
    password,
    displayName: '李督查',
    department: null,
  };
  const admin: E2eUser = { username: 'e2e.admin', password, displayName: '周管理', department: null };
  const participantOfficer: E2eUser = {
    username: 'e2e.participant',
    password,
    displayName: '钱参与',
    department: participantDept.name,
  };
  await createUser(
    stack,
    participantOfficer.username,
    participantOfficer.displayName,
    'officer',
    participantDept.id,
    password,
  );
  const perfOfficer: E2eUser = {
    username: 'e2e.perf',
    password,
    displayName: '孙性能',
    department: '性能测试司',
  };
  await createUser(stack, officer.username, officer.displayName, 'officer', target.department_id, password);
  await createUser(stack, otherOfficer.username, otherOfficer.displayName, 'officer', other.id, password);
  await createUser(stack, supervisor.username, supervisor.displayName, 'supervisor', null, password);
  await createUser(stack, admin.username, admin.displayName, 'admin', null, password);
  const newcomer: E2eUser = {
    username: 'e2e.newcomer',
    password,
    displayName: '吴新人',
    department: target.department,
  };
  await createUser(
    stack,
    newcomer.username,
    newcomer.displayName,
    'officer',
    target.department_id,
    password,
    true,
  );

  // A labelled-field block's task (行动内容： 1. 2. 3.) as the import stores it, led by otherOfficer's department, a
  // quarterly reporting duty (so its page says when the next report is due).
  const [checklistTask] = await stack.sql<{ id: string; title: string }>(
    `WITH t AS (
       INSERT INTO tasks (document_id, measure_key, path, title, text, source_file, source_line, origin, deadline,
                          deadline_text, deadline_kind, recurrence, checklist)
       SELECT d.id, 'e2e-checklist', ARRAY['重点任务'], '网络设施提升行动',
              '行动内容：1．加快工业设备联网改造。2．推进企业内网升级。3．开展企业外网建设。', d.source_file, 1, 'field',
              NULL, '每季度报送进展', 'ongoing', 'quarter', $2::jsonb
         FROM policy_documents d ORDER BY d.start_line LIMIT 1
       RETURNING id, title)
     , a AS (INSERT INTO task_assignments (task_id, department_id, role) SELECT id, $1, 'lead' FROM t)
     SELECT id, title FROM t`,
    [
      other.id,
      JSON.stringify(
        [
          '加快工业设备联网改造，支持企业改造现场设备。',
          '推进企业内网升级，建设园区网络。',
          '开展企业外网建设，推动高质量外网接入。',
        ].map((text) => ({ text, done: false, doneAt: null, doneBy: null })),
      ),
    ],
  );

  // 2,000 synthetic overdue/future tasks led by one department, for the list-rendering measurement.
  const [perfDept] = await stack.sql<{ id: string }>(
    `INSERT INTO departments (name, slug, kind) VALUES ('性能测试司', 'e2e-perf', 'ministry') RETURNING id`,
  );
  const [doc] = await stack.sql<{ id: string; source_file: string }>(
    `SELECT id, source_file FROM policy_documents ORDER BY start_line LIMIT 1`,
  );
  await stack.sql(
    `WITH t AS (
       INSERT INTO tasks (document_id, measure_key, path, title, text, source_file, source_line, origin, deadline, deadline_text, deadline_kind, status)
       SELECT $1, 'e2e-perf-' || g, ARRAY['性能测试'], '性能测试措施第' || g || '项：完善政策落实督办机制',
              '性能测试措施第' || g || '项。（性能测试司负责）', $2, g, 'inline',
              current_date + ((g % 120) - 60), '2026年内', 'date',
              (ARRAY['not_started','in_progress','returned','submitted'])[1 + g % 4]::task_status
         FROM generate_series(1, $3::int) g
       RETURNING id)
     INSERT INTO task_assignments (task_id, department_id, role) SELECT id, $4, 'lead' FROM t`,
    [doc.id, doc.source_file, PERF_TASKS, perfDept.id],
  );
  await createUser(stack, perfOfficer.username, perfOfficer.displayName, 'officer', perfDept.id, password);

  return {
    baseUrl: stack.baseUrl,
    officer,
    otherOfficer,
    supervisor,
    admin,
    perfOfficer,
    participantOfficer,
    newcomer,
    task: { id: target.id, title: target.title, department: target.department },
    extensionTask,
    uxTask,
    checklistTask,
    importFile: CORPUS_FILE,
  };
}
